#include "core/Text.h"

#include <algorithm>

namespace pd::text {

QString clean(const QString& s)
{
    return s.simplified().normalized(QString::NormalizationForm_C);
}

QString searchKey(const QString& s)
{
    // ASCII text has nothing to decompose, no marks and folds to lower case: the same key,
    // without the Unicode tables (most names in a bulk import take this way).
    if (std::all_of(s.begin(), s.end(), [](QChar c) { return c.unicode() < 0x80; })) {
        QString key = s.simplified();
        for (QChar& c : key)
            if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                c = QChar(c.unicode() + ('a' - 'A'));
        return key;
    }
    const QString decomposed = s.simplified().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const auto cat = c.category();
        if (cat == QChar::Mark_NonSpacing || cat == QChar::Mark_Enclosing)
            continue;
        out.append(c);
    }
    return out.toCaseFolded().normalized(QString::NormalizationForm_C);
}

QString digitsOnly(const QString& s)
{
    QString out;
    out.reserve(s.size());
    for (const QChar c : s)
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            out.append(c);
    return out;
}

QString prefixEnd(const QString& prefix)
{
    // The database compares keys as UTF-8 bytes, where a character outside the BMP (4 bytes,
    // from F0) sorts after U+FFFF (EF BF BF). U+10FFFF (F4 8F BF BF) is the last character
    // there is, so prefix + U+10FFFF is above every key that continues the prefix.
    return prefix + QChar(QChar::highSurrogate(0x10FFFF)) + QChar(QChar::lowSurrogate(0x10FFFF));
}

QString isoDate(const QDate& date)
{
    if (!date.isValid())
        return {};
    const int y = date.year();
    if (y < 0 || y > 9999)
        return date.toString(Qt::ISODate);
    const int m = date.month();
    const int d = date.day();
    const char16_t text[10] = {char16_t(u'0' + y / 1000),
                               char16_t(u'0' + y / 100 % 10),
                               char16_t(u'0' + y / 10 % 10),
                               char16_t(u'0' + y % 10),
                               u'-',
                               char16_t(u'0' + m / 10),
                               char16_t(u'0' + m % 10),
                               u'-',
                               char16_t(u'0' + d / 10),
                               char16_t(u'0' + d % 10)};
    return QString(reinterpret_cast<const QChar*>(text), 10);
}

} // namespace pd::text
