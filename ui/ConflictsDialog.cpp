#include "ui/ConflictsDialog.h"

#include "models/ConflictsModel.h"
#include "storage/Store.h"
#include "ui/FieldErrors.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonValue>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QVBoxLayout>

namespace pd {

namespace {
QString shown(const QJsonValue& v)
{
    if (v.isBool())
        return v.toBool() ? ConflictsDialog::tr("yes") : ConflictsDialog::tr("no");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isNull() || v.isUndefined() || v.toString().isEmpty())
        return ConflictsDialog::tr("(empty)");
    return v.toString();
}
} // namespace

ConflictsDialog::ConflictsDialog(Store& store, QWidget* parent)
    : QDialog(parent), m_store(store), m_model(std::make_unique<ConflictsModel>(store))
{
    setObjectName(QStringLiteral("conflictsDialog"));
    setWindowTitle(tr("Sync conflicts — PracticeDesk"));
    resize(760, 520);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Another desk changed the same thing as this desk before they synced. Both versions "
                                "are kept until you choose which one stays."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("conflictsTable"));
    m_table->setAccessibleName(tr("Open conflicts"));
    m_table->setModel(m_model.get());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ConflictsModel::WhenColumn, 130);
    m_table->setColumnWidth(ConflictsModel::RecordColumn, 260);
    layout->addWidget(m_table, 1);
    auto* box = new QGroupBox(tr("Keep"), this);
    m_details = box;
    m_detailsLayout = new QVBoxLayout(box);
    layout->addWidget(box, 1);
    m_error = FieldErrors::makeLabel(this, QStringLiteral("conflictError"));
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_resolve = buttons->addButton(tr("&Resolve"), QDialogButtonBox::ActionRole);
    m_resolve->setObjectName(QStringLiteral("resolveConflict"));
    connect(m_resolve, &QPushButton::clicked, this, &ConflictsDialog::resolveSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ConflictsDialog::showSelected);
    m_model->reload();
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    showSelected();
}

ConflictsDialog::~ConflictsDialog()
{
    m_table->setModel(nullptr);
}

void ConflictsDialog::showSelected()
{
    while (QLayoutItem* item = m_detailsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_choices.clear();
    m_deleteChoice = nullptr;
    m_error->hide();
    const QModelIndex current = m_table->currentIndex();
    m_resolve->setEnabled(current.isValid());
    if (!current.isValid()) {
        m_detailsLayout->addWidget(new QLabel(m_model->rowCount() == 0 ? tr("No conflicts: everything is in sync.")
                                                                       : tr("Choose a conflict above."),
                                              m_details));
        return;
    }
    const wire::Conflict& c = m_model->conflictAt(current.row()).conflict;
    if (c.serverDeleted || c.deskDeleted) {
        m_deleteChoice = new QButtonGroup(m_details);
        auto* keepDeleted = new QRadioButton(tr("Keep it deleted"), m_details);
        auto* keepRecord = new QRadioButton(c.serverDeleted ? tr("Keep it, with this desk's changes")
                                                            : tr("Keep it, with the other desk's changes"),
                                            m_details);
        m_deleteChoice->addButton(keepDeleted, 1);
        m_deleteChoice->addButton(keepRecord, 0);
        keepRecord->setChecked(true);
        m_detailsLayout->addWidget(keepDeleted);
        m_detailsLayout->addWidget(keepRecord);
    }
    for (const wire::FieldConflict& f : c.fields) {
        auto* row = new QWidget(m_details);
        auto* h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto* name = new QLabel(f.field, row);
        name->setMinimumWidth(140);
        auto* group = new QButtonGroup(row);
        auto* server = new QRadioButton(tr("Other desk: %1").arg(shown(f.server)), row);
        auto* desk = new QRadioButton(tr("This desk: %1").arg(shown(f.desk)), row);
        auto* other = new QRadioButton(tr("Merged:"), row);
        auto* typed = new QLineEdit(row);
        typed->setAccessibleName(tr("Merged value for %1").arg(f.field));
        typed->setEnabled(false);
        group->addButton(server, 0);
        group->addButton(desk, 1);
        group->addButton(other, 2);
        server->setChecked(true);
        connect(other, &QRadioButton::toggled, typed, &QWidget::setEnabled);
        for (QWidget* w : {static_cast<QWidget*>(name), static_cast<QWidget*>(server), static_cast<QWidget*>(desk),
                           static_cast<QWidget*>(other), static_cast<QWidget*>(typed)})
            h->addWidget(w);
        m_detailsLayout->addWidget(row);
        m_choices << FieldChoice{f.field, group, typed, f.server, f.desk};
    }
    m_detailsLayout->addStretch(1);
}

void ConflictsDialog::choose(const QString& field, int choice, const QString& typed)
{
    for (const FieldChoice& c : std::as_const(m_choices)) {
        if (c.field != field)
            continue;
        c.group->button(choice)->setChecked(true);
        c.typed->setText(typed);
    }
}

void ConflictsDialog::chooseDeleted(bool keepDeleted)
{
    if (m_deleteChoice)
        m_deleteChoice->button(keepDeleted ? 1 : 0)->setChecked(true);
}

bool ConflictsDialog::resolveSelected()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return false;
    const wire::Conflict c = m_model->conflictAt(current.row()).conflict;
    Resolution resolution;
    resolution.deleted = m_deleteChoice && m_deleteChoice->checkedId() == 1;
    for (const FieldChoice& choice : std::as_const(m_choices)) {
        const int id = choice.group->checkedId();
        const QJsonValue value = id == 0   ? choice.server
                                 : id == 1 ? choice.desk
                                 : (choice.server.isDouble() || choice.desk.isDouble())
                                     ? QJsonValue(choice.typed->text().toDouble())
                                     : QJsonValue(choice.typed->text());
        resolution.fields.insert(choice.field, value);
    }
    SyncStore sync(m_store);
    if (Status s = sync.resolve(c.id, resolution); !s) {
        m_error->setText(s.message());
        m_error->show();
        return false;
    }
    m_model->reload();
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    showSelected();
    emit resolved();
    return true;
}

} // namespace pd
