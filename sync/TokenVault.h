#pragma once

#include "core/Result.h"

#include <QByteArray>

#include <functional>

namespace pd {

class SyncStore;

// Where the desk keeps its refresh token between runs (issue 4: "refresh token in the
// keychain"): the OS keychain (service "PracticeDesk", account "refresh-token:<node id>"),
// or, where no keychain works (a headless server, a locked keyring), the encrypted
// database itself — never a plaintext file. Asynchronous like every keychain access.
class TokenVault
{
public:
    explicit TokenVault(SyncStore& store) : m_store(store) {}

    void read(std::function<void(QByteArray)> done);
    // An empty token removes it.
    void write(const QByteArray& token, std::function<void(Status)> done);

private:
    QString account() const;
    SyncStore& m_store;
};

} // namespace pd
