// Organization settings (S1, N3, D4): saved in one change set that is queued for sync and
// audited, shown again on reopening, invalid input kept from saving with the reason beside
// the field, and Cancel writing nothing.
#include "tests/gui/Screenshot.h"
#include "tests/testsupport/TemporaryStore.h"
#include "ui/OrganizationSettingsDialog.h"

#include <QCheckBox>
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
qint64 outboxFor(Store& store, const QString& key)
{
    QSqlQuery q(store.sql());
    q.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'org_setting' AND entity_id = ?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}
} // namespace

class TestOrganizationSettings : public QObject
{
    Q_OBJECT

private slots:
    void changesPersistAndAreQueuedForSync()
    {
        test::TemporaryStore fixture;
        {
            OrganizationSettingsDialog dialog(fixture.store());
            dialog.show();
            QVERIFY(!dialog.saveButton()->isEnabled()); // nothing changed yet
            dialog.portalBox(PortalSetting::SelfScheduling)->setChecked(true);
            dialog.autoLockField()->setValue(5);
            QVERIFY(dialog.isDirty());
            QVERIFY(dialog.saveButton()->isEnabled());
            test::screenshot(&dialog, QStringLiteral("organization-settings"));
            QSignalSpy saved(&dialog, &OrganizationSettingsDialog::saved);
            QVERIFY(dialog.save());
            QCOMPARE(saved.count(), 1);
        }
        QCOMPARE(outboxFor(fixture.store(), QStringLiteral("self_scheduling")), 1);
        QCOMPARE(outboxFor(fixture.store(), QStringLiteral("auto_lock_minutes")), 1);
        QCOMPARE(outboxFor(fixture.store(), QStringLiteral("secure_messaging")), 0); // unchanged: not sent

        OrganizationSettingsDialog reopened(fixture.store());
        QVERIFY(reopened.portalBox(PortalSetting::SelfScheduling)->isChecked());
        QCOMPARE(reopened.autoLockField()->value(), 5);
        QVERIFY(!reopened.isDirty());
    }

    void paymentsNeedCardProcessing()
    {
        test::TemporaryStore fixture;
        OrganizationSettingsDialog dialog(fixture.store());
        dialog.show();
        dialog.portalBox(PortalSetting::ClientPayments)->setChecked(true);
        bool explained = false;
        for (QLabel* l : dialog.findChildren<QLabel*>())
            explained |= l->isVisible() && l->text().contains(QLatin1String("card processing"));
        QVERIFY(explained);
        dialog.cardProcessingBox()->setChecked(true);
        for (QLabel* l : dialog.findChildren<QLabel*>())
            QVERIFY(!(l->isVisible() && l->text().contains(QLatin1String("card processing"))));
    }

    void aBadCountryCodeIsRefusedBesideTheField()
    {
        test::TemporaryStore fixture;
        OrganizationSettingsDialog dialog(fixture.store());
        dialog.show();
        dialog.countryCodeField()->setText(QStringLiteral("+44a"));
        QVERIFY(dialog.countryCodeError()->isVisible());
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY(!dialog.save());
        dialog.countryCodeField()->setText(QStringLiteral("44"));
        QVERIFY(!dialog.countryCodeError()->isVisible());
        QVERIFY(dialog.saveButton()->isEnabled());
    }

    void cancelAsksAndWritesNothing()
    {
        test::TemporaryStore fixture;
        OrganizationSettingsDialog dialog(fixture.store());
        dialog.show();
        dialog.autoLockField()->setValue(30);
        dialog.reject();
        auto* ask = dialog.findChild<QMessageBox*>(QStringLiteral("discardSettings"));
        QVERIFY(ask);
        ask->button(QMessageBox::Discard)->click();
        QVERIFY(!dialog.isVisible());
        QCOMPARE(outboxFor(fixture.store(), QStringLiteral("auto_lock_minutes")), 0);
    }
};

QTEST_MAIN(TestOrganizationSettings)
#include "TestOrganizationSettings.moc"
