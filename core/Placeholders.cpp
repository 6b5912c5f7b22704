#include "core/Placeholders.h"

namespace pd {

namespace {
bool isNameStart(QChar c)
{
    return (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('a') && c <= QLatin1Char('z'));
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

QString joined(const QString& a, const QString& b)
{
    return (a + QLatin1Char(' ') + b).trimmed();
}
} // namespace

QStringList Placeholders::known()
{
    return {
        QStringLiteral("RecipientFirstName"), QStringLiteral("RecipientLastName"), QStringLiteral("RecipientName"),
        QStringLiteral("ClientFirstName"),    QStringLiteral("ClientLastName"),    QStringLiteral("ClientName"),
        QStringLiteral("AppointmentDate"),    QStringLiteral("AppointmentTime"),   QStringLiteral("PracticeName"),
        QStringLiteral("PractitionerName"),   QStringLiteral("LocationAddress"),   QStringLiteral("TelehealthLink")};
}

RenderedTemplate Placeholders::render(const QString& templ, const QHash<QString, QString>& values)
{
    RenderedTemplate out;
    out.text.reserve(templ.size());
    qsizetype i = 0;
    while (i < templ.size()) {
        const QChar c = templ.at(i);
        if (c == QLatin1Char('[') && i + 1 < templ.size() && isNameStart(templ.at(i + 1))) {
            qsizetype j = i + 1;
            while (j < templ.size() && isNameChar(templ.at(j)))
                ++j;
            if (j < templ.size() && templ.at(j) == QLatin1Char(']')) {
                const QString name = templ.mid(i + 1, j - i - 1);
                const auto it = values.constFind(name);
                if (it != values.constEnd()) {
                    out.text += *it;
                } else {
                    out.text += templ.mid(i, j - i + 1); // stays visible for a person to notice
                    if (!out.unknown.contains(name))
                        out.unknown << name;
                }
                i = j + 1;
                continue;
            }
        }
        out.text += c;
        ++i;
    }
    return out;
}

QHash<QString, QString> Placeholders::valuesFor(const QString& recipientFirst, const QString& recipientLast,
                                                const QString& clientFirst, const QString& clientLast)
{
    return {{QStringLiteral("RecipientFirstName"), recipientFirst},
            {QStringLiteral("RecipientLastName"), recipientLast},
            {QStringLiteral("RecipientName"), joined(recipientFirst, recipientLast)},
            {QStringLiteral("ClientFirstName"), clientFirst},
            {QStringLiteral("ClientLastName"), clientLast},
            {QStringLiteral("ClientName"), joined(clientFirst, clientLast)}};
}

} // namespace pd
