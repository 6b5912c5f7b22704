#include "server/AuthService.h"

#include "server/PgDatabase.h"

#include <QSqlQuery>
#include <QUuid>

#include <sodium.h>

namespace pd::server {

namespace {

Error authError(const char* code, const QString& message)
{
    return Error{Error::Kind::Invalid, message, QString::fromLatin1(code)};
}

QString newToken(const char* prefix)
{
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    const QByteArray raw(reinterpret_cast<const char*>(bytes), sizeof bytes);
    sodium_memzero(bytes, sizeof bytes);
    return QString::fromLatin1(prefix) +
           QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray tokenHash(const QString& token)
{
    const QByteArray t = token.toUtf8();
    QByteArray out(crypto_hash_sha256_BYTES, '\0');
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(out.data()),
                       reinterpret_cast<const unsigned char*>(t.constData()),
                       static_cast<unsigned long long>(t.size()));
    return out;
}

// A desk that asks again with the refresh token it just used, within this time and before
// using the new one, is retrying (its answer was lost), not a thief.
constexpr qint64 kRefreshRetrySeconds = 60;

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

AuthService::AuthService(const ServerConfig& config, const Clock& clock) : m_config(config), m_clock(clock)
{
    if (auto h = hashPassword(QByteArrayLiteral("a password nobody has")))
        m_dummyHash = *h;
}

Result<QString> AuthService::hashPassword(const QByteArray& password)
{
    if (sodium_init() < 0)
        return Error::make(Error::Kind::Internal, QStringLiteral("libsodium could not start"));
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.constData(), static_cast<unsigned long long>(password.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return Error::make(Error::Kind::Internal, QStringLiteral("out of memory while hashing a password"));
    return QString::fromLatin1(out);
}

bool AuthService::verifyPassword(const QString& hash, const QByteArray& password)
{
    const QByteArray h = hash.toLatin1();
    return crypto_pwhash_str_verify(h.constData(), password.constData(),
                                    static_cast<unsigned long long>(password.size())) == 0;
}

Status AuthService::addUser(QSqlDatabase& db, const QString& username, const QString& role, const QByteArray& password)
{
    if (!QStringList{QStringLiteral("admin"), QStringLiteral("clinician"), QStringLiteral("frontdesk")}.contains(role))
        return Error::invalid(QStringLiteral("The role must be admin, clinician or frontdesk."),
                              QStringLiteral("role"));
    if (username.trimmed().isEmpty() || username.size() > 100)
        return Error::invalid(QStringLiteral("The user name must have 1 to 100 characters."),
                              QStringLiteral("username"));
    if (password.size() < 10)
        return Error::invalid(QStringLiteral("The password must have at least 10 characters."),
                              QStringLiteral("password"));
    QSqlQuery practice(db);
    if (!practice.exec(QStringLiteral("SELECT id FROM practices ORDER BY created_at LIMIT 2")))
        return sqlError(practice, "finding the practice");
    if (!practice.next())
        return Error::invalid(QStringLiteral("There is no practice yet: run `practicedesk-server init` first."));
    const QString practiceId = practice.value(0).toString();
    auto hash = hashPassword(password);
    if (!hash)
        return hash.error();
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO users (practice_id, id, username, role, password_hash) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT DO NOTHING"));
    q.addBindValue(practiceId);
    q.addBindValue(uuid());
    q.addBindValue(username.trimmed());
    q.addBindValue(role);
    q.addBindValue(*hash);
    if (Status s = exec(q, "adding the user"); !s)
        return s;
    if (q.numRowsAffected() != 1)
        return Error::invalid(QStringLiteral("A user named \"%1\" already exists.").arg(username.trimmed()),
                              QStringLiteral("username"));
    return {};
}

Result<TokenPair> AuthService::issue(QSqlDatabase& db, const Principal& user, const QString& family,
                                     const QString& device)
{
    TokenPair pair;
    pair.user = user;
    pair.accessToken = newToken("pda_");
    pair.refreshToken = newToken("pdr_");
    pair.accessExpiresIn = m_config.accessTokenSeconds;
    pair.refreshExpiresIn = m_config.refreshTokenDays * 86400;
    const QDateTime now = m_clock.nowUtc();
    for (const auto& [token, kind, expires] :
         {std::tuple{pair.accessToken, QStringLiteral("access"), now.addSecs(pair.accessExpiresIn)},
          std::tuple{pair.refreshToken, QStringLiteral("refresh"), now.addSecs(pair.refreshExpiresIn)}}) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO tokens (token_hash, practice_id, user_id, kind, family, device, "
                                 "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(tokenHash(token));
        q.addBindValue(user.practiceId);
        q.addBindValue(user.userId);
        q.addBindValue(kind);
        q.addBindValue(family);
        q.addBindValue(device.isNull() ? QStringLiteral("") : device.left(100));
        q.addBindValue(expires);
        if (Status s = exec(q, "storing a token"); !s)
            return s.error();
    }
    QSqlQuery name(db);
    name.prepare(QStringLiteral("SELECT name FROM practices WHERE id = ?"));
    name.addBindValue(user.practiceId);
    if (name.exec() && name.next())
        pair.practiceName = name.value(0).toString();
    return pair;
}

Result<TokenPair> AuthService::login(QSqlDatabase& db, const QString& username, const QByteArray& password,
                                     const QString& device, int* retryAfterSeconds)
{
    const Error wrong = authError("invalid_credentials", QStringLiteral("The user name or password is not correct."));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT practice_id, id, username, role, password_hash FROM users WHERE lower(username) = "
                             "lower(?)"));
    q.addBindValue(username.trimmed());
    if (Status s = exec(q, "finding the user"); !s)
        return s.error();
    if (!q.next()) {
        verifyPassword(m_dummyHash, password); // same work, same timing as a known user
        return wrong;
    }
    Principal user{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()};
    const QString hash = q.value(4).toString();
    const QDateTime now = m_clock.nowUtc();

