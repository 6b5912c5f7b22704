#include "ui/ClientEditor.h"

#include "core/ClientRules.h"
#include "core/ContactValidation.h"
#include "core/Ids.h"
#include "core/ParentPortal.h"
#include "core/RelationTypes.h"
#include "models/PeopleModel.h"
#include "models/TimelineModel.h"
#include "storage/Store.h"
#include "ui/FieldErrors.h"
#include "ui/LinkClientDialog.h"
#include "ui/NotificationTogglesBox.h"
#include "ui/PermissionDialog.h"
#include "ui/RelationDialog.h"
#include "ui/RoutingPreviewDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace pd {

namespace {
const QDate kNoDate(1900, 1, 1); // the date edit's "not recorded" value

QLabel* note(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: palette(dark)"));
    return label;
}
} // namespace

ClientEditor::ClientEditor(Store& store, const QString& clientId, QWidget* parent)
    : QDialog(parent), m_store(store), m_service(store), m_people(std::make_unique<PeopleModel>()),
      m_timeline(std::make_unique<TimelineModel>()), m_errors(std::make_unique<FieldErrors>())
{
    m_client.meta.id = clientId;
    m_isNew = clientId.isEmpty();
    setObjectName(QStringLiteral("clientEditor"));
    setWindowTitle(m_isNew ? tr("New client [*] — PracticeDesk") : tr("Client [*] — PracticeDesk"));
    resize(900, 620);

    if (auto kv = m_store.settings().organization())
        if (auto org = OrganizationSettings::fromKeyValues(*kv))
            m_org = *org;

    auto* layout = new QVBoxLayout(this);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("clientHeader"));
    m_header->setTextFormat(Qt::PlainText);
    QFont headerFont = m_header->font();
    headerFont.setPointSizeF(headerFont.pointSizeF() * 1.3);
    headerFont.setBold(true);
    m_header->setFont(headerFont);
    layout->addWidget(m_header);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("clientTabs"));
    m_tabs->setAccessibleName(tr("Client profile"));
    layout->addWidget(m_tabs);
    buildOverviewTab();
    buildPeopleTab();
    buildPortalTab();
    buildTimelineTab();

    QLabel* general = FieldErrors::makeLabel(this, QStringLiteral("saveError"));
    m_errors->setFallback(general);
    m_errorLabels.insert(QString(), general);
    layout->addWidget(general);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_saveButton = buttons->button(QDialogButtonBox::Save);
    m_saveButton->setObjectName(QStringLiteral("saveClient"));
    m_saveButton->setToolTip(
        tr("Save the client and close (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    connect(m_saveButton, &QPushButton::clicked, this, &ClientEditor::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &ClientEditor::reject);
    layout->addWidget(buttons);

    auto* saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, &ClientEditor::save);
    auto* closeShortcut = new QShortcut(QKeySequence::Close, this);
    connect(closeShortcut, &QShortcut::activated, this, &ClientEditor::reject);
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto* tabShortcut = new QShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)), this);
        connect(tabShortcut, &QShortcut::activated, this, [this, i] { m_tabs->setCurrentIndex(i); });
    }

    if (m_isNew)
        fillFields();
}

ClientEditor::~ClientEditor()
{
    m_peopleView->setModel(nullptr);
}

template <typename Dialog> Dialog* ClientEditor::openChild(Dialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
    return dialog;
}

// --- Overview & demographics ------------------------------------------------------------

