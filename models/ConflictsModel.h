#pragma once

#include "storage/sync/SyncStore.h"

#include <QAbstractTableModel>

namespace pd {

class Store;

// The Conflicts view's list (D3): every sync conflict still open on this desk — when, which
// record, and what the two sides did.
class ConflictsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { WhenColumn, RecordColumn, WhatColumn, ColumnCount };

    explicit ConflictsModel(Store& store, QObject* parent = nullptr);
    // Re-reads the open conflicts; false (with lastError) when they cannot be read.
    bool reload();
    QString lastError() const { return m_error; }
    const OpenConflict& conflictAt(int row) const { return m_rows.at(row); }
    // "Client Ana García", "Relation of Ana García", … for people.
    QString recordName(const wire::Conflict& c) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Store& m_store;
    QList<OpenConflict> m_rows;
    QString m_error;
};

} // namespace pd
