#include "models/RoutingModel.h"

namespace pd {

RoutingModel::RoutingModel(Kind kind, QObject* parent) : QAbstractTableModel(parent), m_kind(kind) {}

void RoutingModel::setRouting(const Routing& routing, const QString& clientName)
{
    beginResetModel();
    m_routing = routing;
    m_clientName = clientName.trimmed();
    endResetModel();
}

int RoutingModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    return static_cast<int>(m_kind == Kind::Deliveries ? m_routing.deliveries.size() : m_routing.skipped.size());
}

int RoutingModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : (m_kind == Kind::Deliveries ? ColumnCount : ReasonColumn + 1);
}

QString RoutingModel::clientLabel(const QString& name) const
{
    const QString n = name.isEmpty() ? m_clientName : name;
    // A client being created may have no name yet.
    return n.isEmpty() ? tr("The client") : tr("%1 (the client)").arg(n);
}

QVariant RoutingModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (m_kind == Kind::Skipped) {
        if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
            return {};
        const SkippedRecipient& s = m_routing.skipped.at(index.row());
        if (index.column() == PersonColumn)
            return s.relationId.isEmpty() ? clientLabel(s.name.trimmed()) : s.name;
        return s.reason;
    }
    const Delivery& d = m_routing.deliveries.at(index.row());
    if (role == PrimaryContactRole)
        return d.primaryContact;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case PersonColumn: {
        const QString name = (d.firstName + QLatin1Char(' ') + d.lastName).trimmed();
        return d.relationId.isEmpty() ? clientLabel(name) : name;
    }
    case ChannelColumn:
        return d.channel == Channel::Email ? tr("Email") : tr("SMS");
    case AddressColumn:
        return d.address;
    case NoteColumn:
        // C7: the client has no email or mobile phone; this contact gets its messages.
        if (!d.primaryContact)
            return {};
        return m_clientName.isEmpty() ? tr("Primary contact, instead of the client")
                                      : tr("Primary contact, instead of %1").arg(m_clientName);
    default:
        return {};
    }
}

QVariant RoutingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (m_kind == Kind::Skipped)
        return section == PersonColumn ? tr("Person") : tr("Why not");
    switch (section) {
    case PersonColumn:
        return tr("Person");
    case ChannelColumn:
        return tr("By");
    case AddressColumn:
        return tr("Address");
    case NoteColumn:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace pd