void ClientEditor::buildOverviewTab()
{
    auto* page = new QWidget(m_tabs);
    auto* columns = new QHBoxLayout(page);
    auto* form = new QFormLayout;
    auto* right = new QFormLayout;
    columns->addLayout(form, 1);
    columns->addSpacing(16);
    columns->addLayout(right, 1);
    auto addError = [this, page](const QString& field, QWidget* widget, QFormLayout* f) {
        QLabel* label = FieldErrors::makeLabel(page, field + QStringLiteral("Error"));
        f->addRow(QString(), label);
        m_errors->add(field, widget, label);
        m_errorLabels.insert(field, label);
        m_fieldTab.insert(field, OverviewTab);
    };
    auto lineEdit = [page](const QString& name, const QString& accessible) {
        auto* e = new QLineEdit(page);
        e->setObjectName(name);
        e->setAccessibleName(accessible);
        return e;
    };

    m_first = lineEdit(QStringLiteral("firstName"), tr("First name"));
    m_last = lineEdit(QStringLiteral("lastName"), tr("Last name"));
    form->addRow(tr("&First name:"), m_first);
    addError(QStringLiteral("firstName"), m_first, form);
    form->addRow(tr("&Last name:"), m_last);

    m_birth = new QDateEdit(page);
    m_birth->setObjectName(QStringLiteral("dateOfBirth"));
    m_birth->setAccessibleName(tr("Date of birth"));
    m_birth->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_birth->setCalendarPopup(true);
    m_birth->setMinimumDate(kNoDate);
    m_birth->setSpecialValueText(tr("Not recorded"));
    m_birth->setDate(kNoDate);
    form->addRow(tr("Date of &birth:"), m_birth);
    addError(QStringLiteral("dateOfBirth"), m_birth, form);

    m_minor = new QCheckBox(tr("&Minor (needs a Legal Guardian)"), page);
    m_minor->setObjectName(QStringLiteral("isMinor"));
    m_minor->setAccessibleName(tr("Minor"));
    form->addRow(QString(), m_minor);
    addError(QStringLiteral("isMinor"), m_minor, form);

    m_notes = new QPlainTextEdit(page);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setTabChangesFocus(true);
    m_noteCount = new QLabel(page);
    m_noteCount->setObjectName(QStringLiteral("noteCount"));
    form->addRow(tr("&Notes:"), m_notes);
    form->addRow(QString(), m_noteCount);
    addError(QStringLiteral("notes"), m_notes, form);

    m_email = lineEdit(QStringLiteral("email"), tr("Email"));
    m_email->setPlaceholderText(tr("name@example.com"));
    right->addRow(tr("&Email:"), m_email);
    addError(QStringLiteral("email"), m_email, right);
    m_phone = lineEdit(QStringLiteral("mobilePhone"), tr("Mobile phone"));
    m_phone->setPlaceholderText(tr("+1 555 010 0000"));
    right->addRow(tr("Mobile &phone:"), m_phone);
    addError(QStringLiteral("mobilePhone"), m_phone, right);

    m_method = new QComboBox(page);
    m_method->setObjectName(QStringLiteral("preferredMethod"));
    m_method->setAccessibleName(tr("Preferred contact method"));
    m_method->addItem(tr("Email"), static_cast<int>(ContactMethod::Email));
    m_method->addItem(tr("Text message (SMS)"), static_cast<int>(ContactMethod::Sms));
    m_method->addItem(tr("Email and text message"), static_cast<int>(ContactMethod::Both));
    right->addRow(tr("Pre&ferred method:"), m_method);
    right->addRow(QString(), note(tr("Contacts are reached the same way."), page));
    m_methodWarning = new QLabel(page);
    m_methodWarning->setObjectName(QStringLiteral("preferredMethodWarning"));
    m_methodWarning->setWordWrap(true);
    m_methodWarning->setStyleSheet(QStringLiteral("color: #8a5300")); // a warning: saving is still allowed
    m_methodWarning->hide();
    right->addRow(QString(), m_methodWarning);

    m_primary = new QComboBox(page);
    m_primary->setObjectName(QStringLiteral("primaryContact"));
    m_primary->setAccessibleName(tr("Primary contact"));
    m_primaryNote = note(QString(), page);
    m_primaryNote->setObjectName(QStringLiteral("primaryContactNote"));
    right->addRow(tr("Primary c&ontact:"), m_primary);
    right->addRow(QString(), m_primaryNote);

    m_confidential = new QCheckBox(tr("Confidential &communications (messages go to the client only)"), page);
    m_confidential->setObjectName(QStringLiteral("confidentialCommunications"));
    m_confidential->setAccessibleName(tr("Confidential communications"));
    m_confidentialReason = lineEdit(QStringLiteral("confidentialReason"), tr("Reason for confidential communications"));
    m_confidentialReason->setPlaceholderText(tr("Reason (optional)"));
    right->addRow(QString(), m_confidential);
    right->addRow(tr("Reason:"), m_confidentialReason);

    m_tabs->addTab(page, tr("&Overview"));

    for (QLineEdit* e : {m_first, m_last, m_email, m_phone, m_confidentialReason})
        connect(e, &QLineEdit::textEdited, this, &ClientEditor::setDirty);
    for (QLineEdit* e : {m_first, m_last})
        connect(e, &QLineEdit::textEdited, this, &ClientEditor::refreshHeader);
    connect(m_birth, &QDateEdit::dateChanged, this, &ClientEditor::refreshHeader);
    connect(m_minor, &QCheckBox::toggled, this, &ClientEditor::refreshHeader);
    connect(m_birth, &QDateEdit::dateChanged, this, &ClientEditor::setDirty);
    connect(m_minor, &QCheckBox::toggled, this, &ClientEditor::setDirty);
    connect(m_confidential, &QCheckBox::toggled, this, [this](bool on) {
        m_confidentialReason->setEnabled(on);
        setDirty();
    });
    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        setDirty();
        refreshPeople(); // the reasons a contact cannot be reached depend on the method (C5)
    });
    // Whether the client needs a primary contact changes with its own email and phone (C7).
    for (QLineEdit* e : {m_email, m_phone})
        connect(e, &QLineEdit::textEdited, this, &ClientEditor::refreshPeople);
    connect(m_primary, &QComboBox::activated, this, [this] {
        m_client.primaryContactRelationId = m_primary->currentData().toString();
        setDirty();
        refreshPeople();
    });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        const qsizetype n = rules::characterCount(m_notes->toPlainText());
        const QLocale locale;
        m_noteCount->setText(tr("%1 of %2 characters").arg(locale.toString(n), locale.toString(rules::kMaxNoteLength)));
        m_noteCount->setStyleSheet(n > rules::kMaxNoteLength ? QStringLiteral("color: #b00020") : QString());
        setDirty();
    });
}

