// The practice server in-process (real HTTP on 127.0.0.1, real PostgreSQL from
// scripts/with-postgres, an injected clock): staff sign-in, token lifetimes and rotation,
// the failed-login limit, roles, the protocol's error answers, resync, and concurrent
// writers that never leave a gap a puller could skip.
#include "core/Ids.h"
#include "core/sync/Wire.h"
#include "server/AuthService.h"
#include "server/HttpServer.h"
#include "server/PgDatabase.h"
#include "server/SyncService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

#include <httplib.h>

#include <mutex>
#include <thread>

using namespace pd;
using namespace pd::server;

namespace {

struct Answer
{
    int status = 0;
    QJsonObject body;
    QByteArray raw;
    QString retryAfter;
    QString nextCursor; // wire::kNextCursorHeader
};

Answer toAnswer(const httplib::Result& r)
{
    Answer a;
    if (!r)
        return a;
    a.status = r->status;
    a.raw = QByteArray::fromStdString(r->body);
    a.body = QJsonDocument::fromJson(a.raw).object();
    a.retryAfter = QString::fromStdString(r->get_header_value("Retry-After"));
    a.nextCursor = QString::fromStdString(r->get_header_value(wire::kNextCursorHeader));
    return a;
}

} // namespace

class TestServer : public QObject
{
    Q_OBJECT

    ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    QString m_url;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<httplib::Client> m_client;

    Answer post(const char* path, const QJsonObject& body, const QString& token = {})
    {
        httplib::Headers headers;
        if (!token.isEmpty())
            headers.emplace("Authorization", "Bearer " + token.toStdString());
        return toAnswer(m_client->Post(path, headers, QJsonDocument(body).toJson().toStdString(), "application/json"));
    }
    Answer postRaw(const char* path, const QByteArray& body, const QString& token)
    {
        httplib::Headers headers{{"Authorization", "Bearer " + token.toStdString()}};
        return toAnswer(m_client->Post(path, headers, body.toStdString(), "application/json"));
    }
    Answer get(const std::string& path, const QString& token)
    {
        httplib::Headers headers{{"Authorization", "Bearer " + token.toStdString()}};
        return toAnswer(m_client->Get(path.c_str(), headers));
    }
    QString login(const QString& user, const QString& password, Answer* out = nullptr)
    {
        const Answer a = post("/v1/auth/login", {{QStringLiteral("username"), user},
                                                 {QStringLiteral("password"), password},
                                                 {QStringLiteral("device"), QStringLiteral("test")}});
        if (out)
            *out = a;
        return a.body.value(QStringLiteral("access_token")).toString();
    }
    static wire::Op op(const QString& entity, const QString& id, const QJsonObject& fields, qint64 base = 0)
    {
        wire::Op o;
        o.opId = newId();
        o.entity = entity;
        o.entityId = id;
        o.fields = fields;
        o.baseVersion = base;
        return o;
    }
    Answer push(const QString& token, const QList<wire::Op>& ops, int schema = wire::kSchema,
                const QString& node = QStringLiteral("desk-a"))
    {
        wire::PushRequest r;
        r.nodeId = node;
        r.schema = schema;
        r.ops = ops;
        return postRaw("/v1/sync/push", wire::encode(r), token);
    }

