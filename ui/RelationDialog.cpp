#include "ui/RelationDialog.h"

#include "core/ClientRules.h"
#include "core/ContactValidation.h"
#include "core/RelationTypes.h"
#include "ui/FieldErrors.h"
#include "ui/NotificationTogglesBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pd {

namespace {
QDateEdit* makeDateEdit(QWidget* parent, const QDate& value, const QDate& today, const QString& name)
{
    auto* edit = new QDateEdit(value.isValid() ? value : today, parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setAccessibleName(name);
    edit->setEnabled(value.isValid());
    return edit;
}
} // namespace

RelationDialog::RelationDialog(const PersonDraft& draft, const RelatedPerson& person, const Context& context,
                               bool isNew, QWidget* parent)
    : QDialog(parent), m_draft(draft), m_person(person), m_context(context), m_isNew(isNew),
      m_errors(std::make_unique<FieldErrors>())
{
    setObjectName(QStringLiteral("relationDialog"));
    setWindowTitle(isNew ? tr("Add contact") : tr("Edit contact"));
    setMinimumWidth(460);
    auto* layout = new QVBoxLayout(this);
    auto addError = [this](const QString& field, QWidget* widget, QFormLayout* form) {
        QLabel* label = FieldErrors::makeLabel(this, field + QStringLiteral("Error"));
        form->addRow(QString(), label);
        m_errors->add(field, widget, label);
        m_errorLabels.insert(field, label);
    };

    // The person.
    auto* personBox = new QGroupBox(tr("Person"), this);
    auto* personLayout = new QVBoxLayout(personBox);
    auto* personForm = new QFormLayout;
    personLayout->addLayout(personForm);
    m_first = new QLineEdit(person.isClient ? person.firstName : draft.contact.firstName, personBox);
    m_first->setObjectName(QStringLiteral("contactFirstName"));
    m_first->setAccessibleName(tr("First name"));
    m_last = new QLineEdit(person.isClient ? person.lastName : draft.contact.lastName, personBox);
    m_last->setObjectName(QStringLiteral("contactLastName"));
    m_last->setAccessibleName(tr("Last name"));
    m_email = new QLineEdit(person.isClient ? person.email : draft.contact.email, personBox);
    m_email->setObjectName(QStringLiteral("contactEmail"));
    m_email->setAccessibleName(tr("Email"));
    m_email->setPlaceholderText(tr("name@example.com"));
    m_phone = new QLineEdit(person.isClient ? person.phone : draft.contact.phone, personBox);
    m_phone->setObjectName(QStringLiteral("contactPhone"));
    m_phone->setAccessibleName(tr("Mobile phone"));
    m_phone->setPlaceholderText(tr("+1 555 010 0000"));
    personForm->addRow(tr("&First name:"), m_first);
    personForm->addRow(tr("&Last name:"), m_last);
    personForm->addRow(tr("&Email:"), m_email);
    addError(QStringLiteral("contactEmail"), m_email, personForm);
    personForm->addRow(tr("&Mobile phone:"), m_phone);
    addError(QStringLiteral("contactPhone"), m_phone, personForm);
    if (person.isClient) {
        for (QLineEdit* e : {m_first, m_last, m_email, m_phone})
            e->setReadOnly(true);
        auto* note = new QLabel(tr("This person is a client of the practice: their details come from their own "
                                   "profile and stay current there."),
                                personBox);
        note->setWordWrap(true);
        personLayout->addWidget(note);
    } else {
        auto* note = new QLabel(tr("Nothing here is required, but without an email or mobile phone this person "
                                   "receives no notifications, and portal access needs an email."),
                                personBox);
        note->setWordWrap(true);
        note->setStyleSheet(QStringLiteral("color: palette(dark)"));
        personLayout->addWidget(note);
    }
    layout->addWidget(personBox);

    // The relation.
    auto* relationBox = new QGroupBox(tr("Relation to the client"), this);
    auto* relationForm = new QFormLayout(relationBox);
    m_type = new QComboBox(relationBox);
    m_type->setObjectName(QStringLiteral("relationType"));
    m_type->setAccessibleName(tr("Relation type"));
    for (RelationType t : allRelationTypes())
        m_type->addItem(relationTypeLabel(t), static_cast<int>(t));
    m_type->setCurrentIndex(m_type->findData(static_cast<int>(draft.relation.type)));
    m_relationship = new QLineEdit(draft.relation.relationshipText, relationBox);
    m_relationship->setObjectName(QStringLiteral("relationshipText"));
    m_relationship->setAccessibleName(tr("Relationship to the client"));
    m_relationship->setPlaceholderText(tr("for example: stepmother, aunt, foster parent"));
    relationForm->addRow(tr("Relation &type:"), m_type);
    relationForm->addRow(tr("Relations&hip:"), m_relationship);
    layout->addWidget(relationBox);

    // Notifications (C5).
    m_toggles = new NotificationTogglesBox(tr("Notifications this person receives"), this);
    m_toggles->setToggles(draft.relation.notifications);
    m_manage = new QCheckBox(tr("Can &manage appointments"), m_toggles);
    m_manage->setObjectName(QStringLiteral("canManageAppointments"));
    m_manage->setAccessibleName(tr("Can manage appointments"));
    m_manage->setChecked(draft.relation.canManageAppointments ||
                         draft.relation.permissions.testFlag(PortalPermission::ManageAppointments));
    m_toggles->layout()->addWidget(m_manage);
    layout->addWidget(m_toggles);

    // Custody and validity (C10).
    auto* custodyBox = new QGroupBox(tr("Custody and validity"), this);
    auto* custodyForm = new QFormLayout(custodyBox);
    m_custody = new QComboBox(custodyBox);
    m_custody->setObjectName(QStringLiteral("custody"));
    m_custody->setAccessibleName(tr("Custody"));
    m_custody->addItem(tr("Not recorded"), static_cast<int>(Custody::None));
    m_custody->addItem(tr("Joint custody"), static_cast<int>(Custody::Joint));
    m_custody->addItem(tr("Sole custody"), static_cast<int>(Custody::Sole));
    m_custody->setCurrentIndex(m_custody->findData(static_cast<int>(draft.relation.custody)));
    m_courtOrder = new QLineEdit(draft.relation.courtOrderRef, custodyBox);
    m_courtOrder->setObjectName(QStringLiteral("courtOrderRef"));
    m_courtOrder->setAccessibleName(tr("Court order reference"));
    m_hasFrom = new QCheckBox(tr("Valid &from"), custodyBox);
    m_hasFrom->setChecked(draft.relation.validFrom.isValid());
    m_from = makeDateEdit(custodyBox, draft.relation.validFrom, context.today, tr("Valid from"));
    m_hasUntil = new QCheckBox(tr("Valid &until"), custodyBox);
    m_hasUntil->setObjectName(QStringLiteral("hasValidUntil"));
    m_hasUntil->setChecked(draft.relation.validUntil.isValid());
    m_until = makeDateEdit(custodyBox, draft.relation.validUntil, context.today, tr("Valid until"));
    m_until->setObjectName(QStringLiteral("validUntil"));
    custodyForm->addRow(tr("C&ustody:"), m_custody);
    custodyForm->addRow(tr("Court &order reference:"), m_courtOrder);
    custodyForm->addRow(m_hasFrom, m_from);
    custodyForm->addRow(m_hasUntil, m_until);
    addError(QStringLiteral("validUntil"), m_until, custodyForm);
    layout->addWidget(custodyBox);
    connect(m_hasFrom, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_hasUntil, &QCheckBox::toggled, m_until, &QWidget::setEnabled);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(isNew ? tr("Add") : tr("OK"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RelationDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_type, &QComboBox::currentIndexChanged, this, &RelationDialog::typeChanged);
    for (QLineEdit* e : {m_email, m_phone})
        connect(e, &QLineEdit::textChanged, this, &RelationDialog::updateBlockReason);
    for (QCheckBox* b : {m_hasFrom, m_hasUntil})
        connect(b, &QCheckBox::toggled, this, &RelationDialog::updateBlockReason);
    for (QDateEdit* d : {m_from, m_until})
        connect(d, &QDateEdit::dateChanged, this, &RelationDialog::updateBlockReason);
    updateBlockReason();
    (person.isClient ? static_cast<QWidget*>(m_type) : m_first)->setFocus();
}

RelationDialog::~RelationDialog() = default;

QLabel* RelationDialog::errorLabel(const QString& field) const
{
    return m_errorLabels.value(field);
}

void RelationDialog::typeChanged()
{
    const auto type = static_cast<RelationType>(m_type->currentData().toInt());
    if (!m_isNew)
        return; // an existing relation keeps what staff chose; only a new one takes the defaults
    const Relation defaults = defaultRelation(type);
    m_toggles->setToggles(defaults.notifications);
    m_manage->setChecked(defaults.canManageAppointments ||
                         defaults.permissions.testFlag(PortalPermission::ManageAppointments));
    m_draft.relation.portalInvite = defaults.portalInvite;
    m_draft.relation.permissions = defaults.permissions;
}

RelatedPerson RelationDialog::personFromFields() const
{
    RelatedPerson p = m_person;
    p.relation = m_draft.relation;
    p.relation.validFrom = m_hasFrom->isChecked() ? m_from->date() : QDate();
    p.relation.validUntil = m_hasUntil->isChecked() ? m_until->date() : QDate();
    p.email = m_email->text().trimmed();
    p.phone = m_phone->text().trimmed();
    return p;
}

void RelationDialog::updateBlockReason()
{
    m_toggles->setBlockReason(
        rules::notificationBlockReason(personFromFields(), m_context.preferredMethod, m_context.today));
}

void RelationDialog::accept()
{
    m_errors->clear();
    PersonDraft d = m_draft;
    if (!m_person.isClient) {
        d.contact.firstName = m_first->text();
        d.contact.lastName = m_last->text();
        d.contact.email.clear();
        d.contact.phone.clear();
        if (const QString e = m_email->text().trimmed(); !e.isEmpty()) {
            auto email = validation::normalizeEmail(e);
            if (!email) {
                m_errors->show(QStringLiteral("contactEmail"), email.message());
                return;
            }
            d.contact.email = *email;
        }
        if (const QString p = m_phone->text().trimmed(); !p.isEmpty()) {
            auto phone = validation::normalizePhone(p, m_context.defaultCountryCode);
            if (!phone) {
                m_errors->show(QStringLiteral("contactPhone"), phone.message());
                return;
            }
            d.contact.phone = *phone;
        }
    }
    d.relation.type = static_cast<RelationType>(m_type->currentData().toInt());
    d.relation.relationshipText = m_relationship->text();
    d.relation.notifications = m_toggles->toggles();
    d.relation.canManageAppointments = m_manage->isChecked();
    // C5 "can manage appointments" and the P2 permission are one right.
    d.relation.permissions.setFlag(PortalPermission::ManageAppointments, d.relation.canManageAppointments);
    d.relation.custody = static_cast<Custody>(m_custody->currentData().toInt());
    d.relation.courtOrderRef = m_courtOrder->text();
    d.relation.validFrom = m_hasFrom->isChecked() ? m_from->date() : QDate();
    d.relation.validUntil = m_hasUntil->isChecked() ? m_until->date() : QDate();
    if (d.relation.validFrom.isValid() && d.relation.validUntil.isValid() &&
        d.relation.validUntil < d.relation.validFrom) {
        m_errors->show(QStringLiteral("validUntil"), tr("The relation cannot end before it starts."));
        return;
    }
    m_draft = d;
    QDialog::accept();
}

} // namespace pd
