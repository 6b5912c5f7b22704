#pragma once

#include "core/NotificationRouting.h"

#include <QAbstractTableModel>

namespace pd {

// The routing preview's two lists (N1, N5, C7): who would receive a notification (person,
// channel, address, and a note when they stand in for the client as its primary contact) or
// who would not and why.
class RoutingModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Kind { Deliveries, Skipped };
    // Deliveries: person, channel, address, note. Skipped: person, reason.
    enum Column { PersonColumn, ChannelColumn, AddressColumn, NoteColumn, ColumnCount };
    static constexpr int ReasonColumn = 1;
    enum Role { PrimaryContactRole = Qt::UserRole + 1 }; // bool, deliveries only

    explicit RoutingModel(Kind kind, QObject* parent = nullptr);
    void setRouting(const Routing& routing, const QString& clientName);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString clientLabel(const QString& name) const;

    Kind m_kind;
    Routing m_routing;
    QString m_clientName;
};

} // namespace pd
