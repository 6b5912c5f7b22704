#include "core/SharedEmail.h"

#include <QCoreApplication>

namespace pd {

namespace {
QString describe(const EmailOwner& owner)
{
    switch (owner.kind) {
    case EmailOwner::Kind::Client:
        return QCoreApplication::translate("SharedEmail", "%1 (client)").arg(owner.name);
    case EmailOwner::Kind::Contact:
        if (owner.ofClientName.isEmpty())
            return QCoreApplication::translate("SharedEmail", "%1 (contact)").arg(owner.name);
        return QCoreApplication::translate("SharedEmail", "%1 (contact of %2)").arg(owner.name, owner.ofClientName);
    }
    return owner.name;
}

QString note(const QString& email, QStringList names)
{
    names.removeAll(QString());
    names.removeDuplicates();
    if (email.trimmed().isEmpty() || names.isEmpty())
        return {};
    return QCoreApplication::translate(
               "SharedEmail",
               "%1 is also used by %2. That is fine (for example a parent of two children): each client's messages "
               "are still sent separately, and a portal login with this email lists every client it is linked to.")
        .arg(email.trimmed(), names.join(QStringLiteral(", ")));
}
} // namespace

bool sameEmail(const QString& a, const QString& b)
{
    const QString x = a.trimmed();
    return !x.isEmpty() && x.compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

QString sharedEmailOwnersNote(const QString& email, const QList<EmailOwner>& otherOwners)
{
    QStringList names;
    for (const EmailOwner& o : otherOwners)
        names << describe(o);
    return note(email, names);
}

QString sharedEmailNote(const QString& email, const QStringList& otherOwners)
{
    return note(email, otherOwners);
}

} // namespace pd
