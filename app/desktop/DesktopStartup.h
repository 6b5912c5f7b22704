#pragma once

#include "core/Clock.h"

#include <QObject>

#include <memory>

namespace pd {

class AutoLock;
class DeskSync;
class ClientListModel;
class DataFolder;
class MainWindow;
class Store;
class UnlockDialog;

// Opens the desk's data folder and shows the main window: the keychain first, then the
// passphrase (asked again with the reason when it is wrong). `--demo` creates a demo
// database on first run. Asynchronous throughout: no nested event loops.
class DesktopStartup : public QObject
{
    Q_OBJECT
public:
    DesktopStartup(QString dataDir, bool demo, const Clock& clock = Clock::system(), QObject* parent = nullptr);
    ~DesktopStartup() override;
    void start();
    // D4: closes every dialog without saving, closes the store (its key is wiped with it),
    // drops the window with all client data, and asks for the passphrase again.
    void lock();

    MainWindow* mainWindow() const { return m_window.get(); }
    UnlockDialog* unlockDialog() const { return m_unlock.get(); }
    AutoLock* autoLock() const { return m_autoLock.get(); }
    DeskSync* sync() const { return m_sync.get(); }

    static constexpr const char* kDemoPassphrase = "demo-passphrase";

private:
    void createDemo();
    void askPassphrase(const QString& reason);
    void lockWithReason(const QString& reason);
    void opened(std::unique_ptr<Store> store);
    void fail(const QString& message);

    QString m_dataDir;
    bool m_demo = false;
    const Clock& m_clock;
    std::unique_ptr<AutoLock> m_autoLock;
    std::unique_ptr<DataFolder> m_folder;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ClientListModel> m_model;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<DeskSync> m_sync;
    std::unique_ptr<UnlockDialog> m_unlock;
};

} // namespace pd