    QSqlQuery failures(db);
    failures.prepare(
        QStringLiteral("SELECT count(*), min(at) FROM login_failures WHERE practice_id = ? AND user_id = ? "
                       "AND at > ?"));
    failures.addBindValue(user.practiceId);
    failures.addBindValue(user.userId);
    failures.addBindValue(now.addSecs(-3600));
    if (Status s = exec(failures, "counting failed logins"); !s)
        return s.error();
    failures.next();
    if (failures.value(0).toInt() >= m_config.failedLoginsPerHour) {
        verifyPassword(m_dummyHash, password);
        if (retryAfterSeconds)
            *retryAfterSeconds = qMax<qint64>(1, now.secsTo(failures.value(1).toDateTime().addSecs(3600)));
        return authError("rate_limited",
                         QStringLiteral("Too many failed sign-ins for this account; try again in an hour."));
    }
    if (!verifyPassword(hash, password)) {
        QSqlQuery fail(db);
        fail.prepare(QStringLiteral("INSERT INTO login_failures (practice_id, user_id, at) VALUES (?, ?, ?)"));
        fail.addBindValue(user.practiceId);
        fail.addBindValue(user.userId);
        fail.addBindValue(now);
        if (Status s = exec(fail, "recording a failed login"); !s)
            return s.error();
        return wrong;
    }
    return issue(db, user, uuid(), device);
}

Result<TokenPair> AuthService::refresh(QSqlDatabase& db, const QString& refreshToken)
{
    PgTransaction tx(db);
    if (Status s = tx.begin(); !s)
        return s.error();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT t.practice_id, t.user_id, u.username, u.role, t.family, t.device, t.expires_at, "
                             "t.used_at, t.revoked_at IS NOT NULL, t.created_at FROM tokens t JOIN users u ON "
                             "u.practice_id = t.practice_id AND u.id = t.user_id WHERE t.token_hash = ? AND t.kind = "
                             "'refresh' FOR UPDATE OF t"));
    q.addBindValue(tokenHash(refreshToken));
    if (Status s = exec(q, "reading a refresh token"); !s)
        return s.error();
    const Error invalid = authError("token_invalid", QStringLiteral("This sign-in has ended; sign in again."));
    if (!q.next())
        return invalid;
    const Principal user{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()};
    const QString family = q.value(4).toString();
    const QString device = q.value(5).toString();
    const QDateTime now = m_clock.nowUtc();
    const QDateTime usedAt = q.value(7).toDateTime();
    const QDateTime createdAt = q.value(9).toDateTime();
    if (q.value(8).toBool() || q.value(6).toDateTime() <= now)
        return invalid;
    if (!usedAt.isNull()) {
        // Used before. Either the desk never received (or never stored) the answer — it was
        // killed, or the network dropped it — and asks again soon, before using what it was
        // given: then the unused successor is withdrawn and a new pair issued. Or someone
        // else holds a copy: then the whole sign-in (family) ends.
        QSqlQuery successors(db);
        // (The token itself is excluded by hash: created_at comes back to us with milliseconds
        // only, so "later than" alone could match it.)
        successors.prepare(QStringLiteral("SELECT count(*) FROM tokens WHERE practice_id = ? AND family = ? AND kind = "
                                          "'refresh' AND created_at > ? AND token_hash <> ? AND used_at IS NOT NULL"));
        successors.addBindValue(user.practiceId);
        successors.addBindValue(family);
        successors.addBindValue(createdAt);
        successors.addBindValue(tokenHash(refreshToken));
        if (Status s = exec(successors, "checking a refresh token's successors"); !s)
            return s.error();
        successors.next();
        const bool retry = successors.value(0).toInt() == 0 && usedAt.secsTo(now) <= kRefreshRetrySeconds;
        QSqlQuery revoke(db);
        if (retry) { // withdraw the unused successor
            revoke.prepare(QStringLiteral("UPDATE tokens SET revoked_at = now() WHERE practice_id = ? AND family = ? "
                                          "AND created_at > ? AND token_hash <> ? AND revoked_at IS NULL"));
            revoke.addBindValue(user.practiceId);
            revoke.addBindValue(family);
            revoke.addBindValue(createdAt);
            revoke.addBindValue(tokenHash(refreshToken));
        } else { // end the whole sign-in
            revoke.prepare(QStringLiteral("UPDATE tokens SET revoked_at = now() WHERE practice_id = ? AND family = ? "
                                          "AND revoked_at IS NULL"));
            revoke.addBindValue(user.practiceId);
            revoke.addBindValue(family);
        }
        if (Status s = exec(revoke, "revoking tokens"); !s)
            return s.error();
        if (!retry) {
            if (Status s = tx.commit(); !s)
                return s.error();
            return authError("token_reused", QStringLiteral("This sign-in was used from two places and has been "
                                                            "ended; sign in again."));
        }
        auto pair = issue(db, user, family, device);
        if (!pair)
            return pair.error();
        if (Status s = tx.commit(); !s)
            return s.error();
        return pair;
    }
    QSqlQuery use(db);
    use.prepare(QStringLiteral("UPDATE tokens SET used_at = ? WHERE token_hash = ?"));
    use.addBindValue(now);
    use.addBindValue(tokenHash(refreshToken));
    if (Status s = exec(use, "using a refresh token"); !s)
        return s.error();
    auto pair = issue(db, user, family, device);
    if (!pair)
        return pair.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return pair;
}