    // A fresh database, migrated, with a practice and three users.
    void startServer(int failedLoginsPerHour = 100, qint64 maxBody = 8 * 1024 * 1024)
    {
        m_server.reset();
        const QUrl base(qEnvironmentVariable("PD_TEST_DATABASE_URL"));
        QVERIFY2(base.isValid() && !base.isEmpty(), "run under scripts/with-postgres");
        const QString name = QStringLiteral("pd_unit_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        {
            auto admin = PgDatabase::forThisThread(base.toString());
            QVERIFY2(admin.ok(), qPrintable(admin.message()));
            QSqlQuery q(*admin);
            QVERIFY2(q.exec(QStringLiteral("CREATE DATABASE ") + name), qPrintable(q.lastError().text()));
        }
        PgDatabase::closeForThisThread();
        QUrl url = base;
        url.setPath(QLatin1Char('/') + name);
        m_url = url.toString();
        auto db = PgDatabase::forThisThread(m_url);
        QVERIFY(db.ok());
        QSqlDatabase conn = *db;
        QVERIFY(PgDatabase::migrate(conn).ok());
        QVERIFY(PgDatabase::migrate(conn).ok()); // idempotent
        QSqlQuery practice(conn);
        QVERIFY(practice.exec(QStringLiteral("INSERT INTO practices (id, name) VALUES (gen_random_uuid(), 'Test')")));
        QVERIFY(AuthService::addUser(conn, QStringLiteral("admin"), QStringLiteral("admin"), "admin-password").ok());
        QVERIFY(
            AuthService::addUser(conn, QStringLiteral("maria"), QStringLiteral("frontdesk"), "maria-password").ok());
        QVERIFY(!AuthService::addUser(conn, QStringLiteral("Maria"), QStringLiteral("frontdesk"), "another-password"));
        QVERIFY(!AuthService::addUser(conn, QStringLiteral("short"), QStringLiteral("frontdesk"), "short"));
        ServerConfig config;
        config.databaseUrl = m_url;
        config.listenPort = 0;
        config.failedLoginsPerHour = failedLoginsPerHour;
        config.maxBodyBytes = maxBody;
        m_server = std::make_unique<HttpServer>(config, m_clock);
        QVERIFY(m_server->start().ok());
        m_client = std::make_unique<httplib::Client>("127.0.0.1", m_server->port());
        m_client->set_read_timeout(30, 0);
    }

private slots:
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void healthNeedsNoToken()
    {
        startServer();
        const Answer a = toAnswer(m_client->Get("/"));
        QCOMPARE(a.status, 200);
        QCOMPARE(a.body.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(a.body.value(QStringLiteral("protocol")).toInt(), 1);
    }

    void wrongPasswordAndUnknownUserGetTheSameAnswer()
    {
        startServer();
        Answer ok, wrong, unknown;
        QVERIFY(!login(QStringLiteral("maria"), QStringLiteral("maria-password"), &ok).isEmpty());
        QCOMPARE(ok.body.value(QStringLiteral("user")).toObject().value(QStringLiteral("role")).toString(),
                 QStringLiteral("frontdesk"));
        QVERIFY(ok.body.value(QStringLiteral("refresh_token")).toString().startsWith(QLatin1String("pdr_")));
        login(QStringLiteral("maria"), QStringLiteral("wrong-password"), &wrong);
        login(QStringLiteral("nobody"), QStringLiteral("wrong-password"), &unknown);
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.raw, unknown.raw);
        // Tokens are stored only as hashes.
        auto db = PgDatabase::forThisThread(m_url);
        QSqlQuery q(*db);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM tokens WHERE encode(token_hash, 'escape') LIKE 'pda_%'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void tooManyFailedLoginsLockTheAccountForAnHour()
    {
        startServer(5);
        for (int i = 0; i < 5; ++i) {
            Answer a;
            login(QStringLiteral("maria"), QStringLiteral("guess-%1").arg(i), &a);
            QCOMPARE(a.status, 401);
        }
        Answer limited;
        QVERIFY(login(QStringLiteral("maria"), QStringLiteral("maria-password"), &limited).isEmpty());
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.body.value(QStringLiteral("error")).toString(), QStringLiteral("rate_limited"));
        QVERIFY(limited.retryAfter.toInt() > 0);
        // Another account is not affected; after the hour this one works again.
        QVERIFY(!login(QStringLiteral("admin"), QStringLiteral("admin-password")).isEmpty());
        m_clock.advanceMs(3601 * 1000);
        QVERIFY(!login(QStringLiteral("maria"), QStringLiteral("maria-password")).isEmpty());
        QCOMPARE(ServerConfig{}.failedLoginsPerHour, 100);
    }

