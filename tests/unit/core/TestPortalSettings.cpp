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
        QVERIFY(PortalSettings::effective(PortalSetting::ScheduleWithin24h, org)
                    .reason.contains(QLatin1String("self-scheduling")));
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
        QTest::newRow("unknown key") << QStringLiteral("free_pizza") << QStringLiteral("true")
                                     << QStringLiteral("Unknown setting");
        QTest::newRow("not a bool") << QStringLiteral("secure_messaging") << QStringLiteral("yes please")
                                    << QStringLiteral("true or false");
        QTest::newRow("lock 0 minutes") << QStringLiteral("auto_lock_minutes") << QStringLiteral("0")
                                        << QStringLiteral("between 1 and 240");
        QTest::newRow("bad country code")
            << QStringLiteral("default_country_code") << QStringLiteral("+x") << QStringLiteral("country calling code");
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

    void storedClientOverridesAreChecked_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message"); // empty: accepted
        QTest::newRow("switch off") << QStringLiteral("secure_messaging") << QStringLiteral("false") << QString();
        QTest::newRow("no override") << QStringLiteral("self_scheduling") << QStringLiteral("true") << QString();
        QTest::newRow("unknown key") << QStringLiteral("free_pizza") << QStringLiteral("false")
                                     << QStringLiteral("Unknown setting");
        QTest::newRow("org-only flag") << QStringLiteral("auto_lock_minutes") << QStringLiteral("false")
                                       << QStringLiteral("Unknown setting");
        QTest::newRow("not a bool") << QStringLiteral("client_payments") << QStringLiteral("off")
                                    << QStringLiteral("true or false");
        QTest::newRow("injection") << QStringLiteral("client_payments") << QStringLiteral("false'; --")
                                   << QStringLiteral("true or false");
    }
    void storedClientOverridesAreChecked()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, message);
        const Status s = PortalSettings::checkOverrides({{key, value}});
        QCOMPARE(s.ok(), message.isEmpty());
        if (!s) {
            QVERIFY2(s.message().contains(message), qPrintable(s.message()));
            QCOMPARE(s.error().field, key);
        }
    }

    void everySettingCanBeSwitchedOffForOneClient()
    {
        OrganizationSettings org;
        org.cardProcessingEnabled = true;
        for (PortalSetting s : PortalSettings::all())
            org.set(s, true);
        for (PortalSetting s : PortalSettings::all()) {
            QVERIFY2(PortalSettings::effective(s, org).on, qPrintable(PortalSettings::key(s)));
            const QMap<QString, QString> off = {{PortalSettings::key(s), QStringLiteral("false")}};
            QVERIFY(PortalSettings::checkOverrides(off));
            const EffectiveSetting e = PortalSettings::effective(s, org, off);
            QVERIFY(!e.on);
            QVERIFY(!e.reason.isEmpty());
            QVERIFY(!PortalSettings::label(s).isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestPortalSettings)
#include "TestPortalSettings.moc"
