#pragma once

#include <QDialog>

#include <memory>

class QLabel;
class QLineEdit;
class QTableView;

namespace pd {

class ClientListModel;
class ClientRepository;

// Picks an existing client of the practice by name, email, phone or client id (C3: link a
// client as a relation; PP1: choose the parent who runs a portal). The search is the same
// paged, SQL-side search as the main window's.
class LinkClientDialog : public QDialog
{
    Q_OBJECT
public:
    // excludedClientId: the client being edited (a client cannot be its own relation).
    LinkClientDialog(ClientRepository& clients, const QString& excludedClientId, const QString& title,
                     QWidget* parent = nullptr);
    ~LinkClientDialog() override;

    QString selectedClientId() const { return m_selected; }
    QLineEdit* searchField() const { return m_search; }
    QTableView* table() const { return m_table; }
    void accept() override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    std::unique_ptr<ClientListModel> m_model;
    QString m_excluded;
    QString m_selected;
    QLineEdit* m_search = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace pd
