// S1 organization settings, S2 per-client overrides, N3 flags, D4 auto-lock.
#include "core/PortalSettings.h"

#include <QTest>

using namespace pd;

namespace {
using Keys = QStringList;
using Overrides = QMap<QString, QString>; // a client's stored overrides: key -> "false" (off) or "true" (none)

// An organization with card processing as given and every portal setting on except those named.
OrganizationSettings organizationWithAllOnExcept(const Keys& off, bool cardProcessing)
{
    OrganizationSettings org;
    org.cardProcessingEnabled = cardProcessing;
    for (PortalSetting s : PortalSettings::all())
        org.set(s, !off.contains(PortalSettings::key(s)));
    return org;
}
} // namespace

class TestPortalSettings : public QObject
{
    Q_OBJECT
private slots:
    // S1 + S2: a setting's effective value for one client from the organization's value, card
    // processing (payments), the setting it needs (booking/cancelling within 24 hours need
    // self-scheduling; adding payers needs insurance display) and the client's overrides,
    // which can only switch off. When off, the reason says which of these decided it.
    void effectiveSetting_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<Keys>("orgOff"); // settings the organization has off; all others on
        QTest::addColumn<bool>("cardProcessing");
        QTest::addColumn<Overrides>("overrides");
        QTest::addColumn<bool>("on");
        QTest::addColumn<QString>("reason"); // part of the reason when off
        const QString payments = QStringLiteral("client_payments");
        const QString messaging = QStringLiteral("secure_messaging");
        const QString selfScheduling = QStringLiteral("self_scheduling");
        const QString book24h = QStringLiteral("schedule_within_24h");
        const QString cancel24h = QStringLiteral("cancel_within_24h");
        const QString insurance = QStringLiteral("display_insurance");
        const QString payers = QStringLiteral("clients_add_payers");
        const QString off = QStringLiteral("false");
        const QString noOverride = QStringLiteral("true");
        const QString card = QStringLiteral("card processing");
        const QString orgOff = QStringLiteral("Off for the organization");
        const QString clientOff = QStringLiteral("Switched off for this client");
        const QString needsScheduling = QStringLiteral("Needs self-scheduling");
        const QString needsInsurance = QStringLiteral("Needs \"Display insurance info\"");

        QTest::newRow("payments allowed, card processing on, no override: on")
            << payments << Keys{} << true << Overrides{} << true << QString();
        QTest::newRow("payments allowed but card processing off: unavailable")
            << payments << Keys{} << false << Overrides{} << false << card;
        QTest::newRow("payments off for the organization, card processing on: off")
            << payments << Keys{payments} << true << Overrides{} << false << orgOff;
        QTest::newRow("payments off for the organization and card processing off: card processing is named")
            << payments << Keys{payments} << false << Overrides{} << false << card;
        QTest::newRow("payments switched off for one client")
            << payments << Keys{} << true << Overrides{{payments, off}} << false << clientOff;
        QTest::newRow("payments: a client's \"true\" cannot make up for card processing off")
            << payments << Keys{} << false << Overrides{{payments, noOverride}} << false << card;
        QTest::newRow("payments: a client's \"true\" is no override, on with card processing")
            << payments << Keys{} << true << Overrides{{payments, noOverride}} << true << QString();

        QTest::newRow("secure messaging on, no override: on")
            << messaging << Keys{} << true << Overrides{} << true << QString();
        QTest::newRow("secure messaging does not need card processing")
            << messaging << Keys{} << false << Overrides{} << true << QString();
        QTest::newRow("secure messaging switched off for one client")
            << messaging << Keys{} << true << Overrides{{messaging, off}} << false << clientOff;
        QTest::newRow("secure messaging off for the organization")
            << messaging << Keys{messaging} << true << Overrides{} << false << orgOff;
        QTest::newRow("secure messaging off for the organization cannot be switched on for one client")
            << messaging << Keys{messaging} << true << Overrides{{messaging, noOverride}} << false << orgOff;
        QTest::newRow("secure messaging stays on when another setting is switched off for the client")
            << messaging << Keys{} << true << Overrides{{selfScheduling, off}} << true << QString();
        QTest::newRow("self-scheduling off for the organization cannot be switched on for one client")
            << selfScheduling << Keys{selfScheduling} << true << Overrides{{selfScheduling, noOverride}} << false
            << orgOff;

