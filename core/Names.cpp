#include "Client.h"
#include "Contact.h"

namespace pd {

namespace {
QString joinName(const QString& first, const QString& last)
{
    if (first.isEmpty())
        return last;
    if (last.isEmpty())
        return first;
    return first + QLatin1Char(' ') + last;
}
} // namespace

QString Client::displayName() const
{
    return joinName(firstName, lastName);
}

QString Contact::displayName() const
{
    return joinName(firstName, lastName);
}

} // namespace pd
