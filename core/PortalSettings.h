#pragma once

#include "core/Result.h"

#include <QList>
#include <QMap>

namespace pd {

// S1 organization settings (administrators only), N3 client notification settings and
// D4 auto-lock, with stable keys for storage and sync. S2: each portal setting can be
// switched OFF for one client; an override can never switch on what the organization has off.
enum class PortalSetting {
    ClientPayments,      // allow client payments (needs card processing)
    SecureMessaging,     // secure messaging through the portal
    SelfScheduling,      // clients (and contacts who may manage appointments) book in the portal
    ScheduleWithin24h,   // …also within 24 hours of the appointment (needs self-scheduling)
    CancelWithin24h,     // cancel within 24 hours (needs self-scheduling)
    DisplayInsurance,    // show and edit insurance information
    ClientsAddPayers,    // let clients add new insurance payers (needs insurance display)
    ContactPortalAccess, // portal access for client contacts (P1/P2)
    HideLocationOnIntake // hide the practice's address on intake forms
};

struct OrganizationSettings
{
    bool cardProcessingEnabled = false;
    QMap<PortalSetting, bool> portal; // missing = default (see defaultValue)
    // N3: email the client when someone …
    bool notifyOnDelete = true;
    bool notifyOnCancel = true;
    bool notifyOnReschedule = true;
    bool notifyOnStaffChange = false;
    bool notifyOnCreate = true;
    bool notifyOnDeclineRequest = true;
    bool notifyOnConfirmRequest = true;
    bool notifyOnUndoConfirmDecline = false;
    int autoLockMinutes = 10;                         // D4
    QString defaultCountryCode = QStringLiteral("1"); // for phone numbers typed without +

    bool value(PortalSetting s) const;
    void set(PortalSetting s, bool on) { portal.insert(s, on); }

    // Stored as key/value rows (org_settings). Unknown keys and bad values are errors.
    QMap<QString, QString> toKeyValues() const;
    static Result<OrganizationSettings> fromKeyValues(const QMap<QString, QString>& kv);
};

// A setting's effective value for one client and, when it is off, why.
struct EffectiveSetting
{
    bool on = false;
    QString reason; // empty when on
};

class PortalSettings
{
public:
    static QList<PortalSetting> all();
    static QString key(PortalSetting s);
    static std::optional<PortalSetting> fromKey(const QString& key);
    static QString label(PortalSetting s);
    static bool defaultValue(PortalSetting s);

    // S1 + S2: the organization's value, dependencies, then the client's overrides
    // (key -> "false"; only switching off is honoured).
    static EffectiveSetting effective(PortalSetting s, const OrganizationSettings& org,
                                      const QMap<QString, QString>& clientOverrides = {});

    // S2: checks stored per-client overrides (key -> "false" to switch off, "true" for no
    // override: a client can never get what the organization has off). Unknown keys and
    // other values are errors naming the key.
    static Status checkOverrides(const QMap<QString, QString>& clientOverrides);
};

} // namespace pd
