#include "storage/Schema.h"

#include "storage/Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace pd::schema {

namespace {

struct Step
{
    int version;
    const char* sql; // statements separated by ";\n"
};

// Schema v1. SQLCipher 3.4.1 is SQLite 3.15.2: no UPSERT, RETURNING, JSON1 or window
// functions (DESIGN.md §3). Every synced row has id (UUID), version (server version it is
// based on, 0 = never synced), hlc (hybrid logical clock stamp) and deleted (tombstone).
constexpr Step kSteps[] = {
    {1, R"SQL(
CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
CREATE TABLE clients (
    id TEXT PRIMARY KEY NOT NULL,
    client_number INTEGER NOT NULL UNIQUE,
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    mobile_phone TEXT NOT NULL DEFAULT '',
    date_of_birth TEXT,
    is_minor INTEGER NOT NULL DEFAULT 0,
    preferred_method TEXT NOT NULL DEFAULT 'email',
    self_notifications INTEGER NOT NULL DEFAULT 15,
    confidential INTEGER NOT NULL DEFAULT 0,
    confidential_reason TEXT NOT NULL DEFAULT '',
    parent_portal_user_id TEXT,
    primary_relation_id TEXT,
    notes TEXT NOT NULL DEFAULT '',
    sort_key TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 0,
    hlc TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX clients_by_sort_key ON clients(deleted, sort_key);
CREATE TABLE contacts (
    id TEXT PRIMARY KEY NOT NULL,
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 0,
    hlc TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX contacts_by_email ON contacts(email);
CREATE TABLE relations (
    id TEXT PRIMARY KEY NOT NULL,
    client_id TEXT NOT NULL REFERENCES clients(id),
    contact_id TEXT REFERENCES contacts(id),
    related_client_id TEXT REFERENCES clients(id),
    relation_type TEXT NOT NULL,
    relationship TEXT NOT NULL DEFAULT '',
    notifications INTEGER NOT NULL DEFAULT 0,
    can_manage_appointments INTEGER NOT NULL DEFAULT 0,
    portal_invite INTEGER NOT NULL DEFAULT 0,
    permissions INTEGER NOT NULL DEFAULT 0,
    custody TEXT NOT NULL DEFAULT 'none',
    court_order_ref TEXT NOT NULL DEFAULT '',
    valid_from TEXT,
    valid_until TEXT,
    version INTEGER NOT NULL DEFAULT 0,
    hlc TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((contact_id IS NULL) <> (related_client_id IS NULL))
);
CREATE INDEX relations_by_client ON relations(client_id, deleted);
CREATE INDEX relations_by_contact ON relations(contact_id);
CREATE INDEX relations_by_related_client ON relations(related_client_id);
CREATE TABLE search_terms (
    term TEXT NOT NULL,
    client_id TEXT NOT NULL,
    PRIMARY KEY (term, client_id)
) WITHOUT ROWID;
CREATE INDEX search_terms_by_client ON search_terms(client_id);
CREATE TABLE org_settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0,
    hlc TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE client_settings (
    id TEXT PRIMARY KEY NOT NULL,
    client_id TEXT NOT NULL REFERENCES clients(id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0,
    hlc TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (client_id, key)
);
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL UNIQUE,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('upsert', 'delete')),
    fields TEXT NOT NULL,
    base_version INTEGER NOT NULL,
    hlc TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX outbox_by_entity ON outbox(entity, entity_id);
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    client_id TEXT,
    summary TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_client ON audit_log(client_id, seq);
CREATE TABLE sync_state (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
)
)SQL"},
    // v2: what sync keeps on the desk (docs/protocol.md): the conflict a person resolves is
    // sent with the resolution, conflicts keep both values, rejected changes their reason.
    {2, R"SQL(
ALTER TABLE outbox ADD COLUMN resolves TEXT;
CREATE TABLE sync_conflicts (
    id TEXT PRIMARY KEY NOT NULL,
    op_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    conflict TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_at TEXT
);
CREATE INDEX sync_conflicts_open ON sync_conflicts(resolved_at, created_at);
CREATE TABLE sync_rejected (
    op_id TEXT PRIMARY KEY NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    fields TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
)
)SQL"},
    // v3: a client's search terms are also kept on its own row (newline-separated), so the
    // terms to remove on a change are read from the row instead of through an index on
    // search_terms(client_id); that index cost half of all the writes of a bulk import.
    {3, R"SQL(
ALTER TABLE clients ADD COLUMN search_terms TEXT NOT NULL DEFAULT '';
UPDATE clients SET search_terms = COALESCE((SELECT group_concat(term, char(10)) FROM search_terms
    WHERE search_terms.client_id = clients.id), '');
DROP INDEX search_terms_by_client
)SQL"},
};

QStringList statementsOf(const char* script)
{
    QStringList out;
    for (const QString& part : QString::fromUtf8(script).split(QStringLiteral(";\n"))) {
        const QString s = part.trimmed();
        if (!s.isEmpty())
            out << s;
    }
    return out;
}

int userVersion(QSqlDatabase& db, bool* ok)
{
    QSqlQuery q(db);
    *ok = q.exec(QStringLiteral("PRAGMA user_version")) && q.next();
    return *ok ? q.value(0).toInt() : -1;
}

} // namespace

int latestVersion()
{
    return kSteps[std::size(kSteps) - 1].version;
}

QStringList syncedTables()
{
    return {QStringLiteral("clients"), QStringLiteral("contacts"), QStringLiteral("relations"),
            QStringLiteral("org_settings"), QStringLiteral("client_settings")};
}

Status migrate(QSqlDatabase& db, int upTo)
{
    bool ok = false;
    const int current = userVersion(db, &ok);
    if (!ok)
        return Error::make(Error::Kind::Corrupt,
                           QCoreApplication::translate("Schema", "The database could not be read: %1")
                               .arg(sqlErrorText(db.lastError())));
    if (current > latestVersion())
        return Error::make(Error::Kind::TooNew,
                           QCoreApplication::translate("Schema", "This database was written by a newer version of "
                                                                 "PracticeDesk (schema %1; this program knows up to "
                                                                 "%2). Install the newer version to open it.")
                               .arg(current)
                               .arg(latestVersion()));
    for (const Step& step : kSteps) {
        if (step.version <= current || step.version > upTo)
            continue;
        if (!db.transaction())
            return Error::make(Error::Kind::Io, sqlErrorText(db.lastError()));
        QSqlQuery q(db);
        for (const QString& statement : statementsOf(step.sql)) {
            if (!q.exec(statement)) {
                const QString why = sqlErrorText(q.lastError());
                db.rollback();
                return Error::make(Error::Kind::Io, QCoreApplication::translate("Schema", "Upgrading the database to "
                                                                                          "schema %1 failed: %2")
                                                        .arg(step.version)
                                                        .arg(why));
            }
        }
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.version)) || !db.commit()) {
            const QString why = sqlErrorText(q.lastError().isValid() ? q.lastError() : db.lastError());
            db.rollback();
            return Error::make(Error::Kind::Io, why);
        }
    }
    return {};
}

} // namespace pd::schema
