#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "server/ServerConfig.h"

#include <QSqlDatabase>

namespace pd::server {

// Who is calling: a signed-in staff member of one practice (S4 roles).
struct Principal
{
    QString practiceId;
    QString userId;
    QString username;
    QString role; // admin, clinician, frontdesk
};

struct TokenPair
{
    QString accessToken;
    QString refreshToken;
    int accessExpiresIn = 0;
    int refreshExpiresIn = 0;
    Principal user;
    QString practiceName;
};

// Staff authentication (issue 4, DESIGN.md §5): Argon2id password hashes, opaque random
// tokens stored only as SHA-256 hashes, short-lived access tokens, rotating refresh tokens
// whose reuse revokes their whole family, revocation, and at most N failed logins per hour
// per account. Errors carry the wire error code in Error::field (docs/protocol.md).
class AuthService
{
public:
    AuthService(const ServerConfig& config, const Clock& clock);

    static Result<QString> hashPassword(const QByteArray& password);
    static bool verifyPassword(const QString& hash, const QByteArray& password);

    // Creates a user in the practice (the only one, or the one named). Used by add-user.
    static Status addUser(QSqlDatabase& db, const QString& username, const QString& role, const QByteArray& password);

    Result<TokenPair> login(QSqlDatabase& db, const QString& username, const QByteArray& password,
                            const QString& device, int* retryAfterSeconds);
    Result<TokenPair> refresh(QSqlDatabase& db, const QString& refreshToken);
    Status logout(QSqlDatabase& db, const QString& refreshToken);
    Result<Principal> authenticate(QSqlDatabase& db, const QString& accessToken);
    Status revokeUser(QSqlDatabase& db, const Principal& by, const QString& username);

private:
    Result<TokenPair> issue(QSqlDatabase& db, const Principal& user, const QString& family, const QString& device);

    const ServerConfig& m_config;
    const Clock& m_clock;
    QString m_dummyHash; // checked for unknown users, so they take as long as known ones
};

} // namespace pd::server
