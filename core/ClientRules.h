#pragma once

#include "core/Relation.h"
#include "core/Result.h"

#include <QList>

namespace pd::rules {

constexpr int kMaxNoteLength = 10000; // characters as a person counts them (an emoji is one)

// Characters as a person counts them: Unicode code points, so an emoji or a CJK
// extension character counts once (QString::size() would count two UTF-16 units).
qsizetype characterCount(const QString& s);

// The text fields of a client as they are stored: names, the confidential-communications
// reason (N5) in text::clean form (trimmed, spaces folded, NFC); notes trimmed and NFC but
// with their line breaks kept. The text itself is kept verbatim otherwise: quotes, "%s",
// "'; DROP TABLE" and right-to-left names are data, not code.
Client withCleanText(Client client);
// The same for a person related to a client (names, relationship text, court order).
RelatedPerson withCleanText(RelatedPerson person);

// Checks a client about to be saved together with its people. The first problem found is
// returned with the field it belongs beside:
//  - a name (first or last) is needed;
//  - notes are at most kMaxNoteLength characters;
//  - the date of birth is not in the future;
//  - C6: a minor needs at least one Legal Guardian relation that is valid today;
//  - C7: a client with neither email nor mobile phone needs at least one contact;
//  - C2/P1: a contact invited to the portal needs an email.
Status validateClient(const Client& client, const QList<RelatedPerson>& people, const QDate& today);

// C7: the person every email/SMS goes to when the client has neither email nor phone: the
// relation staff chose if it is still valid and reachable, else the first reachable one,
// preferring Legal Guardian, then Responsible Party, then Parent, then anyone else.
// Returns the index in people, or -1 when nobody qualifies.
int primaryContactIndex(const Client& client, const QList<RelatedPerson>& people, const QDate& today);

// C2/C5: why this person cannot receive notifications by the client's preferred method
// (no email, no mobile phone, relation expired); empty when they can.
QString notificationBlockReason(const RelatedPerson& person, ContactMethod method, const QDate& today);

// N1/C5: why a client with an email or a mobile phone receives nothing itself by its
// preferred method (Email without an email address, SMS without a mobile phone), with what
// to do; empty when the method reaches it, or when it has neither (C7: its primary contact
// stands in). A warning, not a reason to refuse the save.
QString preferredMethodGap(const Client& client);

} // namespace pd::rules
