// Organization settings (S1, N3, D4): saved in one change set that is queued for sync and
// audited, shown again on reopening, dependent settings greyed out with the reason,
// invalid input kept from saving with the reason beside the field, and Cancel writing nothing.
#include "tests/gui/Accessibility.h"
#include "tests/gui/Screenshot.h"
#include "tests/testsupport/TemporaryStore.h"
#include "ui/OrganizationSettingsDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTest>

using namespace pd;

namespace {
qint64 count(Store& store, const QString& sql, const QString& key = {})
{
    QSqlQuery q(store.sql());
    q.prepare(sql);
    if (!key.isNull())
        q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

qint64 outboxFor(Store& store, const QString& key)
{
    return count(store, QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'org_setting' AND entity_id = ?"),
                 key);
}

qint64 outboxTotal(Store& store)
{
    return count(store, QStringLiteral("SELECT count(*) FROM outbox"));
}

// Clicks a check box where a person would: on its box, at the start of the line.
void click(QCheckBox* box)
{
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(box->height() / 2, box->height() / 2));
}

QLabel* reasonFor(OrganizationSettingsDialog& dialog, PortalSetting s)
{
    return dialog.findChild<QLabel*>(QStringLiteral("org_") + PortalSettings::key(s) + QStringLiteral("_reason"));
}
} // namespace

class TestOrganizationSettings : public QObject
{
    Q_OBJECT

private slots:
    void changesPersistAndAreQueuedForSyncInOneChangeSet()
    {
        test::TemporaryStore fixture;
        QVERIFY(fixture.isValid());
        const qint64 before = outboxTotal(fixture.store());
        {
            OrganizationSettingsDialog dialog(fixture.store());
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(!dialog.saveButton()->isEnabled()); // nothing changed yet
            QVERIFY(!dialog.isWindowModified());
            click(dialog.portalBox(PortalSetting::SelfScheduling));
            dialog.autoLockField()->setValue(5);
            click(dialog.cardProcessingBox());
            QVERIFY(dialog.isDirty());
            QVERIFY(dialog.isWindowModified());
            QVERIFY(dialog.saveButton()->isEnabled());
            QSignalSpy saved(&dialog, &OrganizationSettingsDialog::saved);
            QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
            QCOMPARE(saved.count(), 1);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QVERIFY(!dialog.isVisible());
        }
        // Only the three changed keys, each queued for sync and audited…
        QCOMPARE(outboxFor(fixture.store(), QStringLiteral("self_scheduling")), 1);
        QCOMPARE(outboxFor(fixture.store(), QStringLiteral("auto_lock_minutes")), 1);
        QCOMPARE(outboxFor(fixture.store(), QStringLiteral("card_processing")), 1);
        QCOMPARE(outboxFor(fixture.store(), QStringLiteral("secure_messaging")), 0); // unchanged: not sent
        QCOMPARE(outboxTotal(fixture.store()) - before, 3);
        QCOMPARE(count(fixture.store(),
                       QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'org_setting' AND entity_id = ?"),
                       QStringLiteral("auto_lock_minutes")),
                 1);
        // …in one change set: every row carries that change set's stamp.
        QCOMPARE(count(fixture.store(),
                       QStringLiteral("SELECT count(DISTINCT hlc) FROM outbox WHERE entity = 'org_setting'")),
                 1);

        OrganizationSettingsDialog reopened(fixture.store());
        QVERIFY(reopened.portalBox(PortalSetting::SelfScheduling)->isChecked());
        QVERIFY(reopened.cardProcessingBox()->isChecked());
        QCOMPARE(reopened.autoLockField()->value(), 5);
        QCOMPARE(reopened.autoLockField()->suffix(), QStringLiteral(" minutes"));
        QVERIFY(!reopened.isDirty());
        QVERIFY(!reopened.saveButton()->isEnabled());
    }