// --- Contacts & relations ---------------------------------------------------------------

void ClientEditor::buildPeopleTab()
{
    auto* page = new QWidget(m_tabs);
    auto* layout = new QVBoxLayout(page);
    auto* bar = new QHBoxLayout;
    auto* add = new QPushButton(tr("&Add contact…"), page);
    add->setObjectName(QStringLiteral("addContact"));
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    add->setToolTip(tr("Add a parent, guardian or other person (Ctrl+Shift+A)"));
    auto* link = new QPushButton(tr("&Link a client…"), page);
    link->setObjectName(QStringLiteral("linkClient"));
    link->setToolTip(tr("Add a person who is already a client of the practice, found by name or client ID"));
    auto* preview = new QPushButton(tr("Who &gets messages?"), page);
    preview->setObjectName(QStringLiteral("previewRouting"));
    preview->setToolTip(tr("Preview who would receive each kind of notification, and why others would not"));
    auto* actionsButton = new QToolButton(page);
    actionsButton->setObjectName(QStringLiteral("personActions"));
    actionsButton->setText(tr("A&ctions"));
    actionsButton->setAccessibleName(tr("Actions for the selected person"));
    actionsButton->setPopupMode(QToolButton::InstantPopup);
    bar->addWidget(add);
    bar->addWidget(link);
    bar->addStretch(1);
    bar->addWidget(preview);
    bar->addWidget(actionsButton);
    layout->addLayout(bar);

    m_peopleView = new QTableView(page);
    m_peopleView->setObjectName(QStringLiteral("peopleTable"));
    m_peopleView->setAccessibleName(tr("Contacts and relations"));
    m_peopleView->setModel(m_people.get());
    m_peopleView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_peopleView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_peopleView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_peopleView->setAlternatingRowColors(true);
    m_peopleView->verticalHeader()->hide();
    // A client has a handful of people: columns fit their contents, the name takes the rest.
    m_peopleView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_peopleView->horizontalHeader()->setSectionResizeMode(PeopleModel::NameColumn, QHeaderView::Stretch);
    m_peopleView->setWordWrap(false);
    m_peopleView->setContextMenuPolicy(Qt::CustomContextMenu);
    layout->addWidget(m_peopleView);
    QLabel* peopleError = FieldErrors::makeLabel(page, QStringLiteral("contactEmailError"));
    layout->addWidget(peopleError);
    for (const char* field : {"contactEmail", "relatedClient"}) {
        m_errors->add(QString::fromLatin1(field), m_peopleView, peopleError);
        m_errorLabels.insert(QString::fromLatin1(field), peopleError);
        m_fieldTab.insert(QString::fromLatin1(field), PeopleTab);
    }
    layout->addWidget(
        note(tr("Double-click a row to edit it; the first row is the client's own notifications."), page));

    // The per-relation actions menu (C8): the same menu on the button and on right-click.
    m_actions = new QMenu(this);
    m_actions->setObjectName(QStringLiteral("personActionsMenu"));
    auto addAction = [this](const QString& name, const QString& text, const QKeySequence& key, auto slot) {
        QAction* a = m_actions->addAction(text);
        a->setObjectName(name);
        if (!key.isEmpty()) {
            a->setShortcut(key);
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            m_peopleView->addAction(a);
        }
        connect(a, &QAction::triggered, this, [this, slot] { (this->*slot)(currentRow()); });
        m_actionByName.insert(name, a);
    };
    addAction(QStringLiteral("edit"), tr("&Edit…"), QKeySequence(Qt::Key_F2), &ClientEditor::editPerson);
    addAction(QStringLiteral("permissions"), tr("&Portal access and permissions…"), QKeySequence(),
              &ClientEditor::editPermissions);
    addAction(QStringLiteral("revoke"), tr("Re&voke portal access"), QKeySequence(), &ClientEditor::revokePortalAccess);
    addAction(QStringLiteral("primary"), tr("Make &primary contact"), QKeySequence(), &ClientEditor::makePrimary);
    addAction(QStringLiteral("convert"), tr("&Convert to a client"), QKeySequence(), &ClientEditor::convertToClient);
    m_actions->addSeparator();
    addAction(QStringLiteral("remove"), tr("&Remove…"), QKeySequence(QKeySequence::Delete),
              &ClientEditor::removePerson);
    actionsButton->setMenu(m_actions);

    connect(add, &QPushButton::clicked, this, &ClientEditor::addContact);
    connect(link, &QPushButton::clicked, this, &ClientEditor::linkClient);
    connect(preview, &QPushButton::clicked, this, &ClientEditor::previewRouting);
    connect(m_peopleView, &QTableView::doubleClicked, this,
            [this](const QModelIndex& index) { editPerson(index.row()); });
    connect(m_peopleView, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex index = m_peopleView->indexAt(pos);
        if (!index.isValid())
            return;
        m_peopleView->selectRow(index.row());
        m_actions->popup(m_peopleView->viewport()->mapToGlobal(pos));
    });
    connect(m_peopleView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ClientEditor::updateActions);
    connect(m_people.get(), &QAbstractItemModel::modelReset, this, &ClientEditor::updateActions);

    m_tabs->addTab(page, tr("Contacts && &relations"));
}

