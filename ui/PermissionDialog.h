#pragma once

#include "core/Relation.h"
#include "core/Result.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QLabel;

namespace pd {

// Portal access of one contact (P1, P2): the portal invitation and each permission with one
// line saying what it allows, from the shared policy table (core/PortalPolicy). "Use the
// defaults" applies the relation type's defaults (P1). OK runs the check the editor gives
// (PP2: the parent-portal conflict; an invitation needs an email) and stays open with the
// explanation when it refuses.
class PermissionDialog : public QDialog
{
    Q_OBJECT
public:
    using Check = std::function<Status(const Relation&)>;

    PermissionDialog(const QString& personName, const Relation& relation, Check check, QWidget* parent = nullptr);

    Relation relation() const { return m_relation; }
    void accept() override;

    QCheckBox* inviteBox() const { return m_invite; }
    QCheckBox* permissionBox(PortalPermission permission) const;
    QLabel* errorLabel() const { return m_error; }

private:
    Relation fromFields() const;
    void applyDefaults();

    Relation m_relation;
    Check m_check;
    QCheckBox* m_invite = nullptr;
    QList<QPair<PortalPermission, QCheckBox*>> m_boxes;
    QLabel* m_error = nullptr;
};

} // namespace pd
