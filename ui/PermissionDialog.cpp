#include "ui/PermissionDialog.h"

#include "core/PortalPolicy.h"
#include "core/RelationTypes.h"
#include "ui/FieldErrors.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace pd {

PermissionDialog::PermissionDialog(const QString& personName, const Relation& relation, Check check, QWidget* parent)
    : QDialog(parent), m_relation(relation), m_check(std::move(check))
{
    setObjectName(QStringLiteral("permissionDialog"));
    setWindowTitle(tr("Portal access for %1").arg(personName));
    setMinimumWidth(480);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("What %1 may see and do in the client portal on the client's behalf. The practice "
                                "server enforces these on every request; a change takes effect on the very next one.")
                                 .arg(personName),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_invite = new QCheckBox(tr("Send an &invitation to the client portal"), this);
    m_invite->setObjectName(QStringLiteral("portalInvite"));
    m_invite->setAccessibleName(tr("Send an invitation to the client portal"));
    m_invite->setChecked(relation.portalInvite);
    layout->addWidget(m_invite);

    auto* box = new QGroupBox(tr("Permissions"), this);
    auto* boxLayout = new QVBoxLayout(box);
    for (PortalPermission p : PortalPolicy::allPermissions()) {
        auto* toggle = new QCheckBox(PortalPolicy::label(p), box);
        toggle->setObjectName(QStringLiteral("permission%1").arg(static_cast<quint32>(p)));
        toggle->setAccessibleName(PortalPolicy::label(p));
        toggle->setAccessibleDescription(PortalPolicy::explanation(p));
        toggle->setChecked(relation.permissions.testFlag(p));
        auto* line = new QLabel(PortalPolicy::explanation(p), box);
        line->setWordWrap(true);
        line->setContentsMargins(24, 0, 0, 6);
        line->setStyleSheet(QStringLiteral("color: palette(dark)"));
        boxLayout->addWidget(toggle);
        boxLayout->addWidget(line);
        m_boxes.append({p, toggle});
    }
    layout->addWidget(box);

    m_error = FieldErrors::makeLabel(this, QStringLiteral("permissionError"));
    layout->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* defaults = buttons->addButton(tr("Use the &defaults for %1").arg(relationTypeLabel(relation.type)),
                                        QDialogButtonBox::ResetRole);
    defaults->setObjectName(QStringLiteral("useDefaults"));
    connect(defaults, &QPushButton::clicked, this, &PermissionDialog::applyDefaults);
    connect(buttons, &QDialogButtonBox::accepted, this, &PermissionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QCheckBox* PermissionDialog::permissionBox(PortalPermission permission) const
{
    for (const auto& [p, box] : m_boxes)
        if (p == permission)
            return box;
    return nullptr;
}

Relation PermissionDialog::fromFields() const
{
    Relation r = m_relation;
    r.portalInvite = m_invite->isChecked();
    PortalPermissions permissions;
    for (const auto& [p, box] : m_boxes)
        permissions.setFlag(p, box->isChecked());
    r.permissions = permissions;
    // "Can manage appointments" (C5) and the portal permission are one right.
    r.canManageAppointments = permissions.testFlag(PortalPermission::ManageAppointments);
    return r;
}

void PermissionDialog::applyDefaults()
{
    const Relation defaults = defaultRelation(m_relation.type);
    m_invite->setChecked(defaults.portalInvite);
    for (const auto& [p, box] : m_boxes)
        box->setChecked(defaults.permissions.testFlag(p));
}

void PermissionDialog::accept()
{
    const Relation r = fromFields();
    if (m_check) {
        if (Status s = m_check(r); !s) {
            m_error->setText(s.message());
            m_error->show();
            return;
        }
    }
    m_error->hide();
    m_relation = r;
    QDialog::accept();
}

} // namespace pd
