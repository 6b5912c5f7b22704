#pragma once

#include "storage/ClientRepository.h"

#include <QAbstractTableModel>

#include <algorithm>

namespace pd {

// The client list (D1): every client, or those matching a search, a page at a time.
// Filtering happens in SQL (ClientRepository::page); the view asks for more rows as it
// scrolls (canFetchMore/fetchMore), so 100,000 clients never load at once, and each page
// starts where the last one ended, so the 500th page comes as fast as the first.
class ClientListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NumberColumn, NameColumn, EmailColumn, PhoneColumn, BirthColumn, ColumnCount };
    enum Role { ClientIdRole = Qt::UserRole + 1, IsMinorRole };

    explicit ClientListModel(ClientRepository& clients, int pageSize = 200, QObject* parent = nullptr);

    // Shows the clients whose name, email, phone or client id starts with text ("" = all).
    void setFilter(const QString& text);
    // Reads the list again (after a save or a sync) as far down as it had been read, and
    // counts the clients again, so that a view can keep its place.
    void reload();
    // The row of a client among the rows read so far, or -1.
    int rowOf(const QString& clientId) const;
    QString filter() const { return m_filter; }
    QString clientIdAt(int row) const;
    // All clients in the database (not deleted), counted at the first page and at reload()
    // (not at each key typed: the search does not change it).
    qint64 totalClients() const { return std::max<qint64>(m_total, 0); }
    // The last error reading the database ("" when fine); also sent as errorOccurred.
    QString lastError() const { return m_error; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    void errorOccurred(const QString& message);

private:
    QList<ClientSummary> nextPage();        // reads the page after the rows held; updates m_next/m_atEnd/m_error
    void readFromTheTop(qsizetype atLeast); // inside a reset: pages until atLeast rows or the end
    void countClients();

    ClientRepository& m_clients;
    const int m_pageSize;
    QString m_filter;
    QList<ClientSummary> m_rows;
    ClientListPosition m_next; // where the page after m_rows starts
    bool m_atEnd = false;
    QString m_error;
    qint64 m_total = -1; // -1: not counted yet
};

} // namespace pd
