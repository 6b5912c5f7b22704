#include "models/PeopleModel.h"

#include "core/ClientRules.h"
#include "core/ParentPortal.h"
#include "core/PortalPolicy.h"
#include "core/RelationTypes.h"

#include <QColor>
#include <QFont>
#include <QLocale>

namespace pd {

namespace {
QString personName(const RelatedPerson& p)
{
    const QString name = (p.firstName + QLatin1Char(' ') + p.lastName).trimmed();
    return name.isEmpty() ? PeopleModel::tr("(no name)") : name;
}
} // namespace

PeopleModel::PeopleModel(QObject* parent) : QAbstractTableModel(parent) {}

void PeopleModel::setPeople(const Client& client, const QList<RelatedPerson>& people, const QDate& today)
{
    beginResetModel();
    m_client = client;
    m_people = people;
    m_today = today;
    m_primary = client.hasDirectChannel() ? -1 : rules::primaryContactIndex(client, people, today);
    endResetModel();
}

int PeopleModel::personIndex(int row) const
{
    return row >= 1 && row <= m_people.size() ? row - 1 : -1;
}

int PeopleModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_people.size()) + 1;
}

int PeopleModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PeopleModel::togglesSummary(NotifyToggles t)
{
    QStringList parts;
    if (t.testFlag(NotifyToggle::Reminders))
        parts << tr("reminders");
    if (t.testFlag(NotifyToggle::Confirmations))
        parts << tr("confirmations");
    if (t.testFlag(NotifyToggle::ScheduledMessages))
        parts << tr("scheduled messages");
    if (t.testFlag(NotifyToggle::TelehealthLinks))
        parts << tr("telehealth links");
    if (parts.isEmpty())
        return tr("None");
    if (t == allNotifyToggles())
        return tr("All");
    QString s = QLocale().createSeparatedList(parts);
    s[0] = s[0].toUpper();
    return s;
}

QString PeopleModel::portalSummary(const Relation& r)
{
    const QList<PortalPermission> all = PortalPolicy::allPermissions();
    const int granted = static_cast<int>(
        std::count_if(all.cbegin(), all.cend(), [&r](PortalPermission p) { return r.permissions.testFlag(p); }));
    if (!ParentPortal::hasPortalAccess(r))
        return tr("No access");
    const QString perms = granted == 1 ? tr("1 permission") : tr("%1 permissions").arg(granted);
    return r.portalInvite ? tr("Invited, %1").arg(perms) : perms;
}

QString PeopleModel::validitySummary(const Relation& r, const QDate& today)
{
    const QLocale locale;
    if (r.validUntil.isValid() && r.validUntil < today)
        return tr("Expired %1").arg(locale.toString(r.validUntil, QLocale::ShortFormat));
    if (r.validFrom.isValid() && r.validFrom > today)
        return tr("From %1").arg(locale.toString(r.validFrom, QLocale::ShortFormat));
    if (r.validUntil.isValid())
        return tr("Until %1").arg(locale.toString(r.validUntil, QLocale::ShortFormat));
    return tr("Current");
}

QVariant PeopleModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int person = personIndex(index.row());
    if (role == PersonIndexRole)
        return person;
    if (role == IsPrimaryRole)
        return person >= 0 && person == m_primary;
    if (index.row() == kClientRow) {
        if (role == Qt::ToolTipRole)
            return tr("The client: switch off the messages the client should not receive itself (for example "
                      "a child who uses a parent's email).");
        if (role == Qt::FontRole && index.column() == NameColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (role != Qt::DisplayRole)
            return {};
        switch (index.column()) {
        case NameColumn: {
            const QString name = m_client.displayName().trimmed();
            return tr("%1 (this client)").arg(name.isEmpty() ? tr("New client") : name);
        }
        case TypeColumn:
            return tr("Client");
        case NotificationsColumn:
            return togglesSummary(m_client.selfNotifications);
        case PortalColumn:
            return ParentPortal::clientHasOwnPortal(m_client) ? tr("Own portal") : tr("Run by a parent");
        default:
            return {};
        }
    }
    const RelatedPerson& p = m_people.at(person);
    if (role == Qt::ToolTipRole && index.column() == NotificationsColumn) {
        const QString reason = rules::notificationBlockReason(p, m_client.preferredMethod, m_today);
        return reason.isEmpty() ? QVariant() : QVariant(reason);
    }
    if (role == Qt::ForegroundRole && !p.relation.isActiveOn(m_today))
        return QColor(Qt::gray);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return p.isClient ? tr("%1 (client)").arg(personName(p)) : personName(p);
    case TypeColumn:
        return relationTypeLabel(p.relation.type);
    case RelationshipColumn:
        return p.relation.relationshipText;
    case NotificationsColumn: {
        const QString summary = togglesSummary(p.relation.notifications);
        const QString reason = rules::notificationBlockReason(p, m_client.preferredMethod, m_today);
        return reason.isEmpty() || p.relation.notifications == NotifyToggles() ? summary
                                                                               : tr("%1 (cannot receive)").arg(summary);
    }
    case PortalColumn:
        return portalSummary(p.relation);
    case PrimaryColumn:
        return person == m_primary ? tr("Primary contact") : QString();
    case ValidityColumn:
        return validitySummary(p.relation, m_today);
    default:
        return {};
    }
}

QVariant PeopleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Relation");
    case RelationshipColumn:
        return tr("Relationship");
    case NotificationsColumn:
        return tr("Notifications");
    case PortalColumn:
        return tr("Portal");
    case PrimaryColumn:
        return tr("Primary");
    case ValidityColumn:
        return tr("Valid");
    default:
        return {};
    }
}

} // namespace pd
