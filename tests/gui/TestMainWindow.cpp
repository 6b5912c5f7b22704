// The desktop's first screen, driven through real widgets on the offscreen platform.
#include "models/ClientListModel.h"
#include "storage/vault/SecureBytes.h"
#include "tests/gui/Screenshot.h"
#include "tests/testsupport/TemporaryStore.h"
#include "ui/ClientEditor.h"
#include "ui/MainWindow.h"
#include "ui/UnlockDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace pd;

class TestMainWindow : public QObject
{
    Q_OBJECT

    test::TemporaryStore m_fixture;
    QTemporaryDir m_tmp;

private slots:
    void initTestCase()
    {
        QVERIFY(m_fixture.isValid());
        QVERIFY(m_fixture.addClients({QStringLiteral("Ana García"), QStringLiteral("José Núñez"),
                                      QStringLiteral("محمد حداد"), QStringLiteral("Zoë Åberg")}));
    }

    void searchAsYouTypeFindsNonAsciiNames()
    {
        ClientListModel model(m_fixture.store().clients());
        MainWindow window(m_fixture.store(), model);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.windowTitle().contains(QLatin1String("PracticeDesk")));
        QCOMPARE(window.clientTable()->model()->rowCount(), 4);
        auto* count = window.findChild<QLabel*>(QStringLiteral("clientCount"));
        QCOMPARE(count->text(), QStringLiteral("Showing 4 of 4 clients"));

        QTest::keyClicks(window.searchField(), QStringLiteral("nunez"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, ClientListModel::NameColumn).data().toString(), QStringLiteral("Núñez, José"));
        QCOMPARE(count->text(), QStringLiteral("1 match"));

