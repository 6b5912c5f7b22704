#pragma once

#include "core/Result.h"

#include <QByteArray>

#include <functional>
#include <memory>

namespace pd {

class SyncStore;

// Where the desk keeps its refresh token between runs (issue 4: "refresh token in the
// keychain"): the OS keychain (service "PracticeDesk", account "refresh-token:<node id>"),
// or, where no keychain works (a headless server, a locked keyring), the encrypted
// database itself — never a plaintext file. Asynchronous like every keychain access.
//
// A keychain job may finish after this vault (and the store) are gone, e.g. when the desk
// is locked or closed while a token is being written: its callback then does nothing.
class TokenVault
{
public:
    explicit TokenVault(SyncStore& store) : m_store(store) {}
    ~TokenVault() { *m_alive = false; }
    TokenVault(const TokenVault&) = delete;
    TokenVault& operator=(const TokenVault&) = delete;

    void read(std::function<void(QByteArray)> done);
    // An empty token removes it.
    void write(const QByteArray& token, std::function<void(Status)> done);

private:
    QString account() const;
    SyncStore& m_store;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace pd
