#pragma once

#include "core/PortalSettings.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace pd {

class Store;

// Organization settings for administrators (S1, N3, D4): portal features (with what each
// needs), card processing, which changes email the client, the auto-lock minutes and the
// default country code for phone numbers. Save writes only what changed, in one change set,
// queued for sync and audited like any other change; Cancel (or Esc) asks before dropping
// changes. The practice server only accepts these changes from administrators (S4).
class OrganizationSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OrganizationSettingsDialog(Store& store, QWidget* parent = nullptr);

    bool isDirty() const;
    bool save(); // false: nothing written (the reason is shown)
    void reject() override;

    QCheckBox* portalBox(PortalSetting setting) const { return m_portal.value(setting); }
    QCheckBox* cardProcessingBox() const { return m_cardProcessing; }
    // The N3 "email the client when someone …" boxes, in the order shown.
    QList<QCheckBox*> notifyBoxes() const;
    QSpinBox* autoLockField() const { return m_autoLock; }
    QLineEdit* countryCodeField() const { return m_countryCode; }
    QLabel* countryCodeError() const { return m_countryError; }
    QPushButton* saveButton() const { return m_save; }
    QLabel* errorLabel() const { return m_error; }

signals:
    void saved();

private:
    OrganizationSettings fromFields() const;
    void refresh();

    Store& m_store;
    OrganizationSettings m_stored;
    bool m_filling = false;
    QHash<PortalSetting, QCheckBox*> m_portal;
    QHash<PortalSetting, QLabel*> m_portalReason;
    QCheckBox* m_cardProcessing = nullptr;
    QList<QPair<bool OrganizationSettings::*, QCheckBox*>> m_notify;
    QSpinBox* m_autoLock = nullptr;
    QLineEdit* m_countryCode = nullptr;
    QLabel* m_countryError = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace pd
