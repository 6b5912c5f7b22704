#pragma once

#include <QHash>
#include <QStringList>

namespace pd {

// N2: message templates with [Placeholder] names, so one template serves the client and
// its contacts. Unknown placeholders are reported and left visible in the text, never
// silently dropped; bracketed text that is not a placeholder name ("[ ]", "[see note]")
// stays as written.
struct RenderedTemplate
{
    QString text;
    QStringList unknown; // placeholder names with no value, in order of appearance, once each
};

class Placeholders
{
public:
    static QStringList known(); // the names the product fills in
    static RenderedTemplate render(const QString& templ, const QHash<QString, QString>& values);
    // [RecipientFirstName], [RecipientLastName], [RecipientName], [ClientFirstName],
    // [ClientLastName], [ClientName] for one delivery.
    static QHash<QString, QString> valuesFor(const QString& recipientFirst, const QString& recipientLast,
                                             const QString& clientFirst, const QString& clientLast);
};

} // namespace pd