    void changingBackIsNotAChange()
    {
        test::TemporaryStore fixture;
        OrganizationSettingsDialog dialog(fixture.store());
        const int minutes = dialog.autoLockField()->value();
        dialog.autoLockField()->setValue(minutes + 1);
        QVERIFY(dialog.saveButton()->isEnabled());
        dialog.autoLockField()->setValue(minutes);
        QVERIFY(!dialog.isDirty());
        QVERIFY(!dialog.saveButton()->isEnabled());
    }

    void paymentsAreDisabledWithTheReasonUntilCardProcessingIsOn()
    {
        test::TemporaryStore fixture;
        OrganizationSettingsDialog dialog(fixture.store());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.cardProcessingBox()->isChecked()); // the default
        QCheckBox* payments = dialog.portalBox(PortalSetting::ClientPayments);
        QVERIFY(!payments->isEnabled());
        QLabel* why = reasonFor(dialog, PortalSetting::ClientPayments);
        QVERIFY(why->isVisible());
        QVERIFY2(why->text().contains(QLatin1String("card processing")), qPrintable(why->text()));
        QCOMPARE(payments->accessibleDescription(), why->text());

        click(dialog.cardProcessingBox());
        QVERIFY(payments->isEnabled());
        QVERIFY(!why->isVisible());
        click(payments);
        QVERIFY(payments->isChecked());
    }

    void bookingWithin24HoursNeedsSelfScheduling()
    {
        test::TemporaryStore fixture;
        OrganizationSettingsDialog dialog(fixture.store());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCheckBox* selfScheduling = dialog.portalBox(PortalSetting::SelfScheduling);
        QVERIFY(!selfScheduling->isChecked()); // the default
        for (PortalSetting s : {PortalSetting::ScheduleWithin24h, PortalSetting::CancelWithin24h}) {
            QVERIFY(!dialog.portalBox(s)->isEnabled());
            QVERIFY(reasonFor(dialog, s)->isVisible());
            QVERIFY(reasonFor(dialog, s)->text().contains(QLatin1String("self-scheduling")));
        }
        QCoreApplication::processEvents(); // let the layouts settle, as a person would see it
        test::screenshot(&dialog, QStringLiteral("organization-settings-defaults"));

        selfScheduling->setChecked(true);
        dialog.portalBox(PortalSetting::ScheduleWithin24h)->setChecked(true);
        for (PortalSetting s : {PortalSetting::ScheduleWithin24h, PortalSetting::CancelWithin24h}) {
            QVERIFY(dialog.portalBox(s)->isEnabled());
            QVERIFY(!reasonFor(dialog, s)->isVisible());
        }
        // Switching the parent off again keeps the child's value but greys it out.
        selfScheduling->setChecked(false);
        QVERIFY(!dialog.portalBox(PortalSetting::ScheduleWithin24h)->isEnabled());
        QVERIFY(dialog.portalBox(PortalSetting::ScheduleWithin24h)->isChecked());
        // Insurance payers follow "Display insurance info" the same way.
        QVERIFY(!dialog.portalBox(PortalSetting::ClientsAddPayers)->isEnabled());
        dialog.portalBox(PortalSetting::DisplayInsurance)->setChecked(true);
        QVERIFY(dialog.portalBox(PortalSetting::ClientsAddPayers)->isEnabled());
    }

    void aBadCountryCodeIsRefusedBesideTheField()
    {
        test::TemporaryStore fixture;
        OrganizationSettingsDialog dialog(fixture.store());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.countryCodeError()->isVisible());
        dialog.countryCodeField()->selectAll();
        QTest::keyClicks(dialog.countryCodeField(), QStringLiteral("+44a"));
        QVERIFY(dialog.countryCodeError()->isVisible());
        QVERIFY(dialog.countryCodeError()->text().contains(QLatin1String("1 to 3 digits")));
        // Beside the field: on the same line, to its right.
        const QRect field = dialog.countryCodeField()->geometry();
        const QRect error = dialog.countryCodeError()->geometry();
        QVERIFY(error.left() >= field.right());
        QVERIFY(error.top() < field.bottom() && field.top() < error.bottom());
        QCOMPARE(dialog.countryCodeField()->accessibleDescription(), dialog.countryCodeError()->text());
        QCoreApplication::processEvents(); // let the layouts settle, as a person would see it
        test::screenshot(&dialog, QStringLiteral("organization-settings-bad-code"));
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY(!dialog.save());
        QCOMPARE(outboxFor(fixture.store(), QStringLiteral("default_country_code")), 0);

        for (const QString& bad : {QString(), QStringLiteral("0"), QStringLiteral("1234"), QStringLiteral("07")}) {
            dialog.countryCodeField()->setText(bad);
            QVERIFY2(!dialog.saveButton()->isEnabled(), qPrintable(bad));
        }
        dialog.countryCodeField()->clear();
        QTest::keyClicks(dialog.countryCodeField(), QStringLiteral("44"));
        QVERIFY(!dialog.countryCodeError()->isVisible());
        QVERIFY(dialog.saveButton()->isEnabled());
        QVERIFY(dialog.save());
        OrganizationSettingsDialog reopened(fixture.store());
        QCOMPARE(reopened.countryCodeField()->text(), QStringLiteral("44"));
    }

    void cancelAsksAndWritesNothing()
    {
        test::TemporaryStore fixture;
        const qint64 before = outboxTotal(fixture.store());
        OrganizationSettingsDialog dialog(fixture.store());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.autoLockField()->setValue(30);
        dialog.reject();
        auto* ask = dialog.findChild<QMessageBox*>(QStringLiteral("discardSettings"));
        QVERIFY(ask);
        ask->button(QMessageBox::Discard)->click();
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(outboxTotal(fixture.store()), before);
        OrganizationSettingsDialog reopened(fixture.store());
        QCOMPARE(reopened.autoLockField()->value(), 10);
    }

    void keepEditingLeavesTheChangesOnScreen()
    {
        test::TemporaryStore fixture;
        OrganizationSettingsDialog dialog(fixture.store());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.notifyBoxes().constFirst()->toggle();
        QVERIFY(dialog.isDirty());
        QVERIFY(dialog.close() == false); // the window's close button asks too
        auto* ask = dialog.findChild<QMessageBox*>(QStringLiteral("discardSettings"));
        QVERIFY(ask);
        QCOMPARE(ask->button(QMessageBox::Cancel)->text(), QStringLiteral("Keep editing"));
        ask->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!dialog.findChild<QMessageBox*>(QStringLiteral("discardSettings")));
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.isDirty());
        QVERIFY(dialog.saveButton()->isEnabled());
    }

    void cancelWithoutChangesClosesAtOnce()
    {
        test::TemporaryStore fixture;
        const qint64 before = outboxTotal(fixture.store());
        OrganizationSettingsDialog dialog(fixture.store());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog.isVisible());
        QVERIFY(!dialog.findChild<QMessageBox*>());
        QCOMPARE(outboxTotal(fixture.store()), before);
    }

    void everyControlHasAnAccessibleName()
    {
        test::TemporaryStore fixture;
        OrganizationSettingsDialog dialog(fixture.store());
        const QStringList unnamed = test::controlsWithoutAccessibleName(&dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
        // N3 boxes are announced as the whole sentence.
        QVERIFY(dialog.notifyBoxes().constFirst()->accessibleName().startsWith(QLatin1String("Email the client")));
    }

    void screenshotWithChanges()
    {
        test::TemporaryStore fixture;
        OrganizationSettingsDialog dialog(fixture.store());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.portalBox(PortalSetting::SelfScheduling)->setChecked(true);
        dialog.portalBox(PortalSetting::DisplayInsurance)->setChecked(true);
        dialog.autoLockField()->setValue(15);
        QVERIFY(dialog.saveButton()->isEnabled());
        QCoreApplication::processEvents(); // let the layouts settle, as a person would see it
        test::screenshot(&dialog, QStringLiteral("organization-settings"));
    }
};

QTEST_MAIN(TestOrganizationSettings)
#include "TestOrganizationSettings.moc"
