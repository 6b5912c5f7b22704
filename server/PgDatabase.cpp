#include "server/PgDatabase.h"

#include "server/ServerConfig.h"

#include <QSqlError>
#include <QThread>

#include <atomic>

namespace pd::server {

namespace {

struct Step
{
    int version;
    const char* sql;
};

// Every table leads with practice_id and every query filters by it (DESIGN.md §5), so
// one server can host many practices and a large provider can shard by practice.
constexpr Step kSteps[] = {
    {1, R"SQL(
CREATE TABLE practices (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    min_seq bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE users (
    practice_id uuid NOT NULL REFERENCES practices(id),
    id uuid NOT NULL,
    username text NOT NULL,
    role text NOT NULL CHECK (role IN ('admin', 'clinician', 'frontdesk')),
    password_hash text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, id)
);
CREATE UNIQUE INDEX users_by_name ON users (lower(username));
CREATE TABLE login_failures (
    practice_id uuid NOT NULL,
    user_id uuid NOT NULL,
    at timestamptz NOT NULL
);
CREATE INDEX login_failures_by_user ON login_failures (practice_id, user_id, at);
CREATE TABLE tokens (
    token_hash bytea PRIMARY KEY,
    practice_id uuid NOT NULL,
    user_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('access', 'refresh')),
    family uuid NOT NULL,
    device text NOT NULL DEFAULT '',
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    revoked_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tokens_by_family ON tokens (practice_id, family);
CREATE INDEX tokens_by_user ON tokens (practice_id, user_id);
CREATE TABLE records (
    practice_id uuid NOT NULL,
    entity text NOT NULL,
    entity_id text NOT NULL,
    version bigint NOT NULL,
    deleted boolean NOT NULL DEFAULT false,
    deleted_by text NOT NULL DEFAULT '',
    fields jsonb NOT NULL DEFAULT '{}',
    field_versions jsonb NOT NULL DEFAULT '{}',
    field_nodes jsonb NOT NULL DEFAULT '{}',
    hlc text NOT NULL DEFAULT '',
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, entity, entity_id)
);
CREATE INDEX records_client_number ON records (practice_id, ((fields->>'client_number')))
    WHERE entity = 'client' AND NOT deleted;
CREATE TABLE change_log (
    seq bigserial PRIMARY KEY,
    practice_id uuid NOT NULL,
    entity text NOT NULL,
    entity_id text NOT NULL
);
CREATE INDEX change_log_by_practice ON change_log (practice_id, seq);
CREATE INDEX change_log_by_record ON change_log (practice_id, entity, entity_id);
CREATE TABLE ops (
    practice_id uuid NOT NULL,
    op_id uuid NOT NULL,
    result jsonb NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, op_id)
);
CREATE TABLE conflicts (
    practice_id uuid NOT NULL,
    id uuid NOT NULL,
    entity text NOT NULL,
    entity_id text NOT NULL,
    body jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz,
    PRIMARY KEY (practice_id, id)
)
)SQL"},
    // v2: the highest client number of a practice is read from an index instead of scanning
    // every client on each push that numbers one.
    {2, R"SQL(
CREATE INDEX records_client_number_value ON records (practice_id, ((fields->>'client_number')::bigint))
    WHERE entity = 'client'
)SQL"},
    // v3: the change log is the records themselves in version order. A record's version is
    // the log position of its last change (the log always held one row per record, at
    // seq = version), so the log's table and its three indexes, which every change wrote and
    // every push searched to compact, give way to one index that grows at its end (issue 4).
    // The sequence stays: versions keep counting from where they were.
    {3, R"SQL(
ALTER SEQUENCE change_log_seq_seq OWNED BY NONE;
ALTER SEQUENCE change_log_seq_seq RENAME TO record_versions;
DROP TABLE change_log;
CREATE INDEX records_by_version ON records (practice_id, version)
)SQL"},
};

} // namespace

Error sqlError(const QSqlQuery& q, const char* what)
{
    const QSqlError e = q.lastError();
    return Error::make(
        Error::Kind::Internal,
        QStringLiteral("database error while %1: %2").arg(QString::fromLatin1(what), e.databaseText().left(300)));
}