int ClientEditor::currentRow() const
{
    const QModelIndex index = m_peopleView->currentIndex();
    return index.isValid() ? index.row() : -1;
}

QString ClientEditor::personName(int i) const
{
    const RelatedPerson& p = m_resolved.at(i);
    const QString name = (p.firstName + QLatin1Char(' ') + p.lastName).trimmed();
    return name.isEmpty() ? tr("this contact") : name;
}

void ClientEditor::updateActions()
{
    const int person = m_people->personIndex(currentRow());
    const bool isPerson = person >= 0;
    m_actionByName.value(QStringLiteral("edit"))->setEnabled(currentRow() >= 0);
    m_actionByName.value(QStringLiteral("permissions"))->setEnabled(isPerson);
    m_actionByName.value(QStringLiteral("remove"))->setEnabled(isPerson);
    m_actionByName.value(QStringLiteral("revoke"))
        ->setEnabled(isPerson && ParentPortal::hasPortalAccess(m_drafts.at(person).relation));
    m_actionByName.value(QStringLiteral("primary"))
        ->setEnabled(isPerson && !m_client.hasDirectChannel() && person != m_people->primaryPerson());
    // A contact becomes a client only once the relation is saved (it is one change set).
    m_actionByName.value(QStringLiteral("convert"))
        ->setEnabled(isPerson && !m_resolved.at(person).isClient && !m_isNew &&
                     !m_drafts.at(person).contact.meta.id.isEmpty());
}

void ClientEditor::refreshHeader()
{
    const Client c = clientFromFields(false);
    QStringList parts;
    const QString name = c.displayName().trimmed();
    parts << (name.isEmpty() ? tr("New client") : name);
    if (c.clientNumber > 0)
        parts << tr("Client %1").arg(c.clientNumber);
    if (c.dateOfBirth.isValid()) {
        const QDate today = m_store.clock().today();
        int age = today.year() - c.dateOfBirth.year();
        if (today < c.dateOfBirth.addYears(age))
            --age;
        if (age >= 0)
            parts << (age == 1 ? tr("1 year old") : tr("%1 years old").arg(age));
    }
    if (c.isMinor)
        parts << tr("Minor");
    m_header->setText(parts.join(QStringLiteral("  ·  ")));
}

void ClientEditor::refreshPeople()
{
    const int row = currentRow();
    m_resolved.clear();
    for (const PersonDraft& d : std::as_const(m_drafts)) {
        auto p = m_service.resolve(d);
        m_resolved << (p ? *p : RelatedPerson{d.relation, {}, {}, {}, {}, false});
    }
    Client shown = clientFromFields(false);
    m_people->setPeople(shown, m_resolved, m_store.clock().today());
    refreshHeader();
    if (row >= 0 && row < m_people->rowCount())
        m_peopleView->selectRow(row);
    refreshPrimaryChoices();
    refreshMethodWarning();
}

void ClientEditor::refreshMethodWarning()
{
    const QString gap = rules::preferredMethodGap(clientFromFields(false));
    m_methodWarning->setText(gap);
    m_methodWarning->setVisible(!gap.isEmpty());
}

void ClientEditor::refreshPrimaryChoices()
{
    const Client shown = clientFromFields(false);
    const bool needed = !shown.hasDirectChannel();
    m_primary->clear();
    m_primary->setEnabled(needed);
    if (!needed) {
        m_primary->addItem(tr("Not needed: the client has an email or phone"));
        m_primaryNote->setText({});
        m_primaryNote->hide();
        return;
    }
    const int chosen = m_people->primaryPerson();
    const QDate today = m_store.clock().today();
    for (int i = 0; i < m_resolved.size(); ++i) {
        const RelatedPerson& p = m_resolved.at(i);
        if (!p.relation.isActiveOn(today) || (p.email.isEmpty() && p.phone.isEmpty()))
            continue;
        m_primary->addItem(tr("%1 (%2)").arg(personName(i), relationTypeLabel(p.relation.type)), p.relation.meta.id);
        if (i == chosen)
            m_primary->setCurrentIndex(m_primary->count() - 1);
    }
    m_primaryNote->show();
    if (m_primary->count() == 0) {
        m_primary->addItem(tr("Nobody yet"));
        m_primaryNote->setText(tr("Without an email or mobile phone, the client needs a contact who can be reached: "
                                  "add one on the Contacts & relations tab."));
        return;
    }
    m_primaryNote->setText(tr("Every email and text message for this client (reminders, forms, invoices) goes to "
                              "%1.")
                               .arg(personName(chosen)));
}