        QTest::newRow("booking within 24 hours on with self-scheduling on")
            << book24h << Keys{} << true << Overrides{} << true << QString();
        QTest::newRow("booking within 24 hours needs self-scheduling, which the organization has off")
            << book24h << Keys{selfScheduling} << true << Overrides{} << false << needsScheduling;
        QTest::newRow("booking within 24 hours off when self-scheduling is switched off for the client")
            << book24h << Keys{} << true << Overrides{{selfScheduling, off}} << false << needsScheduling;
        QTest::newRow("booking within 24 hours off for the organization, self-scheduling on")
            << book24h << Keys{book24h} << true << Overrides{} << false << orgOff;
        QTest::newRow("booking within 24 hours switched off for one client, self-scheduling on")
            << book24h << Keys{} << true << Overrides{{book24h, off}} << false << clientOff;
        QTest::newRow("self-scheduling stays on when only booking within 24 hours is switched off")
            << selfScheduling << Keys{} << true << Overrides{{book24h, off}} << true << QString();
        QTest::newRow("cancelling within 24 hours on with self-scheduling on")
            << cancel24h << Keys{} << true << Overrides{} << true << QString();
        QTest::newRow("cancelling within 24 hours needs self-scheduling, which the organization has off")
            << cancel24h << Keys{selfScheduling} << true << Overrides{} << false << needsScheduling;
        QTest::newRow("cancelling within 24 hours off when self-scheduling is switched off for the client")
            << cancel24h << Keys{} << true << Overrides{{selfScheduling, off}} << false << needsScheduling;

        QTest::newRow("adding payers on with insurance display on")
            << payers << Keys{} << true << Overrides{} << true << QString();
        QTest::newRow("adding payers needs insurance display, which the organization has off")
            << payers << Keys{insurance} << true << Overrides{} << false << needsInsurance;
        QTest::newRow("adding payers off when insurance display is switched off for the client")
            << payers << Keys{} << true << Overrides{{insurance, off}} << false << needsInsurance;
        QTest::newRow("adding payers off for the organization, insurance display on")
            << payers << Keys{payers} << true << Overrides{} << false << orgOff;
        QTest::newRow("insurance display stays on when only adding payers is switched off for the client")
            << insurance << Keys{} << true << Overrides{{payers, off}} << true << QString();
    }
    void effectiveSetting()
    {
        QFETCH(QString, setting);
        QFETCH(Keys, orgOff);
        QFETCH(bool, cardProcessing);
        QFETCH(Overrides, overrides);
        QFETCH(bool, on);
        QFETCH(QString, reason);
        const auto s = PortalSettings::fromKey(setting);
        QVERIFY(s);
        QVERIFY(PortalSettings::checkOverrides(overrides)); // the overrides are valid stored values
        const EffectiveSetting e =
            PortalSettings::effective(*s, organizationWithAllOnExcept(orgOff, cardProcessing), overrides);
        QCOMPARE(e.on, on);
        if (on)
            QCOMPARE(e.reason, QString());
        else
            QVERIFY2(e.reason.contains(reason), qPrintable(e.reason));
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

    // S2: with everything on for the organization, each setting can be switched off for one
    // client (rows from PortalSettings::all(), so a new setting gets a row).
    void everySettingCanBeSwitchedOffForOneClient_data()
    {
        QTest::addColumn<int>("setting");
        for (PortalSetting s : PortalSettings::all())
            QTest::addRow("\"%s\" can be switched off for one client", qPrintable(PortalSettings::label(s))) << int(s);
    }
    void everySettingCanBeSwitchedOffForOneClient()
    {
        QFETCH(int, setting);
        const auto s = static_cast<PortalSetting>(setting);
        QVERIFY(!PortalSettings::label(s).isEmpty());
        const OrganizationSettings org = organizationWithAllOnExcept({}, true);
        QVERIFY2(PortalSettings::effective(s, org).on, qPrintable(PortalSettings::key(s)));
        const Overrides off = {{PortalSettings::key(s), QStringLiteral("false")}};
        QVERIFY(PortalSettings::checkOverrides(off));
        const EffectiveSetting e = PortalSettings::effective(s, org, off);
        QVERIFY(!e.on);
        QVERIFY2(e.reason.contains(QLatin1String("Switched off for this client")), qPrintable(e.reason));
    }
};

QTEST_GUILESS_MAIN(TestPortalSettings)
#include "TestPortalSettings.moc"