    void accessTokensExpireAndRefreshTokensRotate()
    {
        startServer();
        Answer first;
        const QString access = login(QStringLiteral("maria"), QStringLiteral("maria-password"), &first);
        const QString refresh = first.body.value(QStringLiteral("refresh_token")).toString();
        QCOMPARE(get("/v1/sync/pull?cursor=0&schema=1", access).status, 200);
        m_clock.advanceMs(16 * 60 * 1000);
        const Answer expired = get("/v1/sync/pull?cursor=0&schema=1", access);
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.body.value(QStringLiteral("error")).toString(), QStringLiteral("token_expired"));

        const Answer rotated = post("/v1/auth/refresh", {{QStringLiteral("refresh_token"), refresh}});
        QCOMPARE(rotated.status, 200);
        const QString access2 = rotated.body.value(QStringLiteral("access_token")).toString();
        const QString refresh2 = rotated.body.value(QStringLiteral("refresh_token")).toString();
        QVERIFY(refresh2 != refresh);
        QCOMPARE(get("/v1/sync/pull?cursor=0&schema=1", access2).status, 200);

        // The used-up refresh token again at once, before the new one was used: a desk whose
        // answer was lost (or that was killed) retrying. It gets a new pair; the unused one
        // it never received stops working.
        const Answer retried = post("/v1/auth/refresh", {{QStringLiteral("refresh_token"), refresh}});
        QCOMPARE(retried.status, 200);
        QCOMPARE(post("/v1/auth/refresh", {{QStringLiteral("refresh_token"), refresh2}}).status, 401);
        const QString refresh3 = retried.body.value(QStringLiteral("refresh_token")).toString();
        const Answer next = post("/v1/auth/refresh", {{QStringLiteral("refresh_token"), refresh3}});
        QCOMPARE(next.status, 200);
        const QString access4 = next.body.value(QStringLiteral("access_token")).toString();

