#include "ui/OrganizationSettingsDialog.h"

#include "storage/Store.h"
#include "ui/FieldErrors.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

namespace pd {

namespace {

// Whether a portal setting depends on another (card processing, self-scheduling, insurance
// display): asked of the shared rule with everything else off, so the dialog knows no rules.
bool hasPrerequisite(PortalSetting setting)
{
    OrganizationSettings alone;
    alone.cardProcessingEnabled = false;
    for (PortalSetting s : PortalSettings::all())
        alone.set(s, s == setting);
    return !PortalSettings::effective(setting, alone).on;
}

QString minutesSuffix(int minutes)
{
    return minutes == 1 ? OrganizationSettingsDialog::tr(" minute") : OrganizationSettingsDialog::tr(" minutes");
}

} // namespace

OrganizationSettingsDialog::OrganizationSettingsDialog(Store& store, QWidget* parent) : QDialog(parent), m_store(store)
{
    setObjectName(QStringLiteral("organizationSettings"));
    setWindowTitle(tr("Organization settings [*] — PracticeDesk"));
    QString loadError;
    if (auto kv = store.settings().organization()) {
        if (auto parsed = OrganizationSettings::fromKeyValues(*kv))
            m_stored = *parsed;
        else
            loadError = parsed.message();
    } else {
        loadError = kv.message();
    }

    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("These settings apply to every client and every desk of the practice. Changes are "
                                "sent to the practice server with the next sync."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* columns = new QHBoxLayout;
    layout->addLayout(columns, 1);

    auto* portal = new QGroupBox(tr("Client portal"), this);
    auto* portalLayout = new QVBoxLayout(portal);
    portalLayout->setSpacing(2);
    const int indent =
        style()->pixelMetric(QStyle::PM_IndicatorWidth) + style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing);
    m_cardProcessing = new QCheckBox(tr("Card &processing is set up"), portal);
    m_cardProcessing->setObjectName(QStringLiteral("cardProcessing"));
    m_cardProcessing->setAccessibleName(tr("Card processing is set up"));
    portalLayout->addWidget(m_cardProcessing);
    for (PortalSetting s : PortalSettings::all()) {
        // A setting that needs another one sits under it, indented (payments under card
        // processing, booking within 24 hours under self-scheduling, …).
        const int depth = hasPrerequisite(s) ? indent : 0;
        auto* box = new QCheckBox(PortalSettings::label(s), portal);
        box->setObjectName(QStringLiteral("org_") + PortalSettings::key(s));
        box->setAccessibleName(PortalSettings::label(s));
        auto* reason = new QLabel(portal);
        reason->setObjectName(QStringLiteral("org_") + PortalSettings::key(s) + QStringLiteral("_reason"));
        reason->setWordWrap(true);
        reason->setContentsMargins(depth + indent, 0, 0, 4);
        QFont small = reason->font();
        small.setItalic(true);
        reason->setFont(small);
        reason->hide();
        auto* row = new QHBoxLayout;
        row->setContentsMargins(depth, depth > 0 ? 0 : 6, 0, 0);
        row->addWidget(box);
        portalLayout->addLayout(row);
        portalLayout->addWidget(reason);
        m_portal.insert(s, box);
        m_portalReason.insert(s, reason);
        connect(box, &QCheckBox::toggled, this, &OrganizationSettingsDialog::refresh);
    }
    portalLayout->addStretch(1);
    columns->addWidget(portal, 1);

    auto* right = new QVBoxLayout;
    columns->addLayout(right, 1);
    auto* notify = new QGroupBox(tr("Email the client when someone…"), this);
    auto* notifyLayout = new QVBoxLayout(notify);
    const QList<QPair<bool OrganizationSettings::*, QString>> flags = {
        {&OrganizationSettings::notifyOnCreate, tr("books an appointment for them")},
        {&OrganizationSettings::notifyOnReschedule, tr("reschedules their appointment")},
        {&OrganizationSettings::notifyOnCancel, tr("cancels their appointment")},
        {&OrganizationSettings::notifyOnDelete, tr("deletes their appointment")},
        {&OrganizationSettings::notifyOnStaffChange, tr("changes the clinician of their appointment")},
        {&OrganizationSettings::notifyOnConfirmRequest, tr("confirms their appointment request")},
        {&OrganizationSettings::notifyOnDeclineRequest, tr("declines their appointment request")},
        {&OrganizationSettings::notifyOnUndoConfirmDecline, tr("undoes a confirmation or decline")},
    };
    for (const auto& [member, text] : flags) {
        auto* box = new QCheckBox(text, notify);
        // Screen readers hear the whole sentence, not just its end (N3, D6).
        box->setAccessibleName(tr("Email the client when someone %1").arg(text));
        notifyLayout->addWidget(box);
        m_notify.append({member, box});
        connect(box, &QCheckBox::toggled, this, &OrganizationSettingsDialog::refresh);
    }
    right->addWidget(notify);

    auto* desk = new QGroupBox(tr("Desks"), this);
    auto* form = new QFormLayout(desk);
    m_autoLock = new QSpinBox(desk);
    m_autoLock->setObjectName(QStringLiteral("autoLockMinutes"));
    m_autoLock->setAccessibleName(tr("Lock a desk after this many minutes without activity"));
    m_autoLock->setRange(1, 240);
    m_autoLock->setSuffix(minutesSuffix(m_stored.autoLockMinutes));
    m_countryCode = new QLineEdit(desk);
    m_countryCode->setObjectName(QStringLiteral("defaultCountryCode"));
    m_countryCode->setAccessibleName(tr("Default country calling code"));
    m_countryCode->setMaxLength(4);
    m_countryCode->setFixedWidth(fontMetrics().horizontalAdvance(QStringLiteral("+0000")) + 16);
    m_countryError = FieldErrors::makeLabel(desk, QStringLiteral("defaultCountryCodeError"));
    // The message stands beside the field it is about, on the same line.
    auto* codeRow = new QHBoxLayout;
    codeRow->addWidget(m_countryCode, 0, Qt::AlignTop);
    codeRow->addWidget(m_countryError, 1, Qt::AlignVCenter);
    // Room for the message to read as a sentence, not a column of single words.
    m_countryError->setMinimumWidth(fontMetrics().averageCharWidth() * 22);
    auto* codeLabel = new QLabel(tr("Default &country code:"), desk);
    codeLabel->setBuddy(m_countryCode);
    form->addRow(tr("&Lock idle desks after:"), m_autoLock);
    form->addRow(codeLabel, codeRow);
    auto* hint = new QLabel(tr("Phone numbers typed without + get this code, e.g. 1 for the US and Canada, 34 for "
                               "Spain."),
                            desk);
    hint->setWordWrap(true);
    form->addRow(hint);
    right->addWidget(desk);
    right->addStretch(1);

    m_error = FieldErrors::makeLabel(this, QStringLiteral("settingsError"));
    layout->addWidget(m_error);
    if (!loadError.isEmpty()) {
        m_error->setText(tr("The saved settings could not be read (%1). The defaults are shown; Save writes only "
                            "what you change.")
                             .arg(loadError));
        m_error->show();
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setAccessibleName(tr("Save the organization settings"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel without saving"));
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &OrganizationSettingsDialog::reject);
    layout->addWidget(buttons);

    connect(m_cardProcessing, &QCheckBox::toggled, this, &OrganizationSettingsDialog::refresh);
    connect(m_autoLock, &QSpinBox::valueChanged, this, [this](int minutes) {
        m_autoLock->setSuffix(minutesSuffix(minutes));
        refresh();
    });
    connect(m_countryCode, &QLineEdit::textChanged, this, &OrganizationSettingsDialog::refresh);

    m_filling = true;
    m_cardProcessing->setChecked(m_stored.cardProcessingEnabled);
    for (PortalSetting s : PortalSettings::all())
        m_portal.value(s)->setChecked(m_stored.value(s));
    for (const auto& [member, box] : std::as_const(m_notify))
        box->setChecked(m_stored.*member);
    m_autoLock->setValue(m_stored.autoLockMinutes);
    m_countryCode->setText(m_stored.defaultCountryCode);
    m_filling = false;
    refresh();
    // Never narrower than the layout needs (long labels in some languages), and not cramped.
    resize(sizeHint().expandedTo(QSize(680, 0)));
}

QList<QCheckBox*> OrganizationSettingsDialog::notifyBoxes() const
{
    QList<QCheckBox*> out;
    for (const auto& [member, box] : m_notify)
        out << box;
    return out;
}

OrganizationSettings OrganizationSettingsDialog::fromFields() const
{
    OrganizationSettings s = m_stored;
    s.cardProcessingEnabled = m_cardProcessing->isChecked();
    for (PortalSetting p : PortalSettings::all())
        s.set(p, m_portal.value(p)->isChecked());
    for (const auto& [member, box] : m_notify)
        s.*member = box->isChecked();
    s.autoLockMinutes = m_autoLock->value();
    s.defaultCountryCode = m_countryCode->text().trimmed();
    return s;
}

bool OrganizationSettingsDialog::isDirty() const
{
    return fromFields().toKeyValues() != m_stored.toKeyValues();
}

void OrganizationSettingsDialog::refresh()
{
    if (m_filling)
        return;
    const OrganizationSettings current = fromFields();
    for (PortalSetting s : PortalSettings::all()) {
        // Available when the shared rule would let it take effect if it were on; otherwise
        // it is greyed out with the reason (e.g. payments need card processing; booking
        // within 24 hours needs self-scheduling). Its own value is kept for when it returns.
        OrganizationSettings probe = current;
        probe.set(s, true);
        const EffectiveSetting e = PortalSettings::effective(s, probe);
        QCheckBox* box = m_portal.value(s);
        QLabel* reason = m_portalReason.value(s);
        box->setEnabled(e.on);
        box->setAccessibleDescription(e.reason);
        reason->setText(e.reason);
        reason->setVisible(!e.on);
    }
    static const QRegularExpression code(QStringLiteral("^[1-9][0-9]{0,2}$"));
    const bool codeOk = code.match(m_countryCode->text().trimmed()).hasMatch();
    m_countryError->setText(codeOk ? QString() : tr("Enter 1 to 3 digits, not starting with 0, e.g. 1 or 34."));
    m_countryError->setVisible(!codeOk);
    m_countryCode->setAccessibleDescription(m_countryError->text());
    m_save->setEnabled(codeOk && isDirty());
    setWindowModified(isDirty());
}

bool OrganizationSettingsDialog::save()
{
    if (!m_save->isEnabled())
        return false;
    const QMap<QString, QString> before = m_stored.toKeyValues();
    const QMap<QString, QString> after = fromFields().toKeyValues();
    auto cs = m_store.changeSet();
    Status s = cs->begin();
    for (auto it = after.begin(); s && it != after.end(); ++it)
        if (before.value(it.key()) != it.value())
            s = m_store.settings().setOrganization(*cs, it.key(), it.value());
    if (s)
        s = cs->commit();
    if (!s) {
        m_error->setText(s.message());
        m_error->show();
        return false;
    }
    m_stored = fromFields();
    refresh();
    emit saved();
    return true;
}

void OrganizationSettingsDialog::reject()
{
    if (!isDirty())
        return QDialog::reject();
    auto* box = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
                                tr("The organization settings have changes that are not saved. Discard them?"),
                                QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("discardSettings"));
    box->button(QMessageBox::Cancel)->setText(tr("Keep editing"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->clickedButton() == box->button(QMessageBox::Discard))
            QDialog::reject();
    });
    box->open();
}

} // namespace pd
