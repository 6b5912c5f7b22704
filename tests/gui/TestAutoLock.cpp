// D4: the desktop locks itself after the organization's idle minutes (with an injected
// clock), closes every dialog, drops all client data from the screen and asks for the
// passphrase again. Runs the real start-up over a real encrypted data folder.
#include "app/desktop/AutoLock.h"
#include "app/desktop/DesktopStartup.h"
#include "storage/DataFolder.h"
#include "storage/Store.h"
#include "storage/vault/SecureBytes.h"
#include "ui/ClientEditor.h"
#include "ui/MainWindow.h"
#include "ui/UnlockDialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace pd;

namespace {
const char* kPassphrase = "correct horse battery staple";

// Every visible top-level window's text, to check no client data is on screen.
QString visibleText()
{
    QString all;
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (!w->isVisible())
            continue;
        for (QLabel* l : w->findChildren<QLabel*>())
            all += l->text() + QLatin1Char('\n');
        for (QTableView* t : w->findChildren<QTableView*>())
            if (t->isVisible() && t->model())
                for (int r = 0; r < t->model()->rowCount(); ++r)
                    all += t->model()->index(r, 1).data().toString() + QLatin1Char('\n');
    }
    return all;
}
} // namespace

class TestAutoLock : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock;

    void unlock(DesktopStartup& startup, const QString& passphrase)
    {
        QTRY_VERIFY(startup.unlockDialog() && startup.unlockDialog()->isVisible());
        auto* field = startup.unlockDialog()->findChild<QLineEdit*>(QStringLiteral("passphrase"));
        QVERIFY(field);
        field->setText(passphrase);
        emit startup.unlockDialog()->unlockRequested();
    }

private slots:
    void initTestCase()
    {
        // A data folder with a passphrase slot and one client, as `practicedesk-cli init` makes.
        DataFolder folder(m_dir.path(), m_clock);
        SecureBytes passphrase = SecureBytes::fromText(QString::fromLatin1(kPassphrase));
        bool done = false;
        folder.create(&passphrase, [&done](Result<std::unique_ptr<Store>> store) {
            QVERIFY2(store.ok(), qPrintable(store.message()));
            Client c;
            c.firstName = QStringLiteral("Greta");
            c.lastName = QStringLiteral("Lindqvist");
            c.email = QStringLiteral("greta@example.com");
            auto cs = (*store)->changeSet();
            QVERIFY(cs->begin().ok());
            QVERIFY((*store)->clients().save(*cs, c).ok());
            QVERIFY(cs->commit().ok());
            done = true;
        });
        QTRY_VERIFY(done);
    }

    void locksAfterIdleMinutesAndHidesClientData()
    {
        DesktopStartup startup(m_dir.path(), false, m_clock);
        startup.start();
        unlock(startup, QString::fromLatin1(kPassphrase));
        QTRY_VERIFY(startup.mainWindow() && startup.mainWindow()->isVisible());
        QVERIFY(visibleText().contains(QLatin1String("Lindqvist")));
        QCOMPARE(startup.autoLock()->idleMinutes(), 10); // the organization's default
        // An editor with unsaved changes is open when the desk is left alone.
        ClientEditor* editor = startup.mainWindow()->newClient();
        QVERIFY(editor);
        QTest::keyClicks(editor->firstNameField(), QStringLiteral("Unsaved"));

        m_clock.advanceMs(9 * 60'000);
        startup.autoLock()->check();
        QVERIFY(startup.mainWindow());
        // Activity resets the idle time.
        QTest::keyClick(editor->firstNameField(), Qt::Key_A);
        m_clock.advanceMs(9 * 60'000);
        startup.autoLock()->check();
        QVERIFY(startup.mainWindow());

        m_clock.advanceMs(60'000);
        startup.autoLock()->check();
        QVERIFY(!startup.mainWindow());
        QVERIFY(startup.unlockDialog() && startup.unlockDialog()->isVisible());
        QVERIFY(startup.unlockDialog()
                    ->findChild<QLabel*>(QStringLiteral("unlockError"))
                    ->text()
                    .contains(QLatin1String("10 minutes")));
        const QString onScreen = visibleText();
        QVERIFY2(!onScreen.contains(QLatin1String("Lindqvist")), qPrintable(onScreen));
        QVERIFY(!onScreen.contains(QLatin1String("Unsaved")));
        for (QWidget* w : QApplication::topLevelWidgets())
            QVERIFY2(!w->isVisible() || qobject_cast<UnlockDialog*>(w), qPrintable(w->objectName()));

        // A wrong passphrase keeps it locked; the right one brings the list back.
        unlock(startup, QStringLiteral("wrong"));
        QTRY_VERIFY(startup.unlockDialog()
                        ->findChild<QLabel*>(QStringLiteral("unlockError"))
                        ->text()
                        .contains(QLatin1String("not correct")));
        QVERIFY(!startup.mainWindow());
        unlock(startup, QString::fromLatin1(kPassphrase));
        QTRY_VERIFY(startup.mainWindow() && startup.mainWindow()->isVisible());
        QVERIFY(visibleText().contains(QLatin1String("Lindqvist")));
        QVERIFY(startup.autoLock()->isRunning());
    }

    void ctrlLLocksAtOnce()
    {
        DesktopStartup startup(m_dir.path(), false, m_clock);
        startup.start();
        unlock(startup, QString::fromLatin1(kPassphrase));
        QTRY_VERIFY(startup.mainWindow() && startup.mainWindow()->isVisible());
        QTest::keyClick(startup.mainWindow(), Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(!startup.mainWindow());
        QVERIFY(startup.unlockDialog()->isVisible());
    }
};

QTEST_MAIN(TestAutoLock)
#include "TestAutoLock.moc"
