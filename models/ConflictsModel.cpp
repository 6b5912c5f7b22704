#include "models/ConflictsModel.h"

#include "storage/Store.h"

#include <QLocale>

namespace pd {

ConflictsModel::ConflictsModel(Store& store, QObject* parent) : QAbstractTableModel(parent), m_store(store) {}

bool ConflictsModel::reload()
{
    SyncStore sync(m_store);
    auto rows = sync.openConflicts();
    beginResetModel();
    m_rows = rows ? *rows : QList<OpenConflict>();
    m_error = rows ? QString() : rows.message();
    endResetModel();
    return rows.ok();
}

QString ConflictsModel::recordName(const wire::Conflict& c) const
{
    if (c.entity == QLatin1String("client")) {
        auto client = m_store.clients().get(c.entityId);
        return client ? tr("Client %1").arg(client->displayName()) : tr("A client");
    }
    if (c.entity == QLatin1String("relation")) {
        auto r = m_store.relations().get(c.entityId);
        auto client = r ? m_store.clients().get(r->clientId) : Result<Client>(Error::invalid({}));
        return client ? tr("A contact of %1").arg(client->displayName()) : tr("A relation");
    }
    if (c.entity == QLatin1String("contact")) {
        auto contact = m_store.relations().contact(c.entityId);
        return contact ? tr("Contact %1").arg(contact->displayName()) : tr("A contact");
    }
    if (c.entity == QLatin1String("org_setting"))
        return tr("Organization setting %1").arg(c.entityId);
    return tr("A portal setting of a client");
}

int ConflictsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ConflictsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConflictsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        role != Qt::DisplayRole)
        return {};
    const OpenConflict& row = m_rows.at(index.row());
    switch (index.column()) {
    case WhenColumn:
        return QLocale().toString(row.createdAt.toLocalTime(), QLocale::ShortFormat);
    case RecordColumn:
        return recordName(row.conflict);
    case WhatColumn: {
        if (row.conflict.serverDeleted)
            return tr("Deleted on another desk, changed here");
        if (row.conflict.deskDeleted)
            return tr("Deleted here, changed on another desk");
        QStringList fields;
        for (const wire::FieldConflict& f : row.conflict.fields)
            fields << f.field;
        return tr("Both desks changed: %1").arg(fields.join(QStringLiteral(", ")));
    }
    default:
        return {};
    }
}

QVariant ConflictsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case RecordColumn:
        return tr("Record");
    case WhatColumn:
        return tr("What happened");
    default:
        return {};
    }
}

} // namespace pd
