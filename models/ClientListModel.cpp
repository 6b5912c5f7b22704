#include "models/ClientListModel.h"

#include <QLocale>

namespace pd {

ClientListModel::ClientListModel(ClientRepository& clients, int pageSize, QObject* parent)
    : QAbstractTableModel(parent), m_clients(clients), m_pageSize(std::max(1, pageSize))
{
    setFilter(QString());
}

void ClientListModel::setFilter(const QString& text)
{
    // One reset that already holds the first page (no insert while the reset is in flight).
    beginResetModel();
    m_filter = text;
    readFromTheTop(0);
    if (m_total < 0)
        countClients();
    endResetModel();
}

void ClientListModel::reload()
{
    beginResetModel();
    readFromTheTop(m_rows.size());
    countClients();
    endResetModel();
}

void ClientListModel::readFromTheTop(qsizetype atLeast)
{
    m_rows.clear();
    m_atEnd = false;
    m_next = {};
    do
        m_rows.append(nextPage());
    while (!m_atEnd && m_rows.size() < atLeast);
}

void ClientListModel::countClients()
{
    if (auto total = m_clients.count())
        m_total = *total;
}

int ClientListModel::rowOf(const QString& clientId) const
{
    for (qsizetype r = 0; r < m_rows.size(); ++r)
        if (m_rows.at(r).id == clientId)
            return static_cast<int>(r);
    return -1;
}

QList<ClientSummary> ClientListModel::nextPage()
{
    auto page = m_clients.page(m_filter, m_pageSize, m_next);
    if (!page) {
        m_atEnd = true;
        m_error = page.message();
        emit errorOccurred(m_error);
        return {};
    }
    m_error.clear();
    m_atEnd = page->atEnd;
    m_next = page->next;
    return std::move(page->clients);
}

QString ClientListModel::clientIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

int ClientListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ClientListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClientListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ClientSummary& c = m_rows.at(index.row());
    switch (role) {
    case ClientIdRole:
        return c.id;
    case IsMinorRole:
        return c.isMinor;
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case NumberColumn:
            return c.clientNumber;
        case NameColumn:
            if (c.lastName.isEmpty() || c.firstName.isEmpty())
                return c.lastName + c.firstName;
            return tr("%1, %2", "client list: last name, first name").arg(c.lastName, c.firstName);
        case EmailColumn:
            return c.email;
        case PhoneColumn:
            return c.mobilePhone;
        case BirthColumn:
            return c.dateOfBirth.isValid() ? QLocale().toString(c.dateOfBirth, QLocale::ShortFormat) : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return c.isMinor && index.column() == NameColumn ? tr("Minor") : QVariant();
    default:
        return {};
    }
}

QVariant ClientListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn:
        return tr("Client ID");
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("Email");
    case PhoneColumn:
        return tr("Mobile phone");
    case BirthColumn:
        return tr("Date of birth");
    default:
        return {};
    }
}

bool ClientListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void ClientListModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    const QList<ClientSummary> page = nextPage();
    if (page.isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    m_rows.append(page);
    endInsertRows();
}

} // namespace pd
