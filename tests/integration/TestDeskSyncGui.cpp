// The desktop's sync screens against a real server on a real PostgreSQL: the sign-in dialog
// (address checked beside the field, a wrong password said and the dialog kept open), the
// status bar, and the Conflicts view where a person keeps a value and the choice syncs.
#include "app/desktop/DeskSync.h"
#include "models/ClientListModel.h"
#include "models/ConflictsModel.h"
#include "tests/gui/Screenshot.h"
#include "tests/integration/Desk.h"
#include "tests/testsupport/ServerProcess.h"
#include "ui/ConflictsDialog.h"
#include "ui/MainWindow.h"
#include "ui/SignInDialog.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace pd;
using namespace pd::test;

class TestDeskSyncGui : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerProcess> m_server;

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>();
        const QString problem = m_server->start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void signingInFromTheDesktop()
    {
        Desk desk(m_server->url(), QStringLiteral("gui"), 1);
        desk.addClient(QStringLiteral("Gui"), QStringLiteral("Desk"), QStringLiteral("gui@example.com"));
        ClientListModel model(desk.store().clients());
        MainWindow window(desk.store(), model);
        DeskSync sync(desk.store(), window);
        sync.start();
        window.show();
        QVERIFY(sync.statusText().contains(QLatin1String("Not signed in")));
        QVERIFY(sync.statusText().contains(QLatin1String("1 change waiting")));

        sync.signIn();
        SignInDialog* dialog = sync.signInDialog();
        QVERIFY(dialog && dialog->isVisible());
        dialog->serverField()->setText(QStringLiteral("http://practice.example.org"));
        dialog->userField()->setText(QStringLiteral("frontdesk"));
        dialog->passwordField()->setText(ServerProcess::frontdeskPassword());
        QTest::keyClick(dialog->passwordField(), Qt::Key_Return);
        QVERIFY(
            dialog->findChild<QLabel*>(QStringLiteral("serverUrlError"))->isVisible()); // https only, off this computer
        test::screenshot(dialog, QStringLiteral("sign-in"));

        dialog->serverField()->setText(m_server->url().toString());
        dialog->passwordField()->setText(QStringLiteral("wrong password"));
        QTest::keyClick(dialog->passwordField(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->errorLabel()->isVisible(), 20000);
        QVERIFY(dialog->errorLabel()->text().contains(QLatin1String("not correct")));
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->passwordField()->text().isEmpty() ||
                dialog->passwordField()->text() == QLatin1String("wrong password"));

        dialog->passwordField()->setText(ServerProcess::frontdeskPassword());
        QTest::keyClick(dialog->passwordField(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!sync.signInDialog(), 20000);
        // "Online" alone shows as soon as the sign-in succeeds; the first sync then sends the change.
        QTRY_VERIFY2_WITH_TIMEOUT(sync.statusText().startsWith(QStringLiteral("Online · synced")) &&
                                      sync.statusText().contains(QLatin1String("0 changes waiting")),
                                  qPrintable(sync.statusText()), 30000);
        test::screenshot(&window, QStringLiteral("main-window-synced"));

        // A client added on another desk shows in this desk's list after a sync; a sync that
        // brings nothing leaves the list (and the place in it) alone.
        QSignalSpy reloads(&model, &QAbstractItemModel::modelReset);
        const auto syncHere = [&] {
            QSignalSpy finished(sync.engine(), &SyncEngine::finished);
            sync.syncNow();
            return finished.wait(30000);
        };
        QVERIFY(syncHere());
        QCOMPARE(reloads.count(), 0);
        Desk other(m_server->url(), QStringLiteral("other"), 4);
        QVERIFY(other.signIn(QStringLiteral("frontdesk"), ServerProcess::frontdeskPassword()));
        other.addClient(QStringLiteral("Otra"), QStringLiteral("Mesa"), QStringLiteral("otra@example.com"));
        QVERIFY(other.syncOnce());
        QVERIFY(syncHere());
        QCOMPARE(reloads.count(), 1);
        QVERIFY(model.rowOf(other.store().clients().search(QStringLiteral("otra"), 1)->first().id) >= 0);
    }

    void aPersonResolvesAConflictInTheConflictsView()
    {
        Desk a(m_server->url(), QStringLiteral("a"), 2);
        Desk b(m_server->url(), QStringLiteral("b"), 3);
        QVERIFY(a.signIn(QStringLiteral("frontdesk"), ServerProcess::frontdeskPassword()));
        QVERIFY(b.signIn(QStringLiteral("frontdesk"), ServerProcess::frontdeskPassword()));
        const Client c =
            a.addClient(QStringLiteral("Clash"), QStringLiteral("Field"), QStringLiteral("clash@example.com"));
        QVERIFY(a.syncOnce());
        QVERIFY(b.syncOnce());
        QVERIFY(a.editClient(c.meta.id, [](Client& x) { x.mobilePhone = QStringLiteral("+15550100111"); }));
        QVERIFY(b.editClient(c.meta.id, [](Client& x) { x.mobilePhone = QStringLiteral("+15550100222"); }));
        QVERIFY(a.syncOnce());
        QVERIFY(b.syncOnce());

        ConflictsDialog dialog(b.store());
        QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.show();
        QCOMPARE(dialog.model()->rowCount(), 1);
        QVERIFY(
            dialog.model()->index(0, ConflictsModel::RecordColumn).data().toString().contains(QLatin1String("Clash")));
        QVERIFY(dialog.model()
                    ->index(0, ConflictsModel::WhatColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("mobile_phone")));
        test::screenshot(&dialog, QStringLiteral("conflicts"));
        dialog.choose(QStringLiteral("mobile_phone"), 1); // keep this desk's value
        QSignalSpy resolved(&dialog, &ConflictsDialog::resolved);
        QVERIFY(dialog.resolveSelected());
        QCOMPARE(resolved.count(), 1);
        QCOMPARE(dialog.model()->rowCount(), 0);
        QVERIFY(b.syncOnce());
        QVERIFY(a.syncOnce());
        QCOMPARE(a.store().clients().get(c.meta.id)->mobilePhone, QStringLiteral("+15550100222"));
        QCOMPARE(a.snapshot(), b.snapshot());
    }
};

QTEST_MAIN(TestDeskSyncGui)
#include "TestDeskSyncGui.moc"
