#include "core/Text.h"

namespace pd::text {

namespace {
// Most names, emails and phone numbers are plain ASCII: they are already in every Unicode
// normal form, so the (costly) normalization can be skipped. A bulk import calls these
// functions about ten times per client.
bool isAscii(const QString& s)
{
    for (const QChar c : s)
        if (c.unicode() >= 0x80)
            return false;
    return true;
}
} // namespace

QString clean(const QString& s)
{
    const QString simple = s.simplified();
    return isAscii(simple) ? simple : simple.normalized(QString::NormalizationForm_C);
}

QString searchKey(const QString& s)
{
    if (isAscii(s))
        return s.simplified().toLower(); // ASCII case folding is lower-casing
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
