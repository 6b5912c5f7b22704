#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace pd {

// C9: one email address may belong to several people: a parent who is the contact of two
// children, or a person who is a client and also a contact of another client. This is
// allowed and never an error; staff only get a note so they know why one login (P4) or one
// inbox sees several clients.

// Who else uses an address.
struct EmailOwner
{
    enum class Kind {
        Client,  // a client of the practice, in its own right
        Contact, // a contact (or related client) of the client named in ofClientName
    };
    Kind kind = Kind::Client;
    QString name;         // the owner's display name
    QString ofClientName; // for Contact: whose contact they are
};

// Addresses are compared as stored (normalized, ContactValidation) but also case-
// insensitively and ignoring surrounding spaces, so older rows still match.
bool sameEmail(const QString& a, const QString& b);

// The informational note shown beside the email field when other people use the address;
// empty when nobody else does or the email is empty. Never an error.
QString sharedEmailOwnersNote(const QString& email, const QList<EmailOwner>& otherOwners);

// Shorter form for callers that only have names ("Lía Pérez", "Bo Pérez"), named as given.
QString sharedEmailNote(const QString& email, const QStringList& otherOwners);

} // namespace pd
