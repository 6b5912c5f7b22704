#include "core/PortalSettings.h"

#include <QCoreApplication>

namespace pd {

namespace {

struct SettingInfo
{
    PortalSetting setting;
    const char* key;
    const char* label;
    bool defaultOn;
};

constexpr SettingInfo kSettings[] = {
    {PortalSetting::ClientPayments, "client_payments", QT_TRANSLATE_NOOP("PortalSettings", "Allow client payments"),
     false},
    {PortalSetting::SecureMessaging, "secure_messaging", QT_TRANSLATE_NOOP("PortalSettings", "Secure messaging"), true},
    {PortalSetting::SelfScheduling, "self_scheduling", QT_TRANSLATE_NOOP("PortalSettings", "Self-scheduling"), false},
    {PortalSetting::ScheduleWithin24h, "schedule_within_24h",
     QT_TRANSLATE_NOOP("PortalSettings", "Allow booking within 24 hours"), false},
    {PortalSetting::CancelWithin24h, "cancel_within_24h",
     QT_TRANSLATE_NOOP("PortalSettings", "Allow cancelling within 24 hours"), false},
    {PortalSetting::DisplayInsurance, "display_insurance",
     QT_TRANSLATE_NOOP("PortalSettings", "Display insurance info"), false},
    {PortalSetting::ClientsAddPayers, "clients_add_payers",
     QT_TRANSLATE_NOOP("PortalSettings", "Let clients add insurance payers"), false},
    {PortalSetting::ContactPortalAccess, "contact_portal_access",
     QT_TRANSLATE_NOOP("PortalSettings", "Portal access for client contacts"), true},
    {PortalSetting::HideLocationOnIntake, "hide_location_on_intake",
     QT_TRANSLATE_NOOP("PortalSettings", "Hide location address on intake forms"), false},
};

const SettingInfo& info(PortalSetting s)
{
    for (const SettingInfo& i : kSettings)
        if (i.setting == s)
            return i;
    return kSettings[0];
}

struct FlagInfo
{
    const char* key;
    bool OrganizationSettings::*member;
};

constexpr FlagInfo kFlags[] = {
    {"card_processing", &OrganizationSettings::cardProcessingEnabled},
    {"notify_on_delete", &OrganizationSettings::notifyOnDelete},
    {"notify_on_cancel", &OrganizationSettings::notifyOnCancel},
    {"notify_on_reschedule", &OrganizationSettings::notifyOnReschedule},
    {"notify_on_staff_change", &OrganizationSettings::notifyOnStaffChange},
    {"notify_on_create", &OrganizationSettings::notifyOnCreate},
    {"notify_on_decline_request", &OrganizationSettings::notifyOnDeclineRequest},
    {"notify_on_confirm_request", &OrganizationSettings::notifyOnConfirmRequest},
    {"notify_on_undo_confirm_decline", &OrganizationSettings::notifyOnUndoConfirmDecline},
};

std::optional<bool> parseBool(const QString& v)
{
    if (v == QLatin1String("true"))
        return true;
    if (v == QLatin1String("false"))
        return false;
    return std::nullopt;
}

QString boolText(bool b)
{
    return b ? QStringLiteral("true") : QStringLiteral("false");
}

} // namespace

bool OrganizationSettings::value(PortalSetting s) const
{
    return portal.value(s, PortalSettings::defaultValue(s));
}

QMap<QString, QString> OrganizationSettings::toKeyValues() const
{
    QMap<QString, QString> kv;
    for (const SettingInfo& i : kSettings)
        kv.insert(QString::fromLatin1(i.key), boolText(value(i.setting)));
    for (const FlagInfo& f : kFlags)
        kv.insert(QString::fromLatin1(f.key), boolText(this->*(f.member)));
    kv.insert(QStringLiteral("auto_lock_minutes"), QString::number(autoLockMinutes));
    kv.insert(QStringLiteral("default_country_code"), defaultCountryCode);
    return kv;
}

Result<OrganizationSettings> OrganizationSettings::fromKeyValues(const QMap<QString, QString>& kv)
{
    OrganizationSettings out;
    for (auto it = kv.begin(); it != kv.end(); ++it) {
        const QString& k = it.key();
        const QString& v = it.value();
        if (k == QLatin1String("auto_lock_minutes")) {
            bool ok = false;
            const int m = v.toInt(&ok);
            if (!ok || m < 1 || m > 240)
                return Error::invalid(QCoreApplication::translate(
                                          "PortalSettings", "Auto-lock must be between 1 and 240 minutes, not \"%1\".")
                                          .arg(v),
                                      k);
            out.autoLockMinutes = m;
            continue;
        }
        if (k == QLatin1String("default_country_code")) {
            bool ok = false;
            const int cc = v.toInt(&ok);
            if (!ok || cc < 1 || cc > 999)
                return Error::invalid(
                    QCoreApplication::translate("PortalSettings", "\"%1\" is not a country calling code.").arg(v), k);
            out.defaultCountryCode = QString::number(cc);
            continue;
        }
        const auto b = parseBool(v);
        if (!b)
            return Error::invalid(
                QCoreApplication::translate("PortalSettings", "Setting %1 must be true or false, not \"%2\".")
                    .arg(k, v),
                k);
        if (auto s = PortalSettings::fromKey(k)) {
            out.set(*s, *b);
            continue;
        }
        bool known = false;
        for (const FlagInfo& f : kFlags) {
            if (k == QLatin1String(f.key)) {
                out.*(f.member) = *b;
                known = true;
            }
        }
        if (!known)
            return Error::invalid(QCoreApplication::translate("PortalSettings", "Unknown setting \"%1\".").arg(k), k);
    }
    return out;
}

QList<PortalSetting> PortalSettings::all()
{
    QList<PortalSetting> out;
    for (const SettingInfo& i : kSettings)
        out << i.setting;
    return out;
}

QString PortalSettings::key(PortalSetting s)
{
    return QString::fromLatin1(info(s).key);
}

std::optional<PortalSetting> PortalSettings::fromKey(const QString& k)
{
    for (const SettingInfo& i : kSettings)
        if (k == QLatin1String(i.key))
            return i.setting;
    return std::nullopt;
}

QString PortalSettings::label(PortalSetting s)
{
    return QCoreApplication::translate("PortalSettings", info(s).label);
}

bool PortalSettings::defaultValue(PortalSetting s)
{
    return info(s).defaultOn;
}

EffectiveSetting PortalSettings::effective(PortalSetting s, const OrganizationSettings& org,
                                           const QMap<QString, QString>& clientOverrides)
{
    if (s == PortalSetting::ClientPayments && !org.cardProcessingEnabled)
        return {false, QCoreApplication::translate(
                           "PortalSettings",
                           "Payments are unavailable until card processing is turned on for the organization.")};
    if ((s == PortalSetting::ScheduleWithin24h || s == PortalSetting::CancelWithin24h)) {
        const EffectiveSetting parent = effective(PortalSetting::SelfScheduling, org, clientOverrides);
        if (!parent.on)
            return {false, QCoreApplication::translate("PortalSettings", "Needs self-scheduling, which is off.")};
    }
    if (s == PortalSetting::ClientsAddPayers) {
        const EffectiveSetting parent = effective(PortalSetting::DisplayInsurance, org, clientOverrides);
        if (!parent.on)
            return {false,
                    QCoreApplication::translate("PortalSettings", "Needs \"Display insurance info\", which is off.")};
    }
    if (!org.value(s))
        return {false, QCoreApplication::translate("PortalSettings", "Off for the organization.")};
    if (clientOverrides.value(key(s)) == QLatin1String("false"))
        return {false, QCoreApplication::translate("PortalSettings", "Switched off for this client.")};
    return {true, {}};
}

Status PortalSettings::checkOverrides(const QMap<QString, QString>& clientOverrides)
{
    for (auto it = clientOverrides.begin(); it != clientOverrides.end(); ++it) {
        if (!fromKey(it.key()))
            return Error::invalid(
                QCoreApplication::translate("PortalSettings", "Unknown setting \"%1\".").arg(it.key()), it.key());
        if (!parseBool(it.value()))
            return Error::invalid(
                QCoreApplication::translate("PortalSettings", "Setting %1 must be true or false, not \"%2\".")
                    .arg(it.key(), it.value()),
                it.key());
    }
    return {};
}

} // namespace pd