void ClientEditor::addContact()
{
    PersonDraft draft;
    draft.relation = defaultRelation(RelationType::Parent);
    draft.relation.meta.id = newId();
    RelationDialog::Context context{clientFromFields(false).preferredMethod, m_store.clock().today(),
                                    m_org.defaultCountryCode};
    auto* dialog = openChild(new RelationDialog(draft, RelatedPerson{}, context, true, this));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_drafts << dialog->draft();
        setDirty();
        refreshPeople();
        m_peopleView->selectRow(m_people->rowForPerson(static_cast<int>(m_drafts.size()) - 1));
    });
}

void ClientEditor::linkClient()
{
    auto* picker = openChild(new LinkClientDialog(m_store.clients(), m_client.meta.id, tr("Link a client"), this));
    connect(picker, &QDialog::accepted, this, [this, picker] {
        const QString otherId = picker->selectedClientId();
        for (const PersonDraft& d : std::as_const(m_drafts))
            if (d.relation.relatedClientId == otherId) {
                showError(QStringLiteral("relatedClient"), tr("That client is already on the list."));
                return;
            }
        PersonDraft draft;
        draft.relation = defaultRelation(RelationType::Parent);
        draft.relation.meta.id = newId();
        draft.relation.relatedClientId = otherId;
        auto person = m_service.resolve(draft);
        if (!person) {
            showError(QStringLiteral("relatedClient"), person.message());
            return;
        }
        RelationDialog::Context context{clientFromFields(false).preferredMethod, m_store.clock().today(),
                                        m_org.defaultCountryCode};
        auto* dialog = openChild(new RelationDialog(draft, *person, context, true, this));
        connect(dialog, &QDialog::accepted, this, [this, dialog] {
            m_drafts << dialog->draft();
            setDirty();
            refreshPeople();
            m_peopleView->selectRow(m_people->rowForPerson(static_cast<int>(m_drafts.size()) - 1));
        });
    });
}

void ClientEditor::editOwnNotifications()
{
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("ownNotificationsDialog"));
    dialog->setWindowTitle(tr("The client's own notifications"));
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(note(tr("Switch off what the client should not receive itself, for example when a child "
                              "uses a parent's email. Contacts keep their own settings."),
                           dialog));
    auto* box = new NotificationTogglesBox(tr("The client receives"), dialog);
    box->setToggles(m_client.selfNotifications);
    layout->addWidget(box);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    openChild(dialog);
    connect(dialog, &QDialog::accepted, this, [this, box] {
        if (box->toggles() == m_client.selfNotifications)
            return;
        m_client.selfNotifications = box->toggles();
        setDirty();
        refreshPeople();
    });
}

void ClientEditor::editPerson(int row)
{
    if (row == PeopleModel::kClientRow)
        return editOwnNotifications();
    const int i = m_people->personIndex(row);
    if (i < 0)
        return;
    RelationDialog::Context context{clientFromFields(false).preferredMethod, m_store.clock().today(),
                                    m_org.defaultCountryCode};
    auto* dialog = openChild(new RelationDialog(m_drafts.at(i), m_resolved.at(i), context, false, this));
    const QString id = m_drafts.at(i).relation.meta.id;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        for (PersonDraft& d : m_drafts)
            if (d.relation.meta.id == id)
                d = dialog->draft();
        setDirty();
        refreshPeople();
    });
}

Status ClientEditor::checkPortalAccess(int i, const Relation& relation) const
{
    QList<RelatedPerson> people = m_resolved;
    people[i].relation = relation;
    if (relation.portalInvite && people.at(i).email.isEmpty())
        return Error::invalid(tr("%1 has no email address, which the portal invitation is sent to. Add one with "
                                 "Edit first, or leave the invitation off.")
                                  .arg(personName(i)));
    const Client client = clientFromFields(false);
    if (client.parentPortalUserId.isEmpty())
        return {};
    auto parent = m_store.clients().get(client.parentPortalUserId);
    if (!parent)
        return parent.error();
    return ParentPortal::checkConflict(client, people, &*parent);
}

void ClientEditor::editPermissions(int row)
{
    const int i = m_people->personIndex(row);
    if (i < 0)
        return;
    const QString id = m_drafts.at(i).relation.meta.id;
    auto* dialog = openChild(new PermissionDialog(
        personName(i), m_drafts.at(i).relation,
        [this, id](const Relation& r) {
            for (int k = 0; k < m_drafts.size(); ++k)
                if (m_drafts.at(k).relation.meta.id == id)
                    return checkPortalAccess(k, r);
            return Status{};
        },
        this));
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        for (PersonDraft& d : m_drafts)
            if (d.relation.meta.id == id)
                d.relation = dialog->relation();
        setDirty();
        refreshPeople();
    });
}

