#pragma once

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QLabel;
class QLineEdit;
class QTableView;

namespace pd {

class ClientEditor;
class ClientListModel;
class Store;

// The front desk's first screen (D1): a search field over the client list. Typing filters
// as you type (SQL-side, a page at a time), Ctrl+F goes back to the search field, Enter or a
// double-click opens the client, Ctrl+N starts a new one.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(Store& store, ClientListModel& clients, QWidget* parent = nullptr);
    ~MainWindow() override;

    QLineEdit* searchField() const { return m_search; }
    QTableView* clientTable() const { return m_table; }

    // Opens the profile editor (raises it when it is already open); empty id: a new client.
    ClientEditor* openClient(const QString& clientId);
    ClientEditor* newClient() { return openClient({}); }
    void openSelectedClient();
    void openOrganizationSettings();
    // S1/S4: organization settings are for administrators; reason says why not (shown as
    // the menu item's tooltip).
    void setOrganizationSettingsAllowed(bool allowed, const QString& reason = {});
    // Closes every editor and dialog without saving (auto-lock, D4).
    void closeAllDialogs();

    // Re-reads the client list (after sync brought changes), keeping the search.
    void refreshClients();

signals:
    void lockRequested();
    // A change was saved on this desk (something for sync to send).
    void dataChanged();
    // The organization settings were saved (e.g. new auto-lock minutes).
    void organizationSettingsChanged();

private:
    void buildMenus();
    void applyFilter(const QString& text);
    void updateStatus();

    Store& m_store;
    ClientListModel& m_clients;
    QHash<QString, QPointer<ClientEditor>> m_editors;
    QAction* m_settingsAction = nullptr;
    QLineEdit* m_search = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_count = nullptr;
};

} // namespace pd