Status AuthService::logout(QSqlDatabase& db, const QString& refreshToken)
{
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("UPDATE tokens SET revoked_at = now() WHERE revoked_at IS NULL AND (practice_id, family) IN "
                       "(SELECT practice_id, family FROM tokens WHERE token_hash = ?)"));
    q.addBindValue(tokenHash(refreshToken));
    return exec(q, "signing out");
}

Result<Principal> AuthService::authenticate(QSqlDatabase& db, const QString& accessToken)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT t.practice_id, t.user_id, u.username, u.role, t.expires_at, t.revoked_at IS NOT "
                             "NULL FROM tokens t JOIN users u ON u.practice_id = t.practice_id AND u.id = t.user_id "
                             "WHERE t.token_hash = ? AND t.kind = 'access'"));
    q.addBindValue(tokenHash(accessToken));
    if (Status s = exec(q, "checking a token"); !s)
        return s.error();
    if (!q.next() || q.value(5).toBool())
        return authError("token_invalid", QStringLiteral("Not signed in, or the sign-in was ended; sign in again."));
    if (q.value(4).toDateTime() <= m_clock.nowUtc())
        return authError("token_expired", QStringLiteral("The access token expired; refresh it."));
    return Principal{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()};
}

Status AuthService::revokeUser(QSqlDatabase& db, const Principal& by, const QString& username)
{
    if (by.role != QLatin1String("admin"))
        return authError("forbidden", QStringLiteral("Only administrators can end other users' sign-ins."));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE tokens SET revoked_at = now() WHERE practice_id = ? AND revoked_at IS NULL AND "
                             "user_id IN (SELECT id FROM users WHERE practice_id = ? AND lower(username) = lower(?))"));
    q.addBindValue(by.practiceId);
    q.addBindValue(by.practiceId);
    q.addBindValue(username);
    return exec(q, "revoking a user's tokens");
}

} // namespace pd::server