        window.searchField()->clear();
        // Arabic arrives through the input method (QTest can only press ASCII keys).
        window.searchField()->insert(QStringLiteral("محم"));
        QCOMPARE(model.rowCount(), 1);
        window.searchField()->clear();
        QCOMPARE(model.rowCount(), 4);
    }

    void ctrlFGoesBackToTheSearchField()
    {
        ClientListModel model(m_fixture.store().clients());
        MainWindow window(m_fixture.store(), model);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        window.clientTable()->setFocus();
        QTRY_VERIFY(window.clientTable()->hasFocus());
        QTest::keySequence(&window, QKeySequence::Find);
        QTRY_VERIFY(window.searchField()->hasFocus());
    }

    void ctrlNCreatesAClientThatAppearsInTheList()
    {
        ClientListModel model(m_fixture.store().clients());
        MainWindow window(m_fixture.store(), model);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QTest::keySequence(&window, QKeySequence::New);
        ClientEditor* editor = nullptr;
        QTRY_VERIFY((editor = window.findChild<ClientEditor*>()) && editor->isVisible());
        QVERIFY(editor->clientId().isEmpty());
        QTest::keyClicks(editor->firstNameField(), QStringLiteral("Nadia"));
        QTest::keyClicks(editor->lastNameField(), QStringLiteral("Okafor"));
        QTest::keyClicks(editor->emailField(), QStringLiteral("nadia@example.com"));
        editor->activateWindow();
        QTRY_VERIFY(editor->isActiveWindow());
        QTest::keySequence(editor, QKeySequence::Save);
        QTRY_VERIFY(!editor->isVisible());
        window.searchField()->setText(QStringLiteral("okaf"));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("Saved")));
    }

    // A front-desk worker scrolls far down, opens a client and saves: the list comes back
    // with that client still selected and in view, even when a rename moved it.
    void savingKeepsThePlaceInALongList()
    {
        test::TemporaryStore fixture;
        QVERIFY(fixture.addNumberedClients(600, QStringLiteral("Person"), QStringLiteral("Family")));
        ClientListModel model(fixture.store().clients(), 200);
        MainWindow window(fixture.store(), model);
        window.resize(900, 500);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTableView* table = window.clientTable();
        while (model.rowCount() <= 450 && model.canFetchMore({}))
            model.fetchMore({});
        table->selectRow(450);
        table->scrollTo(model.index(450, 0));
        const QString id = model.clientIdAt(450);
        const auto visible = [&](int row) {
            return table->viewport()->rect().intersects(table->visualRect(model.index(row, 0)));
        };

        const auto editAndSave = [&](const QString& firstName) {
            window.openSelectedClient();
            ClientEditor* editor = window.findChild<ClientEditor*>();
            QVERIFY(editor && editor->clientId() == id);
            editor->firstNameField()->selectAll();
            QTest::keyClicks(editor->firstNameField(), firstName);
            editor->activateWindow();
            QTRY_VERIFY(editor->isActiveWindow());
            QTest::keySequence(editor, QKeySequence::Save);
            QTRY_VERIFY(!editor->isVisible());
            window.closeAllDialogs();
        };
        editAndSave(QStringLiteral("Person450b")); // stays in place
        test::screenshot(&window, QStringLiteral("main-window-after-save-deep-in-the-list"));
        QVERIFY(model.rowCount() > 450);
        QCOMPARE(model.clientIdAt(table->currentIndex().row()), id);
        QCOMPARE(table->currentIndex().row(), 450);
        QVERIFY(visible(450));
        auto* count = window.findChild<QLabel*>(QStringLiteral("clientCount"));
        QVERIFY2(count->text().endsWith(QLatin1String(" of 600 clients")), qPrintable(count->text()));

        editAndSave(QStringLiteral("Aaron")); // now sorts first
        QCOMPARE(table->currentIndex().row(), 0);
        QCOMPARE(model.clientIdAt(0), id);
        QVERIFY(visible(0));
    }

    void enterOpensTheFirstMatchOnce()
    {
        ClientListModel model(m_fixture.store().clients());
        MainWindow window(m_fixture.store(), model);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClicks(window.searchField(), QStringLiteral("zoe"));
        QCOMPARE(model.rowCount(), 1);
        QTest::keyClick(window.searchField(), Qt::Key_Return);
        auto editors = window.findChildren<ClientEditor*>();
        QCOMPARE(editors.size(), 1);
        QCOMPARE(editors.at(0)->firstNameField()->text(), QStringLiteral("Zoë"));
        // Opening the same client again raises the open editor instead of a second one.
        QTest::keyClick(window.searchField(), Qt::Key_Return);
        QCOMPARE(window.findChildren<ClientEditor*>().size(), 1);
        window.closeAllDialogs();
        QVERIFY(window.findChildren<ClientEditor*>().isEmpty());
    }

    void everyControlHasAnAccessibleName()
    {
        ClientListModel model(m_fixture.store().clients());
        MainWindow window(m_fixture.store(), model);
        QVERIFY(!window.searchField()->accessibleName().isEmpty());
        QVERIFY(!window.clientTable()->accessibleName().isEmpty());
        UnlockDialog unlock(m_tmp.path());
        QVERIFY(!unlock.passphraseField()->accessibleName().isEmpty());
    }

    void unlockDialogShowsTheReasonAndForgetsThePassphrase()
    {
        UnlockDialog dialog(m_tmp.path());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* error = dialog.findChild<QLabel*>(QStringLiteral("unlockError"));
        QVERIFY(!error->isVisible());
        QTest::keyClicks(dialog.passphraseField(), QStringLiteral("correct horse"));
        const SecureBytes p = dialog.takePassphrase();
        QCOMPARE(QByteArray(p.chars(), static_cast<qsizetype>(p.size())), QByteArray("correct horse"));
        QVERIFY(dialog.passphraseField()->text().isEmpty());
        QSignalSpy requested(&dialog, &UnlockDialog::unlockRequested);
        QTest::keyClicks(dialog.passphraseField(), QStringLiteral("again"));
        QTest::keyClick(dialog.passphraseField(), Qt::Key_Return); // Enter unlocks; the dialog stays open
        QCOMPARE(requested.count(), 1);
        QVERIFY(dialog.isVisible());
        dialog.setChecking(true);
        QVERIFY(!dialog.passphraseField()->isEnabled());
        dialog.setChecking(false);
        dialog.setError(QStringLiteral("The passphrase is not correct."));
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("The passphrase is not correct."));

        // A reason of several lines (the database in use by another program, or damaged) is
        // shown whole: the dialog grows to it instead of cutting the lines off.
        const QString longReason = QStringLiteral(
            "The database is in use by another program (a command-line import or re-key may be running). Nothing was "
            "changed; try again when it has finished.");
        dialog.setError(longReason);
        QCoreApplication::processEvents();
        QCOMPARE(error->text(), longReason);
        QVERIFY2(error->height() >= error->heightForWidth(error->width()),
                 qPrintable(QStringLiteral("%1 of %2 pixels shown")
                                .arg(error->height())
                                .arg(error->heightForWidth(error->width()))));
        auto* intro = dialog.findChildren<QLabel*>().first();
        QVERIFY(intro->height() >= intro->heightForWidth(intro->width()));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