        // The old token once more after its successors were used: someone else has a copy,
        // and the whole sign-in ends.
        const Answer reused = post("/v1/auth/refresh", {{QStringLiteral("refresh_token"), refresh}});
        QCOMPARE(reused.status, 401);
        QCOMPARE(reused.body.value(QStringLiteral("error")).toString(), QStringLiteral("token_reused"));
        QCOMPARE(get("/v1/sync/pull?cursor=0&schema=1", access4).status, 401);
        QCOMPARE(post("/v1/auth/refresh",
                      {{QStringLiteral("refresh_token"), next.body.value(QStringLiteral("refresh_token"))}})
                     .status,
                 401);
    }

    void aLateReplayOfAUsedRefreshTokenEndsTheSignIn()
    {
        startServer();
        Answer first;
        login(QStringLiteral("maria"), QStringLiteral("maria-password"), &first);
        const QString refresh = first.body.value(QStringLiteral("refresh_token")).toString();
        const Answer rotated = post("/v1/auth/refresh", {{QStringLiteral("refresh_token"), refresh}});
        QCOMPARE(rotated.status, 200);
        m_clock.advanceMs(61 * 1000); // past the retry window
        const Answer reused = post("/v1/auth/refresh", {{QStringLiteral("refresh_token"), refresh}});
        QCOMPARE(reused.status, 401);
        QCOMPARE(reused.body.value(QStringLiteral("error")).toString(), QStringLiteral("token_reused"));
        QCOMPARE(post("/v1/auth/refresh",
                      {{QStringLiteral("refresh_token"), rotated.body.value(QStringLiteral("refresh_token"))}})
                     .status,
                 401);
    }

    void logoutAndRevokeEndSignIns()
    {
        startServer();
        Answer a;
        const QString access = login(QStringLiteral("maria"), QStringLiteral("maria-password"), &a);
        QCOMPARE(
            post("/v1/auth/logout", {{QStringLiteral("refresh_token"), a.body.value(QStringLiteral("refresh_token"))}})
                .status,
            204);
        QCOMPARE(get("/v1/sync/pull?cursor=0&schema=1", access).status, 401);

        const QString again = login(QStringLiteral("maria"), QStringLiteral("maria-password"));
        QCOMPARE(post("/v1/auth/revoke", {{QStringLiteral("username"), QStringLiteral("admin")}}, again).status,
                 403); // only administrators
        const QString admin = login(QStringLiteral("admin"), QStringLiteral("admin-password"));
        QCOMPARE(post("/v1/auth/revoke", {{QStringLiteral("username"), QStringLiteral("maria")}}, admin).status, 204);
        QCOMPARE(get("/v1/sync/pull?cursor=0&schema=1", again).status, 401);
        QCOMPARE(get("/v1/sync/pull?cursor=0&schema=1", admin).status, 200);
    }

    // Desks send pushes deflated. The server inflates a body before any route runs, so it takes
    // a compressed body only for a push, only from a signed-in staff member, and only small.
    void compressedBodiesOnlyForASignedInPush()
    {
        startServer(100, 64 * 1024); // compressed bodies up to 1 KiB
        const QString token = login(QStringLiteral("admin"), QStringLiteral("admin-password"));
        const auto postDeflated = [this](const char* path, const QByteArray& plain, const QString& bearer,
                                         const char* encoding = "deflate") {
            httplib::Headers headers{{"Content-Encoding", encoding}};
            if (!bearer.isEmpty())
                headers.emplace("Authorization", "Bearer " + bearer.toStdString());
            return toAnswer(
                m_client->Post(path, headers, qCompress(plain, 9).mid(4).toStdString(), "application/json"));
        };
        const QString id = newId();
        wire::PushRequest r;
        r.nodeId = QStringLiteral("desk-a");
        r.ops = {op(QStringLiteral("client"), id,
                    {{QStringLiteral("first_name"), QStringLiteral("Zoë")},
                     {QStringLiteral("last_name"), QStringLiteral("Deflated")},
                     {QStringLiteral("notes"), QString(3000, QLatin1Char('n'))}})}; // > 1 KiB, compresses well
        const QByteArray body = wire::encode(r);

        const Answer anonymous = postDeflated("/v1/sync/push", body, {});
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(anonymous.body.value(QStringLiteral("error")).toString(), QStringLiteral("token_invalid"));
        const Answer signIn = postDeflated("/v1/auth/login", R"({"username":"admin","password":"admin-password"})", {});
        QCOMPARE(signIn.status, 400);
        QVERIFY(signIn.body.value(QStringLiteral("message")).toString().contains(QLatin1String("push")));
        QCOMPARE(postDeflated("/v1/sync/push", body, token, "br").status, 400);
        QByteArray noise(4096, Qt::Uninitialized); // does not compress: over the 1 KiB limit
        for (char& c : noise)
            c = static_cast<char>(QRandomGenerator::global()->bounded(256));
        const Answer big = postDeflated("/v1/sync/push", noise, token);
        QCOMPARE(big.status, 413);
        QCOMPARE(big.body.value(QStringLiteral("error")).toString(), QStringLiteral("payload_too_large"));
        QCOMPARE(get("/v1/sync/pull?cursor=0&schema=1", token).body.value(QStringLiteral("changes")).toArray().size(),
                 0); // none of the refused ones applied anything

        const Answer pushed = postDeflated("/v1/sync/push", body, token);
        QCOMPARE(pushed.status, 200);
        const QJsonArray changes =
            get("/v1/sync/pull?cursor=0&schema=1", token).body.value(QStringLiteral("changes")).toArray();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.at(0).toObject().value(QStringLiteral("entity_id")).toString(), id);
    }

    void aPullPageNamesTheNextPagesCursorInAHeader()
    {
        // So a desk can ask for the next page before it has decoded this one.
        startServer();
        const QString token = login(QStringLiteral("admin"), QStringLiteral("admin-password"));
        QList<wire::Op> ops;
        for (int i = 0; i < 3; ++i)
            ops << op(QStringLiteral("client"), newId(),
                      {{QStringLiteral("first_name"), QStringLiteral("Paged%1").arg(i)},
                       {QStringLiteral("last_name"), QStringLiteral("Header")}});
        QCOMPARE(push(token, ops).status, 200);
        const Answer first = get("/v1/sync/pull?cursor=0&limit=2&schema=1", token);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.body.value(QStringLiteral("changes")).toArray().size(), 2);
        QVERIFY(first.body.value(QStringLiteral("more")).toBool());
        const qint64 cursor = first.body.value(QStringLiteral("cursor")).toInteger();
        QVERIFY(cursor > 0);
        QCOMPARE(first.nextCursor, QString::number(cursor));
        const Answer last =
            get(QStringLiteral("/v1/sync/pull?cursor=%1&limit=2&schema=1").arg(cursor).toStdString(), token);
        QCOMPARE(last.status, 200);
        QCOMPARE(last.body.value(QStringLiteral("changes")).toArray().size(), 1);
        QVERIFY(!last.body.value(QStringLiteral("more")).toBool());
        QCOMPARE(last.nextCursor, QString()); // nothing after it: no header
    }

    void badRequestsAreAnsweredAndApplyNothing()
    {
        startServer(100, 64 * 1024);
        const QString token = login(QStringLiteral("admin"), QStringLiteral("admin-password"));
        QCOMPARE(
            postRaw("/v1/sync/push", "{\"protocol\":1,\"schema\":1,\"node_id\":\"d\",\"ops\":[{\"op_", token).status,
            400);
        QCOMPARE(postRaw("/v1/sync/push", "<html>garbage</html>", token).status, 400);
        const Answer schema = push(token, {op(QStringLiteral("client"), newId(), {})}, 99);
        QCOMPARE(schema.status, 409);
        QCOMPARE(schema.body.value(QStringLiteral("error")).toString(), QStringLiteral("schema_mismatch"));
        QCOMPARE(schema.body.value(QStringLiteral("server_max")).toInt(), wire::kSchemaMax);
        QCOMPARE(get("/v1/sync/pull?cursor=0&schema=99", token).status, 409);
        QCOMPARE(get("/v1/sync/pull?cursor=x&schema=1", token).status, 400);
        QList<wire::Op> big;
        for (int i = 0; i < 400; ++i)
            big << op(QStringLiteral("client"), newId(), {{QStringLiteral("notes"), QString(200, QLatin1Char('x'))}});
        QCOMPARE(push(token, big).status, 413);
        httplib::Headers headers{{"Authorization", "Bearer " + token.toStdString()}, {"X-PracticeDesk-Protocol", "7"}};
        QCOMPARE(toAnswer(m_client->Get("/v1/sync/pull?cursor=0&schema=1", headers)).status, 400);
        const Answer nothing = get("/v1/sync/pull?cursor=0&schema=1", token);
        QCOMPARE(nothing.body.value(QStringLiteral("changes")).toArray().size(), 0);
    }

    void rolesAndPerOperationResults()
    {
        startServer();
        const QString maria = login(QStringLiteral("maria"), QStringLiteral("maria-password"));
        const QString admin = login(QStringLiteral("admin"), QStringLiteral("admin-password"));
        const wire::Op setting = op(QStringLiteral("org_setting"), QStringLiteral("auto_lock_minutes"),
                                    {{QStringLiteral("value"), QStringLiteral("5")}});
        const wire::Op bad = op(QStringLiteral("invoice"), newId(), {});
        const wire::Op client =
            op(QStringLiteral("client"), newId(), {{QStringLiteral("first_name"), QStringLiteral("A")}});
        auto r = wire::decodePushResponse(push(maria, {setting, bad, client}).raw);
        QVERIFY(r.ok());
        QCOMPARE(r->results.size(), 3);
        QCOMPARE(r->results[0].status, wire::OpStatus::Rejected);
        QVERIFY(r->results[0].reason.contains(QLatin1String("administrators")));
        QCOMPARE(r->results[1].status, wire::OpStatus::Rejected);
        QCOMPARE(r->results[2].status, wire::OpStatus::Applied);
        wire::Op again = setting;
        again.opId = newId();
        auto a = wire::decodePushResponse(push(admin, {again}).raw);
        QCOMPARE(a->results[0].status, wire::OpStatus::Applied);
        // The same batch again: every operation answers duplicate and nothing changes.
        auto replay = wire::decodePushResponse(push(maria, {setting, bad, client}).raw);
        for (const wire::OpResult& x : replay->results)
            QCOMPARE(x.status, wire::OpStatus::Duplicate);
        auto page = wire::decodePullPage(get("/v1/sync/pull?cursor=0&schema=1", maria).raw);
        QCOMPARE(page->changes.size(), 2);
        // The same operation twice in one batch is applied once.
        const wire::Op twice =
            op(QStringLiteral("client"), newId(), {{QStringLiteral("first_name"), QStringLiteral("B")}});
        auto both = wire::decodePushResponse(push(maria, {twice, twice}).raw);
        QVERIFY(both.ok());
        QCOMPARE(both->results[0].status, wire::OpStatus::Applied);
        QCOMPARE(both->results[1].status, wire::OpStatus::Duplicate);
    }

    void anOldCursorMustResync()
    {
        startServer();
        const QString token = login(QStringLiteral("admin"), QStringLiteral("admin-password"));
        for (const QString& id : {newId(), newId()}) { // two tombstones in one practice
            push(token, {op(QStringLiteral("client"), id, {{QStringLiteral("first_name"), QStringLiteral("Gone")}})});
            wire::Op del = op(QStringLiteral("client"), id, {}, 1);
            del.kind = wire::OpKind::Delete;
            push(token, {del});
        }
        push(token, {op(QStringLiteral("client"), newId(), {{QStringLiteral("first_name"), QStringLiteral("Stays")}})});
        auto db = PgDatabase::forThisThread(m_url);
        QSqlDatabase conn = *db;
        QSqlQuery age(conn);
        QVERIFY(age.exec(QStringLiteral("UPDATE records SET updated_at = now() - interval '40 days' WHERE deleted")));
        QCOMPARE(*SyncService::prune(conn, 30), 2); // the two tombstones, not the record that stays
        QCOMPARE(*SyncService::prune(conn, 30), 0);
        const Answer old = get("/v1/sync/pull?cursor=1&schema=1", token);
        QCOMPARE(old.status, 410);
        QCOMPARE(old.body.value(QStringLiteral("error")).toString(), QStringLiteral("resync_required"));
        auto fresh = wire::decodePullPage(get("/v1/sync/pull?cursor=0&schema=1", token).raw);
        QVERIFY(fresh.ok());
        QCOMPARE(fresh->changes.size(), 1);
    }

    void pullPagesFollowTheLogAndAreSentUncompressed()
    {
        startServer();
        const QString token = login(QStringLiteral("admin"), QStringLiteral("admin-password"));
        QList<wire::Op> ops;
        for (int i = 0; i < 25; ++i)
            ops << op(QStringLiteral("client"), newId(),
                      {{QStringLiteral("first_name"), QStringLiteral("P%1").arg(i)}});
        QCOMPARE(push(token, ops).status, 200);
        // An edit moves its record to the end of the log; the record is sent once, there.
        QCOMPARE(push(token, {op(QStringLiteral("client"), ops.first().entityId,
                                 {{QStringLiteral("first_name"), QStringLiteral("Edited")}}, 1)})
                     .status,
                 200);
        qint64 cursor = 0;
        QStringList names;
        int pages = 0;
        for (bool more = true; more; ++pages) {
            // Qt's network stack accepts Brotli; answering with it cost a second per page.
            httplib::Headers headers{{"Authorization", "Bearer " + token.toStdString()},
                                     {"Accept-Encoding", "gzip, deflate, br"}};
            auto r =
                m_client->Get(("/v1/sync/pull?schema=1&limit=10&cursor=" + std::to_string(cursor)).c_str(), headers);
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            QVERIFY(!r->has_header("Content-Encoding"));
            auto page = wire::decodePullPage(QByteArray::fromStdString(r->body));
            QVERIFY2(page.ok(), qPrintable(page.message()));
            QVERIFY(page->cursor > cursor);
            for (const wire::Change& c : page->changes)
                names << c.fields.value(QStringLiteral("first_name")).toString();
            cursor = page->cursor;
            more = page->more;
        }
        QCOMPARE(pages, 3);
        QCOMPARE(names.size(), 25);
        QCOMPARE(names.first(), QStringLiteral("P1"));
        QCOMPARE(names.at(23), QStringLiteral("P24"));
        QCOMPARE(names.last(), QStringLiteral("Edited"));
    }

    void plainHttpOnlyOnLoopback()
    {
        ServerConfig config;
        config.databaseUrl = QStringLiteral("postgresql://x@127.0.0.1/x");
        config.listenHost = QStringLiteral("0.0.0.0");
        config.listenPort = 0;
        HttpServer server(config);
        const Status s = server.bind();
        QVERIFY(!s);
        QVERIFY2(s.message().contains(QLatin1String("--tls-cert")), qPrintable(s.message()));
        config.listenHost = QStringLiteral("::1");
        QVERIFY(config.checkListen().ok());
    }

    // A push writes its rows as PostgreSQL array literals: values with quotes, backslashes,
    // braces, commas, "NULL", control characters and non-Latin text, a node id and an HLC stamp
    // that need escaping, come back exactly; a record changed twice in a batch is written once,
    // at its last version, and the log sends every record once, in version order.
    void awkwardValuesComeBackExactly()
    {
        startServer();
        const QString token = login(QStringLiteral("admin"), QStringLiteral("admin-password"));
        const QJsonObject awkward{
            {QStringLiteral("first_name"), QStringLiteral("Ana \"Nena\" O'Brien")},
            {QStringLiteral("last_name"), QStringLiteral("back\\slash \\\" {brace}, comma")},
            {QStringLiteral("notes"), QStringLiteral("line\nbreak\ttab \u00e9\u00f1 \u4e2d\u6587 \U0001F600 NULL")},
            {QStringLiteral("email"), QString()},
            {QStringLiteral("nickname"), QStringLiteral("NULL")},
            {QStringLiteral("number"), 42},
            {QStringLiteral("flag"), true},
            {QStringLiteral("nothing"), QJsonValue::Null},
            {QStringLiteral("braces"), QStringLiteral("{\"a\",\"b\"}")}};
        const QString node = QStringLiteral("desk \"7\" \\ {x}");
        const QString a = newId(), b = newId();
        wire::Op first = op(QStringLiteral("client"), a, awkward);
        wire::Op second = op(QStringLiteral("client"), b, {{QStringLiteral("first_name"), QStringLiteral("B")}});
        second.hlc = QStringLiteral("0000019-0000-\"desk\"\\ {,}");
        wire::Op again = op(QStringLiteral("client"), a, {{QStringLiteral("nickname"), QStringLiteral("\\\\")}});
        auto pushed = wire::decodePushResponse(push(token, {first, second, again}, wire::kSchema, node).raw);
        QVERIFY(pushed.ok());
        QCOMPARE(pushed->results.size(), 3);
        for (const wire::OpResult& r : pushed->results)
            QCOMPARE(r.status, wire::OpStatus::Applied);
        QCOMPARE(pushed->results[2].version, pushed->results[0].version + 2);

        // Another desk edits a field the first one changed (a conflict) and one it did not (a merge).
        wire::Op other = op(QStringLiteral("client"), a,
                            {{QStringLiteral("first_name"), QStringLiteral("Other")},
                             {QStringLiteral("city"), QStringLiteral("C\u00f3rdoba")}},
                            pushed->results[0].version - 1);
        auto answered = wire::decodePushResponse(push(token, {other}, wire::kSchema, QStringLiteral("desk-b")).raw);
        QVERIFY(answered.ok());
        QCOMPARE(answered->results[0].status, wire::OpStatus::Conflict);
        QCOMPARE(answered->results[0].conflict->fields.size(), 1);
        QCOMPARE(answered->results[0].conflict->fields[0].server.toString(),
                 awkward.value(QStringLiteral("first_name")).toString());
        // The first desk's own later edit of the same field is no conflict (its node id came back intact).
        wire::Op own = op(QStringLiteral("client"), a, {{QStringLiteral("last_name"), QStringLiteral("X")}},
                          pushed->results[0].version - 1);
        auto mine = wire::decodePushResponse(push(token, {own}, wire::kSchema, node).raw);
        QVERIFY(mine.ok());
        QCOMPARE(mine->results[0].status, wire::OpStatus::Merged); // city changed on desk-b meanwhile

        auto page = wire::decodePullPage(get("/v1/sync/pull?cursor=0&schema=1", token).raw);
        QVERIFY2(page.ok(), qPrintable(page.message()));
        QCOMPARE(page->changes.size(), 2); // each record once
        QCOMPARE(page->changes[0].entityId, b);
        QCOMPARE(page->changes[1].entityId, a);
        QVERIFY(page->changes[0].seq < page->changes[1].seq);
        QCOMPARE(page->changes[1].seq, page->changes[1].version);
        QCOMPARE(page->changes[1].version, mine->results[0].version);
        QCOMPARE(page->changes[0].hlc, second.hlc);
        QJsonObject expected = awkward;
        expected.insert(QStringLiteral("nickname"), QStringLiteral("\\\\"));
        expected.insert(QStringLiteral("city"), QStringLiteral("C\u00f3rdoba"));
        expected.insert(QStringLiteral("last_name"), QStringLiteral("X"));
        QCOMPARE(page->changes[1].fields, expected);
        const Answer conflicts = get("/v1/sync/conflicts", token);
        QCOMPARE(conflicts.body.value(QStringLiteral("conflicts")).toArray().size(), 1);
    }

    void concurrentWritersNeverLeaveAGapForAPuller()
    {
        startServer();
        const QString token = login(QStringLiteral("admin"), QStringLiteral("admin-password"));
        const int perWriter = 150;
        // A push that fails (say, a timeout on a busy machine) is reported as such, not
        // mistaken for a change the puller skipped.
        std::mutex failuresLock;
        QStringList failures;
        auto writer = [&](const QString& node) {
            httplib::Client c("127.0.0.1", m_server->port());
            c.set_read_timeout(30, 0);
            for (int i = 0; i < perWriter; i += 10) {
                wire::PushRequest r;
                r.nodeId = node;
                for (int k = 0; k < 10; ++k)
                    r.ops << op(QStringLiteral("client"), newId(), {{QStringLiteral("first_name"), node}});
                const auto res = c.Post("/v1/sync/push", {{"Authorization", "Bearer " + token.toStdString()}},
                                        wire::encode(r).toStdString(), "application/json");
                if (!res || res->status != 200) {
                    const std::lock_guard<std::mutex> locked(failuresLock);
                    failures << QStringLiteral("%1: %2").arg(
                        node,
                        res ? QString::number(res->status) : QString::fromStdString(httplib::to_string(res.error())));
                }
            }
        };
        QSet<QString> seen;
        qint64 cursor = 0;
        std::thread w1(writer, QStringLiteral("w1"));
        std::thread w2(writer, QStringLiteral("w2"));
        auto pullAll = [&] {
            for (;;) {
                auto page = wire::decodePullPage(
                    get("/v1/sync/pull?cursor=" + std::to_string(cursor) + "&schema=1", token).raw);
                if (!page)
                    return;
                for (const wire::Change& c : page->changes)
                    seen.insert(c.entityId);
                cursor = page->cursor;
                if (!page->more)
                    return;
            }
        };
        for (int i = 0; i < 40; ++i)
            pullAll(); // pulls while the writers commit
        w1.join();
        w2.join();
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1String("; "))));
        pullAll();
        QCOMPARE(seen.size(), 2 * perWriter); // nothing committed behind the cursor was skipped
    }
};

QTEST_GUILESS_MAIN(TestServer)
#include "TestServer.moc"
