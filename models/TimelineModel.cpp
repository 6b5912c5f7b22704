#include "models/TimelineModel.h"

#include <QLocale>

namespace pd {

TimelineModel::TimelineModel(QObject* parent) : QAbstractTableModel(parent) {}

void TimelineModel::setEntries(const QList<AuditEntry>& entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int TimelineModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry& e = m_entries.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == WhenColumn)
        return QLocale().toString(e.at.toLocalTime(), QLocale::LongFormat);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case WhenColumn:
        return QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat);
    case WhoColumn:
        return e.actor;
    case WhatColumn:
        return e.summary.isEmpty() ? e.action : e.summary;
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case WhoColumn:
        return tr("Who");
    case WhatColumn:
        return tr("What changed");
    default:
        return {};
    }
}

} // namespace pd
