#pragma once

#include "sync/SyncEngine.h"
#include "ui/SignInDialog.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QLabel;

namespace pd {

class ConflictsDialog;
class MainWindow;
class NetworkTransport;
class Store;
class SyncStore;
class TokenVault;

// Sync in the desktop (issue 4): the Sync menu (sign in, sync now, conflicts, sign out), the
// status bar (online/offline, pending changes, last sync, the last error) and the engine
// running in the background while the desk is unlocked.
class DeskSync : public QObject
{
    Q_OBJECT
public:
    DeskSync(Store& store, MainWindow& window, const Clock& clock = Clock::system(), QObject* parent = nullptr);
    ~DeskSync() override;

    // Starts background sync when this desk was signed in before.
    void start();
    void signIn();
    void syncNow();
    void showConflicts();
    void signOut();

    SyncEngine* engine() const { return m_engine.get(); }
    SyncStore& syncStore() const { return *m_sync; }
    QLabel* statusLabel() const { return m_status; }
    SignInDialog* signInDialog() const { return m_signIn; }
    QString statusText() const;

signals:
    void statusChanged();

private:
    void makeEngine(const QUrl& server);
    void updateStatus();

    Store& m_store;
    MainWindow& m_window;
    const Clock& m_clock;
    std::unique_ptr<SyncStore> m_sync;
    std::unique_ptr<TokenVault> m_tokens;
    std::unique_ptr<NetworkTransport> m_transport;
    std::unique_ptr<SyncEngine> m_engine;
    QLabel* m_status = nullptr;
    QAction* m_syncNow = nullptr;
    QAction* m_signOut = nullptr;
    QPointer<SignInDialog> m_signIn;
};

} // namespace pd
