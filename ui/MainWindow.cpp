#include "ui/MainWindow.h"

#include "models/ClientListModel.h"
#include "ui/ClientEditor.h"
#include "ui/OrganizationSettingsDialog.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QKeyEvent>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace pd {

MainWindow::MainWindow(Store& store, ClientListModel& clients, QWidget* parent)
    : QMainWindow(parent), m_store(store), m_clients(clients)
{
    setWindowTitle(tr("PracticeDesk"));
    setObjectName(QStringLiteral("mainWindow"));

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);

    m_search = new QLineEdit(central);
    m_search->setObjectName(QStringLiteral("clientSearch"));
    m_search->setPlaceholderText(tr("Search by name, email, phone or client ID"));
    m_search->setAccessibleName(tr("Search clients"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);

    m_table = new QTableView(central);
    m_table->setObjectName(QStringLiteral("clientTable"));
    m_table->setAccessibleName(tr("Clients"));
    m_table->setModel(&m_clients);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // Fixed row heights and no resize-to-contents: 100,000 rows stay cheap (DESIGN.md §6).
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ClientListModel::NumberColumn, 80);
    m_table->setColumnWidth(ClientListModel::NameColumn, 240);
    m_table->setColumnWidth(ClientListModel::EmailColumn, 260);
    m_table->setColumnWidth(ClientListModel::PhoneColumn, 140);
    layout->addWidget(m_table);
    setCentralWidget(central);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("clientCount"));
    statusBar()->addPermanentWidget(m_count);

    buildMenus();
    connect(m_table, &QTableView::activated, this, &MainWindow::openSelectedClient);
    // Enter in the search field opens the first (selected) match; Down moves into the list.
    connect(m_search, &QLineEdit::returnPressed, this, &MainWindow::openSelectedClient);
    connect(m_search, &QLineEdit::textChanged, this, &MainWindow::applyFilter);
    connect(&m_clients, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    connect(&m_clients, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateStatus);
    connect(&m_clients, &ClientListModel::errorOccurred, this,
            [this](const QString& message) { statusBar()->showMessage(message); });
    updateStatus();
    resize(1000, 640);
    m_search->setFocus();
}

MainWindow::~MainWindow()
{
    closeAllDialogs();
    m_table->setModel(nullptr);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* create = file->addAction(tr("&New client…"), this, &MainWindow::newClient);
    create->setObjectName(QStringLiteral("newClientAction"));
    create->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(tr("&Open client"), this, &MainWindow::openSelectedClient);
    open->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    QAction* find = file->addAction(tr("&Find client"), this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    file->addSeparator();
    QAction* lock = file->addAction(tr("&Lock"), this, &MainWindow::lockRequested);
    lock->setObjectName(QStringLiteral("lockAction"));
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    QAction* settings = tools->addAction(tr("&Organization settings…"), this, &MainWindow::openOrganizationSettings);
    settings->setObjectName(QStringLiteral("organizationSettingsAction"));
    m_settingsAction = settings;

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, [this] {
        QMessageBox::information(
            this, tr("Keyboard shortcuts"),
            tr("Ctrl+F  find a client\nEnter  open the selected client\nCtrl+N  new client\nCtrl+S  save the "
               "client\nEsc  close without saving (asks first)\nAlt+1…4  profile tabs\nF2  edit the selected "
               "contact\nDelete  remove the selected contact\nCtrl+L  lock PracticeDesk"));
    });
}

ClientEditor* MainWindow::openClient(const QString& clientId)
{
    if (!clientId.isEmpty()) {
        if (QPointer<ClientEditor> open = m_editors.value(clientId); open) {
            open->raise();
            open->activateWindow();
            return open;
        }
    }
    auto* editor = new ClientEditor(m_store, clientId, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    if (!editor->load()) {
        statusBar()->showMessage(editor->loadError());
        delete editor;
        return nullptr;
    }
    connect(editor, &ClientEditor::saved, this, [this](const QString&) {
        refreshClients();
        statusBar()->showMessage(tr("Saved."), 4000);
        emit dataChanged();
    });
    if (!clientId.isEmpty())
        m_editors.insert(clientId, editor);
    editor->show();
    return editor;
}

void MainWindow::refreshClients()
{
    // Keep the place: the same client selected (wherever a rename moved it), else the same
    // row, and the list read as far down as before.
    const int row = m_table->currentIndex().row();
    const QString selected = m_clients.clientIdAt(row);
    m_clients.reload();
    int target = m_clients.rowOf(selected);
    if (target < 0 && row >= 0)
        target = std::min(row, m_clients.rowCount() - 1);
    if (target >= 0) {
        m_table->selectRow(target);
        m_table->scrollTo(m_clients.index(target, 0));
    }
    updateStatus();
}

void MainWindow::openSelectedClient()
{
    QModelIndex current = m_table->currentIndex();
    if (!current.isValid() && m_clients.rowCount() > 0)
        current = m_clients.index(0, 0);
    if (!current.isValid())
        return;
    openClient(m_clients.clientIdAt(current.row()));
}

void MainWindow::openOrganizationSettings()
{
    auto* dialog = new OrganizationSettingsDialog(m_store, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &OrganizationSettingsDialog::saved, this, &MainWindow::dataChanged);
    connect(dialog, &OrganizationSettingsDialog::saved, this, &MainWindow::organizationSettingsChanged);
    dialog->open();
}

void MainWindow::setOrganizationSettingsAllowed(bool allowed, const QString& reason)
{
    m_settingsAction->setEnabled(allowed);
    m_settingsAction->setToolTip(reason);
    m_settingsAction->setStatusTip(reason);
}

void MainWindow::closeAllDialogs()
{
    for (QDialog* dialog : findChildren<QDialog*>()) {
        if (auto* editor = qobject_cast<ClientEditor*>(dialog))
            editor->setAttribute(Qt::WA_DeleteOnClose, false);
        dialog->hide();
    }
    for (QDialog* dialog : findChildren<QDialog*>(Qt::FindDirectChildrenOnly))
        delete dialog;
    m_editors.clear();
}

void MainWindow::applyFilter(const QString& text)
{
    m_clients.setFilter(text);
    if (m_clients.rowCount() > 0)
        m_table->selectRow(0);
}

void MainWindow::updateStatus()
{
    const int shown = m_clients.rowCount();
    const QLocale locale;
    if (m_clients.filter().isEmpty()) {
        m_count->setText(
            tr("Showing %1 of %2 clients").arg(locale.toString(shown), locale.toString(m_clients.totalClients())));
        return;
    }
    const QString more = m_clients.canFetchMore({}) ? tr(" (scroll for more)") : QString();
    m_count->setText((shown == 1 ? tr("1 match") : tr("%1 matches").arg(locale.toString(shown))) + more);
}

} // namespace pd
