#pragma once

#include "core/Result.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

namespace pd {

class DataFolder;
class NetworkTransport;
class SecureBytes;
class Store;
class SyncEngine;
class SyncStore;
class TerminalProgress;
class TokenVault;

// practicedesk-cli: parses the command line, unlocks the data folder (keychain, or the
// passphrase from standard input) and runs one command. Exit codes: 0 success, 1 the
// command failed (message on stderr), 2 bad usage.
class AdminCommand : public QObject
{
    Q_OBJECT
public:
    explicit AdminCommand(QStringList arguments, QObject* parent = nullptr);
    ~AdminCommand() override;

public slots:
    void run();

private:
    void finish(int code, const QString& message = {});
    void withStore(std::function<Status(Store&)> body);
    Status runCommand(Store& store);
    Status listClients(Store& store);
    void runInit();
    void runRestore();
    // login (loginServer set) and sync: asynchronous, the store stays open until done.
    void runSync(const QUrl& loginServer);
    void closeAndFinish(int code, const QString& message);

    QStringList m_args;
    QString m_command;
    QStringList m_positional;
    QString m_dataDir;
    bool m_passphraseStdin = false;
    bool m_skipInvalid = false;
    bool m_all = false;        // list-clients --all
    bool m_limitGiven = false; // list-clients --limit N was given
    QString m_search;
    int m_limit = 50;
    int m_demoClients = 0;
    std::unique_ptr<SecureBytes> m_passphrase;
    std::unique_ptr<DataFolder> m_folder;
    bool m_passwordStdin = false;
    QString m_server;
    QString m_user;
    std::unique_ptr<SecureBytes> m_password;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SyncStore> m_syncStore;
    std::unique_ptr<TokenVault> m_tokens;
    std::unique_ptr<NetworkTransport> m_transport;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<TerminalProgress> m_progress; // sync: what has gone each way so far
    int m_pendingWrites = 0;
    bool m_closing = false;
    int m_exitCode = -1;
    QString m_exitMessage;
};

} // namespace pd
