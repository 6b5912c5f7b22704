#pragma once

#include <QStringList>

namespace pd {

// What a person calls a stored column, for the audit trail's "what changed" (D5): the
// timeline says "Changed: Email, Mobile phone", not "email, mobile_phone". A column without
// a label keeps its name.
QString fieldLabel(const QString& column);
// The labels of the changed columns, in a stable order, joined with ", ".
QString fieldLabels(const QStringList& columns);

} // namespace pd
