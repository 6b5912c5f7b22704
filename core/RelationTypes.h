#pragma once

#include "core/Relation.h"
#include "core/Result.h"

#include <QList>

#include <optional>

namespace pd {

// C2/P1: the relation types, their stable storage keys, their labels and what a new
// relation of each type gets by default.

// Stable key stored in the database and sent over the wire ("legal_guardian", …).
QString relationTypeKey(RelationType type);
std::optional<RelationType> relationTypeFromKey(const QString& key);
// The same for input that may be wrong (imports, the wire): an unknown key is an error that
// names it and lists the known keys, for the field "relationType".
Result<RelationType> parseRelationTypeKey(const QString& key);
// The label shown to staff ("Legal Guardian"), translated.
QString relationTypeLabel(RelationType type);
QList<RelationType> allRelationTypes();

// A new relation of this type with its defaults: P1 portal invite on for Legal Guardian
// and Responsible Party (with the permissions a guardian usually needs); reminders and
// confirmations for the people who look after the client; nothing for an emergency
// contact, who is only called when something is wrong.
Relation defaultRelation(RelationType type);

} // namespace pd
