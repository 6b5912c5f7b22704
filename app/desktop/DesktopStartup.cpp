#include "app/desktop/DesktopStartup.h"

#include "app/desktop/AutoLock.h"
#include "app/desktop/DeskSync.h"
#include "core/PortalSettings.h"
#include "models/ClientListModel.h"
#include "storage/DataFolder.h"
#include "storage/DemoData.h"
#include "storage/Store.h"
#include "storage/vault/SecureBytes.h"
#include "ui/MainWindow.h"
#include "ui/UnlockDialog.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMessageBox>

namespace pd {

namespace {
Actor deskActor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return Actor{QStringLiteral("desk:") + (user.isEmpty() ? QStringLiteral("unknown") : user)};
}
} // namespace

DesktopStartup::DesktopStartup(QString dataDir, bool demo, const Clock& clock, QObject* parent)
    : QObject(parent), m_dataDir(std::move(dataDir)), m_demo(demo), m_clock(clock),
      m_autoLock(std::make_unique<AutoLock>(clock)),
      m_folder(std::make_unique<DataFolder>(m_dataDir, clock, deskActor()))
{
    connect(m_autoLock.get(), &AutoLock::idleTimeout, this, [this] {
        const int minutes = m_autoLock->idleMinutes();
        lockWithReason(minutes == 1 ? tr("PracticeDesk locked itself after a minute without activity. Enter the "
                                         "passphrase to continue.")
                                    : tr("PracticeDesk locked itself after %1 minutes without activity. Enter the "
                                         "passphrase to continue.")
                                          .arg(minutes));
    });
}

DesktopStartup::~DesktopStartup()
{
    m_autoLock->stop();
    m_unlock.reset();
    m_sync.reset();
    m_window.reset(); // the view goes before its model, the model before the store
    m_model.reset();
    m_store.reset();
}

void DesktopStartup::start()
{
    if (!m_folder->hasDatabase()) {
        if (m_demo)
            return createDemo();
        return fail(tr("There is no PracticeDesk database in %1.\n\nCreate one with `practicedesk-cli init`, or "
                       "start with --demo to try PracticeDesk with made-up clients.")
                        .arg(QDir::toNativeSeparators(m_dataDir)));
    }
    m_folder->open(nullptr, [this](Result<std::unique_ptr<Store>> store) {
        if (store)
            return opened(std::move(store).value());
        askPassphrase(m_folder->hasDatabase() && QFile::exists(m_folder->keySlotPath()) ? QString() : store.message());
    });
}

void DesktopStartup::createDemo()
{
    // The demo database is protected by a published passphrase (and the keychain when there
    // is one), so it opens on any machine. It holds made-up people only.
    auto passphrase = std::make_shared<SecureBytes>(SecureBytes::fromText(QString::fromLatin1(kDemoPassphrase)));
    m_folder->create(passphrase.get(), [this, passphrase](Result<std::unique_ptr<Store>> store) {
        if (!store)
            return fail(store.message());
        DemoOptions options;
        options.clients = 2000;
        if (auto demo = generateDemoData(**store, options); !demo)
            return fail(demo.message());
        opened(std::move(store).value());
    });
}

void DesktopStartup::askPassphrase(const QString& reason)
{
    if (!m_unlock) {
        m_unlock = std::make_unique<UnlockDialog>(m_dataDir);
        connect(m_unlock.get(), &QDialog::rejected, qApp, &QApplication::quit);
        connect(m_unlock.get(), &UnlockDialog::unlockRequested, this, [this] {
            auto passphrase = std::make_shared<SecureBytes>(m_unlock->takePassphrase());
            m_unlock->setChecking(true);
            m_folder->open(passphrase.get(), [this, passphrase](Result<std::unique_ptr<Store>> store) {
                m_unlock->setChecking(false);
                if (!store)
                    return askPassphrase(store.message());
                opened(std::move(store).value());
                m_unlock->hide();
                m_unlock.release()->deleteLater(); // we are inside its signal
            });
        });
    }
    m_unlock->setError(reason);
    m_unlock->show();
}

void DesktopStartup::opened(std::unique_ptr<Store> store)
{
    m_store = std::move(store);
    m_model = std::make_unique<ClientListModel>(m_store->clients());
    m_window = std::make_unique<MainWindow>(*m_store, *m_model);
    connect(m_window.get(), &MainWindow::lockRequested, this, &DesktopStartup::lock);
    m_sync = std::make_unique<DeskSync>(*m_store, *m_window, m_clock);
    m_sync->start();
    OrganizationSettings org;
    if (auto kv = m_store->settings().organization())
        if (auto parsed = OrganizationSettings::fromKeyValues(*kv))
            org = *parsed;
    m_autoLock->start(org.autoLockMinutes);
    connect(m_window.get(), &MainWindow::organizationSettingsChanged, this, [this] {
        if (auto kv = m_store->settings().organization())
            if (auto parsed = OrganizationSettings::fromKeyValues(*kv))
                m_autoLock->start(parsed->autoLockMinutes);
    });
    m_window->show();
}

void DesktopStartup::lock()
{
    lockWithReason(tr("PracticeDesk is locked. Enter the passphrase to continue."));
}

void DesktopStartup::lockWithReason(const QString& reason)
{
    if (!m_store)
        return;
    m_autoLock->stop();
    if (m_window) {
        m_window->closeAllDialogs();
        m_window->hide();
    }
    // Sync stops first; the view goes before its model and the model before the store;
    // closing the store closes the database connection, and with it SQLCipher's copy of
    // the key.
    m_sync.reset();
    m_window.reset();
    m_model.reset();
    m_store.reset();
    askPassphrase(reason);
}

void DesktopStartup::fail(const QString& message)
{
    auto* box = new QMessageBox(QMessageBox::Critical, tr("PracticeDesk"), message, QMessageBox::Close);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, qApp, [] { QApplication::exit(1); });
    box->open();
}

} // namespace pd
