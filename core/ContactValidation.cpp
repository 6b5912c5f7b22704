#include "core/ContactValidation.h"

#include <QCoreApplication>

namespace pd::validation {

namespace {
bool isLocalChar(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
           QStringLiteral(".!#$%&'*+/=?^_`{|}~-").contains(c);
}

bool isDomainChar(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
           c == QLatin1Char('-') || c == QLatin1Char('.') || c.unicode() > 127; // internationalized domain names
}
} // namespace

Result<QString> normalizeEmail(const QString& input)
{
    const QString email = input.trimmed().toLower();
    const QString field = QStringLiteral("email");
    if (email.isEmpty())
        return Error::invalid(QCoreApplication::translate("ContactValidation", "The email address is empty."), field);
    if (email.size() > 254)
        return Error::invalid(
            QCoreApplication::translate("ContactValidation", "The email address is longer than 254 characters."),
            field);
    for (const QChar c : email)
        if (c.isSpace())
            return Error::invalid(
                QCoreApplication::translate("ContactValidation", "The email address contains a space."), field);
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return Error::invalid(
            QCoreApplication::translate("ContactValidation", "The email address needs an @, as in name@example.com."),
            field);
    // Views, not copies: a bulk import checks 100,000 addresses.
    const QStringView local = QStringView(email).left(at);
    const QStringView domain = QStringView(email).mid(at + 1);
    if (local.isEmpty())
        return Error::invalid(
            QCoreApplication::translate("ContactValidation", "The email address has nothing before the @."), field);
    if (local.size() > 64)
        return Error::invalid(
            QCoreApplication::translate("ContactValidation", "The part before the @ is longer than 64 characters."),
            field);
    for (const QChar c : local)
        if (!isLocalChar(c))
            return Error::invalid(
                QCoreApplication::translate("ContactValidation",
                                            "The email address contains \"%1\" before the @, which is not allowed.")
                    .arg(c),
                field);
    if (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.')) || email.contains(QLatin1String("..")))
        return Error::invalid(
            QCoreApplication::translate("ContactValidation", "The email address has a misplaced dot."), field);
    if (domain.isEmpty())
        return Error::invalid(
            QCoreApplication::translate("ContactValidation", "The email address has no domain after the @."), field);
    for (const QChar c : domain)
        if (!isDomainChar(c))
            return Error::invalid(
                QCoreApplication::translate("ContactValidation", "The domain of the email address contains \"%1\".")
                    .arg(c),
                field);
    const qsizetype lastDot = domain.lastIndexOf(QLatin1Char('.'));
    if (lastDot < 0 || domain.size() - lastDot - 1 < 2)
        return Error::invalid(
            QCoreApplication::translate("ContactValidation", "The domain \"%1\" is incomplete (e.g. example.com).")
                .arg(domain),
            field);
    for (const QStringView l : domain.tokenize(QLatin1Char('.')))
        if (l.isEmpty() || l.size() > 63 || l.startsWith(QLatin1Char('-')) || l.endsWith(QLatin1Char('-')))
            return Error::invalid(
                QCoreApplication::translate("ContactValidation", "The domain \"%1\" is not valid.").arg(domain), field);
    return email;
}

Result<QString> normalizePhone(const QString& input, const QString& defaultCountryCode)
{
    const QString field = QStringLiteral("phone");
    const QString trimmed = input.trimmed();
    if (trimmed.isEmpty())
        return Error::invalid(QCoreApplication::translate("ContactValidation", "The phone number is empty."), field);
    QString digits;
    digits.reserve(trimmed.size() + defaultCountryCode.size()); // no growing, digit by digit
    bool plus = false;
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);
        if (c.isDigit() && c.unicode() < 128)
            digits.append(c);
        else if (c == QLatin1Char('+') && i == 0)
            plus = true;
        else if (c.isSpace() || QStringLiteral("-.()/").contains(c))
            continue;
        else
            return Error::invalid(
                QCoreApplication::translate("ContactValidation",
                                            "The phone number contains \"%1\"; use digits only (spaces, dashes and "
                                            "parentheses are fine).")
                    .arg(c),
                field);
    }
    if (!plus) {
        if (digits.startsWith(QLatin1String("00")))
            digits = digits.mid(2); // international prefix
        else if (defaultCountryCode == QLatin1String("1")) {
            if (digits.size() == 11 && digits.startsWith(QLatin1Char('1')))
                digits = digits.mid(1);
            if (digits.size() != 10)
                return Error::invalid(QCoreApplication::translate(
                                          "ContactValidation",
                                          "A North American phone number has 10 digits (with area code); this one "
                                          "has %1. For other countries start with + and the country code.")
                                          .arg(digits.size()),
                                      field);
            digits.prepend(QLatin1Char('1'));
        } else {
            if (digits.startsWith(QLatin1Char('0')))
                digits = digits.mid(1); // national trunk prefix
            digits.prepend(defaultCountryCode);
        }
    }
    if (digits.size() < 8 || digits.size() > 15)
        return Error::invalid(
            QCoreApplication::translate("ContactValidation",
                                        "The phone number has %1 digits with its country code; it needs 8 to 15.")
                .arg(digits.size()),
            field);
    if (digits.startsWith(QLatin1Char('0')))
        return Error::invalid(QCoreApplication::translate("ContactValidation", "A country code cannot start with 0."),
                              field);
    return QLatin1Char('+') + digits;
}

} // namespace pd::validation
