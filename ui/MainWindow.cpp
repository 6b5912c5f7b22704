#include "ui/MainWindow.h"

#include "models/ClientListModel.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace pd {

MainWindow::MainWindow(ClientListModel& clients, QWidget* parent) : QMainWindow(parent), m_clients(clients)
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

    auto* find = new QAction(tr("&Find client"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(find);

    connect(m_search, &QLineEdit::textChanged, this, &MainWindow::applyFilter);
    connect(&m_clients, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    connect(&m_clients, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateStatus);
    connect(&m_clients, &ClientListModel::errorOccurred, this,
            [this](const QString& message) { statusBar()->showMessage(message); });
    updateStatus();
    resize(1000, 640);
    m_search->setFocus();
}

void MainWindow::applyFilter(const QString& text)
{
    m_clients.setFilter(text);
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