void ClientEditor::revokePortalAccess(int row)
{
    const int i = m_people->personIndex(row);
    if (i < 0)
        return;
    // P6: the server refuses the contact's very next request once this is synced.
    m_drafts[i].relation.portalInvite = false;
    m_drafts[i].relation.permissions = {};
    m_drafts[i].relation.canManageAppointments = false;
    setDirty();
    refreshPeople();
}

void ClientEditor::makePrimary(int row)
{
    const int i = m_people->personIndex(row);
    if (i < 0)
        return;
    const RelatedPerson& p = m_resolved.at(i);
    if (p.email.isEmpty() && p.phone.isEmpty()) {
        showError(QStringLiteral("contactEmail"),
                  tr("%1 has no email or mobile phone, so cannot be the primary contact.").arg(personName(i)));
        return;
    }
    m_client.primaryContactRelationId = p.relation.meta.id;
    setDirty();
    refreshPeople();
}

void ClientEditor::convertToClient(int row)
{
    const int i = m_people->personIndex(row);
    if (i < 0 || m_resolved.at(i).isClient)
        return;
    if (m_dirty) {
        showError(QStringLiteral("contactEmail"),
                  tr("Save your changes first: converting %1 into a client is saved at once.").arg(personName(i)));
        return;
    }
    const QString name = personName(i);
    auto* box = new QMessageBox(QMessageBox::Question, tr("Convert to a client"),
                                tr("Make %1 a client of the practice? Their details then come from their own "
                                   "profile, and they stay linked to this client.")
                                    .arg(name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("convertConfirmation"));
    box->button(QMessageBox::Yes)->setText(tr("Convert"));
    const QString id = m_drafts.at(i).relation.meta.id;
    openChild(box);
    connect(box, &QMessageBox::accepted, this, [this, id] {
        auto client = m_service.convertContactToClient(id);
        if (!client) {
            showError(QStringLiteral("contactEmail"), client.message());
            return;
        }
        auto drafts = m_service.drafts(m_client.meta.id);
        if (drafts)
            m_drafts = *drafts;
        refreshPeople();
        emit saved(client->meta.id);
    });
}

void ClientEditor::removePerson(int row)
{
    const int i = m_people->personIndex(row);
    if (i < 0)
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Remove contact"),
                                tr("Remove %1 from this client's contacts? They will no longer receive this "
                                   "client's messages or see anything of this client in the portal.")
                                    .arg(personName(i)),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removeConfirmation"));
    box->button(QMessageBox::Yes)->setText(tr("Remove"));
    box->setDefaultButton(QMessageBox::Cancel);
    const QString id = m_drafts.at(i).relation.meta.id;
    openChild(box);
    connect(box, &QMessageBox::accepted, this, [this, id] {
        for (int k = 0; k < m_drafts.size(); ++k) {
            if (m_drafts.at(k).relation.meta.id != id)
                continue;
            if (m_drafts.at(k).relation.meta.version > 0 || !m_drafts.at(k).relation.meta.hlc.isEmpty())
                m_removed << id; // stored: delete it on save
            m_drafts.removeAt(k);
            break;
        }
        if (m_client.primaryContactRelationId == id)
            m_client.primaryContactRelationId.clear();
        setDirty();
        refreshPeople();
    });
}

void ClientEditor::previewRouting()
{
    // The client as it is on screen, saved or not: staff see the effect of what they type.
    openChild(new RoutingPreviewDialog(clientFromFields(false), m_resolved, m_store.clock().today(), this));
}

// --- Portal -----------------------------------------------------------------------------

void ClientEditor::buildPortalTab()
{
    auto* page = new QWidget(m_tabs);
    auto* layout = new QVBoxLayout(page);

    auto* parentRow = new QHBoxLayout;
    m_portalParent = new QLabel(page);
    m_portalParent->setObjectName(QStringLiteral("portalParent"));
    m_portalParent->setWordWrap(true);
    auto* chooseParent = new QPushButton(tr("Portal run by a &parent…"), page);
    chooseParent->setObjectName(QStringLiteral("choosePortalParent"));
    chooseParent->setToolTip(tr("A parent who is also a client runs this client's portal; the client then has no "
                                "portal access of their own"));
    m_endParentPortal = new QPushButton(tr("&End parent-portal mode"), page);
    m_endParentPortal->setObjectName(QStringLiteral("endParentPortal"));
    parentRow->addWidget(m_portalParent, 1);
    parentRow->addWidget(chooseParent);
    parentRow->addWidget(m_endParentPortal);
    layout->addLayout(parentRow);
    QLabel* parentError = FieldErrors::makeLabel(page, QStringLiteral("parentPortalUserError"));
    layout->addWidget(parentError);
    m_errors->add(QStringLiteral("parentPortalUser"), chooseParent, parentError);
    m_errorLabels.insert(QStringLiteral("parentPortalUser"), parentError);
    m_fieldTab.insert(QStringLiteral("parentPortalUser"), PortalTab);

    layout->addWidget(note(tr("Portal features for this client. The organization's settings apply; here a feature "
                              "can be switched off for this client only."),
                           page));
    auto* form = new QFormLayout;
    for (PortalSetting s : PortalSettings::all()) {
        auto* box = new QCheckBox(PortalSettings::label(s), page);
        box->setObjectName(QStringLiteral("portal_") + PortalSettings::key(s));
        box->setAccessibleName(PortalSettings::label(s));
        auto* reason = note(QString(), page);
        reason->setContentsMargins(24, 0, 0, 4);
        form->addRow(box);
        form->addRow(reason);
        m_portalBoxes.insert(s, box);
        m_portalReasons.insert(s, reason);
        connect(box, &QCheckBox::toggled, this, [this, s](bool on) {
            if (m_filling)
                return;
            if (on)
                m_overrides.remove(PortalSettings::key(s));
            else
                m_overrides.insert(PortalSettings::key(s), QStringLiteral("false"));
            setDirty();
            refreshPortalTab();
        });
    }
    layout->addLayout(form);
    layout->addStretch(1);
    m_tabs->addTab(page, tr("Por&tal"));

    connect(chooseParent, &QPushButton::clicked, this, &ClientEditor::choosePortalParent);
    connect(m_endParentPortal, &QPushButton::clicked, this, &ClientEditor::endParentPortal);
}

void ClientEditor::refreshPortalTab()
{
    const bool wasFilling = m_filling;
    m_filling = true;
    for (PortalSetting s : PortalSettings::all()) {
        const EffectiveSetting org = PortalSettings::effective(s, m_org);
        const EffectiveSetting effective = PortalSettings::effective(s, m_org, m_overrides);
        QCheckBox* box = m_portalBoxes.value(s);
        box->setEnabled(org.on);
        box->setChecked(effective.on);
        QLabel* reason = m_portalReasons.value(s);
        const QString text = !org.on ? org.reason
                             : m_overrides.value(PortalSettings::key(s)) == QLatin1String("false")
                                 ? tr("Switched off for this client.")
                                 : effective.reason;
        reason->setText(text);
        reason->setVisible(!text.isEmpty());
    }
    m_filling = wasFilling;

    if (m_client.parentPortalUserId.isEmpty()) {
        m_portalParent->setText(tr("The client uses their own portal."));
        m_endParentPortal->setEnabled(false);
        return;
    }
    auto parent = m_store.clients().get(m_client.parentPortalUserId);
    m_portalParent->setText(parent ? tr("%1 (client %2) runs this client's portal; the client has no portal access "
                                        "of their own.")
                                         .arg(parent->displayName(), QString::number(parent->clientNumber))
                                   : parent.message());
    m_endParentPortal->setEnabled(true);
}

void ClientEditor::choosePortalParent()
{
    auto* picker = openChild(
        new LinkClientDialog(m_store.clients(), m_client.meta.id, tr("Who runs this client's portal?"), this));
    connect(picker, &QDialog::accepted, this, [this, picker] {
        const QString parentId = picker->selectedClientId();
        auto parent = m_store.clients().get(parentId);
        if (!parent)
            return showError(QStringLiteral("parentPortalUser"), parent.message());
        Client client = clientFromFields(false);
        client.parentPortalUserId = parentId;
        if (Status s = ParentPortal::checkConflict(client, m_resolved, &*parent); !s)
            return showError(QStringLiteral("parentPortalUser"), s.message());
        m_errors->clear();
        m_client.parentPortalUserId = parentId;
        setDirty();
        refreshPortalTab();
        refreshPeople();
    });
}

void ClientEditor::endParentPortal()
{
    m_client.parentPortalUserId.clear();
    setDirty();
    refreshPortalTab();
    refreshPeople();
}

// --- Timeline ---------------------------------------------------------------------------

void ClientEditor::buildTimelineTab()
{
    auto* view = new QTableView(m_tabs);
    view->setObjectName(QStringLiteral("timelineTable"));
    view->setAccessibleName(tr("Timeline of changes"));
    view->setModel(m_timeline.get());
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setColumnWidth(TimelineModel::WhenColumn, 160);
    view->setColumnWidth(TimelineModel::WhoColumn, 180);
    connect(this, &QObject::destroyed, view, [view] { view->setModel(nullptr); });
    m_tabs->addTab(view, tr("T&imeline"));
}

// --- Loading and saving -----------------------------------------------------------------

bool ClientEditor::load()
{
    if (m_isNew)
        return true;
    auto client = m_store.clients().get(m_client.meta.id);
    if (!client) {
        m_loadError = client.message();
        return false;
    }
    auto drafts = m_service.drafts(m_client.meta.id);
    if (!drafts) {
        m_loadError = drafts.message();
        return false;
    }
    auto overrides = m_store.settings().clientOverrides(m_client.meta.id);
    if (!overrides) {
        m_loadError = overrides.message();
        return false;
    }
    m_client = *client;
    m_drafts = *drafts;
    m_overrides = *overrides;
    // D5: who opened which record. A desk whose disk is full still shows the client.
    if (Status viewed = m_service.recordViewed(m_client.meta.id); !viewed)
        qWarning("Could not record that the profile was opened: %s", qPrintable(viewed.message()));
    if (auto audit = m_store.auditForClient(m_client.meta.id))
        m_timeline->setEntries(*audit);
    // One multi-argument arg(): a name that contains "%2" stays as typed.
    setWindowTitle(
        tr("%1 (client %2) [*] — PracticeDesk").arg(m_client.displayName(), QString::number(m_client.clientNumber)));
    fillFields();
    return true;
}

void ClientEditor::fillFields()
{
    m_filling = true;
    m_first->setText(m_client.firstName);
    m_last->setText(m_client.lastName);
    m_birth->setDate(m_client.dateOfBirth.isValid() ? m_client.dateOfBirth : kNoDate);
    m_minor->setChecked(m_client.isMinor);
    m_email->setText(m_client.email);
    m_phone->setText(m_client.mobilePhone);
    m_method->setCurrentIndex(m_method->findData(static_cast<int>(m_client.preferredMethod)));
    m_confidential->setChecked(m_client.confidentialCommunications);
    m_confidentialReason->setText(m_client.confidentialReason);
    m_confidentialReason->setEnabled(m_client.confidentialCommunications);
    m_notes->setPlainText(m_client.notes);
    refreshPeople();
    refreshPortalTab();
    m_filling = false;
    m_dirty = false;
    setWindowModified(false);
    m_first->setFocus();
}

void ClientEditor::setDirty()
{
    if (m_filling)
        return;
    m_dirty = true;
    setWindowModified(true);
}

Client ClientEditor::clientFromFields(bool forSave, QString* errorField, QString* error) const
{
    Client c = m_client;
    c.firstName = m_first->text();
    c.lastName = m_last->text();
    c.dateOfBirth = m_birth->date() == kNoDate ? QDate() : m_birth->date();
    c.isMinor = m_minor->isChecked();
    c.email = m_email->text().trimmed();
    c.mobilePhone = m_phone->text().trimmed();
    c.preferredMethod = static_cast<ContactMethod>(m_method->currentData().toInt());
    c.confidentialCommunications = m_confidential->isChecked();
    c.confidentialReason = c.confidentialCommunications ? m_confidentialReason->text() : QString();
    c.notes = m_notes->toPlainText();
    if (!forSave)
        return c;
    if (!c.email.isEmpty()) {
        auto email = validation::normalizeEmail(c.email);
        if (!email) {
            *errorField = QStringLiteral("email");
            *error = email.message();
            return c;
        }
        c.email = *email;
    }
    if (!c.mobilePhone.isEmpty()) {
        auto phone = validation::normalizePhone(c.mobilePhone, m_org.defaultCountryCode);
        if (!phone) {
            *errorField = QStringLiteral("mobilePhone");
            *error = phone.message();
            return c;
        }
        c.mobilePhone = *phone;
    }
    return c;
}

void ClientEditor::showError(const QString& field, const QString& message)
{
    if (m_fieldTab.contains(field))
        m_tabs->setCurrentIndex(m_fieldTab.value(field));
    m_errors->show(field, message);
}

void ClientEditor::save()
{
    m_errors->clear();
    QString field, error;
    Client client = clientFromFields(true, &field, &error);
    if (!error.isEmpty())
        return showError(field, error);
    QList<PersonDraft> drafts = m_drafts;
    if (Status s = m_service.save(client, drafts, m_removed, m_overrides); !s)
        return showError(s.error().field, s.message());
    m_client = client;
    m_drafts = drafts;
    m_removed.clear();
    m_dirty = false;
    setWindowModified(false);
    emit saved(client.meta.id);
    QDialog::accept();
}

void ClientEditor::reject()
{
    if (!m_dirty)
        return QDialog::reject();
    auto* box = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
                                tr("This client has changes that are not saved. Discard them?"),
                                QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("discardConfirmation"));
    box->button(QMessageBox::Cancel)->setText(tr("Keep editing"));
    box->setDefaultButton(QMessageBox::Cancel);
    openChild(box);
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->clickedButton() == box->button(QMessageBox::Discard)) {
            m_dirty = false;
            QDialog::reject();
        }
    });
}

} // namespace pd
