#include "models/RoutingModel.h"

namespace pd {

RoutingModel::RoutingModel(Kind kind, QObject* parent) : QAbstractTableModel(parent), m_kind(kind) {}

void RoutingModel::setRouting(const Routing& routing, const QString& clientName)
{
    beginResetModel();
    m_routing = routing;
    m_clientName = clientName;
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
    return parent.isValid() ? 0 : (m_kind == Kind::Deliveries ? ColumnCount : 2);
}

QVariant RoutingModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    if (m_kind == Kind::Skipped) {
        const SkippedRecipient& s = m_routing.skipped.at(index.row());
        if (index.column() == PersonColumn)
            return s.relationId.isEmpty() ? tr("%1 (the client)").arg(m_clientName) : s.name;
        return s.reason;
    }
    const Delivery& d = m_routing.deliveries.at(index.row());
    switch (index.column()) {
    case PersonColumn: {
        const QString name = (d.firstName + QLatin1Char(' ') + d.lastName).trimmed();
        if (d.relationId.isEmpty())
            return tr("%1 (the client)").arg(name.isEmpty() ? m_clientName : name);
        return d.primaryContact ? tr("%1 — primary contact, for the client").arg(name) : name;
    }
    case ChannelColumn:
        return d.channel == Channel::Email ? tr("Email") : tr("Text message");
    case AddressColumn:
        return d.address;
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
    default:
        return {};
    }
}

} // namespace pd
