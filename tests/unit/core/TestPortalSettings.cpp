// S1 organization settings, S2 per-client overrides, N3 flags, D4 auto-lock.
#include "core/PortalSettings.h"

#include <QTest>

using namespace pd;

class TestPortalSettings : public QObject
{
    Q_OBJECT
private slots:
    void paymentsNeedCardProcessing()
    {
        OrganizationSettings org;
        org.set(PortalSetting::ClientPayments, true);
        EffectiveSetting e = PortalSettings::effective(PortalSetting::ClientPayments, org);
        QVERIFY(!e.on);
        QVERIFY(e.reason.contains(QLatin1String("card processing")));
        org.cardProcessingEnabled = true;
        QVERIFY(PortalSettings::effective(PortalSetting::ClientPayments, org).on);
    }

    void clientOverridesOnlySwitchOff()
    {
        OrganizationSettings org;
        org.set(PortalSetting::SecureMessaging, true);
        const QMap<QString, QString> off = {{QStringLiteral("secure_messaging"), QStringLiteral("false")}};
        QVERIFY(!PortalSettings::effective(PortalSetting::SecureMessaging, org, off).on);
        org.set(PortalSetting::SelfScheduling, false);
        const QMap<QString, QString> on = {{QStringLiteral("self_scheduling"), QStringLiteral("true")}};
        QVERIFY(!PortalSettings::effective(PortalSetting::SelfScheduling, org, on).on);
    }

    void dependentSettings()
    {
        OrganizationSettings org;
        org.set(PortalSetting::ScheduleWithin24h, true);
        org.set(PortalSetting::ClientsAddPayers, true);
        QVERIFY(PortalSettings::effective(PortalSetting::ScheduleWithin24h, org).reason.contains(QLatin1String("self-scheduling")));
        QVERIFY(!PortalSettings::effective(PortalSetting::ClientsAddPayers, org).on);
        org.set(PortalSetting::SelfScheduling, true);
        org.set(PortalSetting::DisplayInsurance, true);
        QVERIFY(PortalSettings::effective(PortalSetting::ScheduleWithin24h, org).on);
        QVERIFY(PortalSettings::effective(PortalSetting::ClientsAddPayers, org).on);
    }

    void keyValueRoundTrip()
    {
        OrganizationSettings org;
        org.cardProcessingEnabled = true;
        org.set(PortalSetting::HideLocationOnIntake, true);
        org.notifyOnStaffChange = true;
        org.autoLockMinutes = 5;
        auto back = OrganizationSettings::fromKeyValues(org.toKeyValues());
        QVERIFY(back);
        QCOMPARE(back->toKeyValues(), org.toKeyValues());
        QVERIFY(back->value(PortalSetting::HideLocationOnIntake));
        QCOMPARE(back->autoLockMinutes, 5);
        for (PortalSetting s : PortalSettings::all())
            QCOMPARE(PortalSettings::fromKey(PortalSettings::key(s)), std::optional<PortalSetting>(s));
    }

    void badStoredValuesAreRefused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key") << QStringLiteral("free_pizza") << QStringLiteral("true") << QStringLiteral("Unknown setting");
        QTest::newRow("not a bool") << QStringLiteral("secure_messaging") << QStringLiteral("yes please") << QStringLiteral("true or false");
        QTest::newRow("lock 0 minutes") << QStringLiteral("auto_lock_minutes") << QStringLiteral("0") << QStringLiteral("between 1 and 240");
        QTest::newRow("bad country code") << QStringLiteral("default_country_code") << QStringLiteral("+x") << QStringLiteral("country calling code");
    }
    void badStoredValuesAreRefused()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, message);
        auto r = OrganizationSettings::fromKeyValues({{key, value}});
        QVERIFY(!r);
        QVERIFY2(r.message().contains(message), qPrintable(r.message()));
        QCOMPARE(r.error().field, key);
    }
};

QTEST_GUILESS_MAIN(TestPortalSettings)
#include "TestPortalSettings.moc"
