#include "ui/LinkClientDialog.h"

#include "models/ClientListModel.h"
#include "ui/FieldErrors.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace pd {

LinkClientDialog::LinkClientDialog(ClientRepository& clients, const QString& excludedClientId, const QString& title,
                                   QWidget* parent)
    : QDialog(parent), m_model(std::make_unique<ClientListModel>(clients, 50)), m_excluded(excludedClientId)
{
    setObjectName(QStringLiteral("linkClientDialog"));
    setWindowTitle(title);
    resize(780, 440);
    auto* layout = new QVBoxLayout(this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("linkSearch"));
    m_search->setPlaceholderText(tr("Search by name, email, phone or client ID"));
    m_search->setAccessibleName(tr("Search clients"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("linkTable"));
    m_table->setAccessibleName(tr("Matching clients"));
    m_table->setModel(m_model.get());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionResizeMode(ClientListModel::NameColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(ClientListModel::NumberColumn, 70);
    m_table->setColumnWidth(ClientListModel::EmailColumn, 250);
    m_table->setColumnWidth(ClientListModel::PhoneColumn, 130);
    m_table->setColumnWidth(ClientListModel::BirthColumn, 100);
    layout->addWidget(m_table);

    m_error = FieldErrors::makeLabel(this, QStringLiteral("linkError"));
    layout->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Choose"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LinkClientDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_model->setFilter(text);
        if (m_model->rowCount() > 0)
            m_table->selectRow(0);
    });
    connect(m_table, &QTableView::doubleClicked, this, &LinkClientDialog::accept);
    // Up and down in the search field move through the results; Enter chooses.
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::returnPressed, this, &LinkClientDialog::accept);
    m_model->setFilter({});
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    m_search->setFocus();
}

LinkClientDialog::~LinkClientDialog()
{
    m_table->setModel(nullptr);
}

bool LinkClientDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_PageDown || key == Qt::Key_PageUp) {
            QCoreApplication::sendEvent(m_table, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void LinkClientDialog::accept()
{
    const QModelIndex current = m_table->currentIndex();
    const QString id = current.isValid() ? m_model->clientIdAt(current.row()) : QString();
    if (id.isEmpty()) {
        m_error->setText(tr("Choose a client from the list."));
        m_error->show();
        return;
    }
    if (id == m_excluded) {
        m_error->setText(tr("That is the client you are editing; choose someone else."));
        m_error->show();
        return;
    }
    m_selected = id;
    QDialog::accept();
}

} // namespace pd
