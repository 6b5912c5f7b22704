#pragma once

#include "core/Contact.h"
#include "core/Relation.h"
#include "core/Result.h"

#include <QList>
#include <QMap>
#include <QStringList>

#include <optional>

namespace pd {

class Store;

// One of a client's people as the editor holds it before saving (C1: contacts can be
// added before the client itself is saved): a relation plus, for a stand-alone person, the
// contact's details. For a relation to another client (C3) the contact is left empty and
// the details come from that client's profile.
struct PersonDraft
{
    Relation relation;
    Contact contact;
};

// Saves a client together with its people in one change set, and only when the shared
// rules allow it: C6 a minor needs a Legal Guardian, C7 a client without email or phone
// needs a reachable contact, a contact invited to the portal needs an email, PP2 nobody is
// both a portal contact and the parent-portal user. The error names the field it belongs
// beside (Error::field), and nothing is written when it fails.
class ClientService
{
public:
    explicit ClientService(Store& store) : m_store(store) {}

    // Creates or updates client and people (ids are filled in); removedRelationIds are
    // deleted in the same change set. portalOverrides (S2), when given, replaces the client's
    // per-client portal overrides (key -> "false"; a key left out has no override).
    Status save(Client& client, QList<PersonDraft>& people, const QStringList& removedRelationIds = {},
                const std::optional<QMap<QString, QString>>& portalOverrides = std::nullopt);
    // The client's people as drafts, ready for an editor.
    Result<QList<PersonDraft>> drafts(const QString& clientId);
    // The person as the rules see them: the draft's contact details, or the linked client's
    // current profile (C3).
    Result<RelatedPerson> resolve(const PersonDraft& draft);
    // Turns the stand-alone contact of a saved relation into a client of the practice (with
    // the contact's name, email and phone) and points the relation at that client, in one
    // change set. Refused when the contact has neither email nor phone (C7 would then need a
    // contact for the new client too). Returns the new client.
    Result<Client> convertContactToClient(const QString& relationId);
    // D5: records that the current user opened this client's profile (audit only; nothing
    // to sync as a change).
    Status recordViewed(const QString& clientId);

    Store& m_store;
};

} // namespace pd
