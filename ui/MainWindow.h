#pragma once

#include <QMainWindow>

class QLabel;
class QLineEdit;
class QTableView;

namespace pd {

class ClientListModel;

// The front desk's first screen (D1): a search field over the client list. Typing filters
// as you type (SQL-side, a page at a time), Ctrl+F goes back to the search field.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ClientListModel& clients, QWidget* parent = nullptr);

    QLineEdit* searchField() const { return m_search; }
    QTableView* clientTable() const { return m_table; }

private:
    void applyFilter(const QString& text);
    void updateStatus();

    ClientListModel& m_clients;
    QLineEdit* m_search = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_count = nullptr;
};

} // namespace pd