Status exec(QSqlQuery& q, const char* what)
{
    if (!q.exec())
        return sqlError(q, what);
    return {};
}

PgTransaction::~PgTransaction()
{
    if (m_open)
        m_db.rollback();
}

Status PgTransaction::begin()
{
    if (!m_db.transaction())
        return Error::make(Error::Kind::Internal,
                           QStringLiteral("cannot begin a transaction: ") + m_db.lastError().databaseText());
    m_open = true;
    return {};
}

Status PgTransaction::commit()
{
    m_open = false;
    if (!m_db.commit()) {
        m_db.rollback();
        return Error::make(Error::Kind::Internal, QStringLiteral("commit failed: ") + m_db.lastError().databaseText());
    }
    return {};
}

namespace {
// This thread's connection: named uniquely (thread ids are reused by later threads), for one
// database URL, removed when the thread ends.
struct ThreadConnection
{
    QString name;
    QString url;
    void drop()
    {
        if (name.isEmpty())
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        name.clear();
    }
    ~ThreadConnection() { drop(); }
};
thread_local ThreadConnection t_connection;
std::atomic<int> t_next{0};
} // namespace

Result<QSqlDatabase> PgDatabase::forThisThread(const QString& url)
{
    if (!t_connection.name.isEmpty() && t_connection.url == url) {
        QSqlDatabase db = QSqlDatabase::database(t_connection.name, false);
        if (db.isOpen()) {
            QSqlQuery ping(db);
            if (ping.exec(QStringLiteral("SELECT 1")))
                return db;
            db.close();
        }
        if (db.open())
            return db;
        return Error::make(Error::Kind::Unavailable,
                           QStringLiteral("cannot reach PostgreSQL: ") + db.lastError().databaseText());
    }
    t_connection.drop();
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed)
        return parsed.error();
    t_connection.name = QStringLiteral("pd-server-%1").arg(t_next++);
    t_connection.url = url;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), t_connection.name);
    db.setHostName(parsed->host);
    db.setPort(parsed->port);
    db.setUserName(parsed->user);
    db.setPassword(parsed->password);
    db.setDatabaseName(parsed->database);
    db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    if (!db.open())
        return Error::make(Error::Kind::Unavailable, QStringLiteral("cannot reach PostgreSQL at %1:%2/%3: %4")
                                                         .arg(parsed->host)
                                                         .arg(parsed->port)
                                                         .arg(parsed->database, db.lastError().databaseText()));
    return db;
}

void PgDatabase::closeForThisThread()
{
    t_connection.drop();
}

int PgDatabase::latestVersion()
{
    return kSteps[std::size(kSteps) - 1].version;
}

Status PgDatabase::migrate(QSqlDatabase& db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
                               "applied_at timestamptz NOT NULL DEFAULT now())")))
        return sqlError(q, "creating schema_migrations");
    for (const Step& step : kSteps) {
        PgTransaction tx(db);
        if (Status s = tx.begin(); !s)
            return s;
        QSqlQuery lock(db);
        // Two servers starting together migrate one after the other.
        if (!lock.exec(QStringLiteral("LOCK TABLE schema_migrations IN EXCLUSIVE MODE")))
            return sqlError(lock, "locking schema_migrations");
        QSqlQuery done(db);
        done.prepare(QStringLiteral("SELECT 1 FROM schema_migrations WHERE version = ?"));
        done.addBindValue(step.version);
        if (Status s = exec(done, "reading schema_migrations"); !s)
            return s;
        if (done.next())
            continue;
        for (const QString& part : QString::fromUtf8(step.sql).split(QStringLiteral(";\n"))) {
            if (part.trimmed().isEmpty())
                continue;
            QSqlQuery m(db);
            if (!m.exec(part))
                return sqlError(m, "migrating");
        }
        QSqlQuery mark(db);
        mark.prepare(QStringLiteral("INSERT INTO schema_migrations (version) VALUES (?)"));
        mark.addBindValue(step.version);
        if (Status s = exec(mark, "recording the migration"); !s)
            return s;
        if (Status s = tx.commit(); !s)
            return s;
    }
    return {};
}

} // namespace pd::server
