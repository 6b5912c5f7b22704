#include "core/Text.h"

namespace pd::text {

QString clean(const QString& s)
{
    return s.simplified().normalized(QString::NormalizationForm_C);
}

QString searchKey(const QString& s)
{
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
    for (const QChar c : s)
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            out.append(c);
    return out;
}

QString prefixEnd(const QString& prefix)
{
    // U+FFFF sorts after every character a key can hold (keys are NFC text, BMP or surrogates).
    return prefix + QChar(0xFFFF);
}

} // namespace pd::text
