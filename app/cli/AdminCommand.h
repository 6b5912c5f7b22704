#pragma once

#include "core/Result.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace pd {

class DataFolder;
class SecureBytes;
class Store;

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
    void runInit();
    void runRestore();

    QStringList m_args;
    QString m_command;
    QStringList m_positional;
    QString m_dataDir;
    bool m_passphraseStdin = false;
    bool m_skipInvalid = false;
    QString m_search;
    int m_limit = 50;
    int m_demoClients = 0;
    std::unique_ptr<SecureBytes> m_passphrase;
    std::unique_ptr<DataFolder> m_folder;
};

} // namespace pd
