#pragma once

#include "storage/Store.h"

#include <QAbstractTableModel>

namespace pd {

// The Timeline tab (D5): the audit trail of one client, newest first — when, who, what.
class TimelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { WhenColumn, WhoColumn, WhatColumn, ColumnCount };

    explicit TimelineModel(QObject* parent = nullptr);
    void setEntries(const QList<AuditEntry>& entries);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AuditEntry> m_entries;
};

} // namespace pd
