#pragma once

#include "core/NotificationRouting.h"

#include <QAbstractTableModel>

namespace pd {

// The routing preview's two lists (N1, N5, C7): who would receive a notification (person,
// channel, address, standing in as primary contact) or who would not and why.
class RoutingModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Kind { Deliveries, Skipped };
    enum Column { PersonColumn, ChannelColumn, AddressColumn, ColumnCount };

    explicit RoutingModel(Kind kind, QObject* parent = nullptr);
    void setRouting(const Routing& routing, const QString& clientName);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Kind m_kind;
    Routing m_routing;
    QString m_clientName;
};

} // namespace pd
