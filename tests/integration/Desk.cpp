#include "tests/integration/Desk.h"

#include "core/RelationTypes.h"
#include "storage/Schema.h"
#include "storage/vault/SecureBytes.h"

#include <QEventLoop>
#include <QSignalSpy>
#include <QTimer>
#include <QSqlQuery>
#include <QSqlRecord>

namespace pd::test {

Desk::Desk(const QUrl& server, const QString& name, quint32 seed, const Clock& clock) : m_name(name)
{
    auto db = Database::create(path(), SecureBytes::random(32));
    if (!db)
        qFatal("desk %s: %s", qPrintable(name), qPrintable(db.message()));
    m_store = std::make_unique<Store>(std::move(db).value(), clock, Actor{QStringLiteral("desk:") + name});
    m_sync = std::make_unique<SyncStore>(*m_store);
    m_network = std::make_unique<NetworkTransport>(server);
    m_faulty = std::make_unique<FaultyTransport>(*m_network, seed);
    m_engine = std::make_unique<SyncEngine>(*m_sync, *m_faulty, clock);
    m_engine->setJitterSeed(seed);
}

Desk::~Desk()
{
    m_engine.reset();
    m_faulty.reset();
    m_network.reset();
    m_sync.reset();
    m_store.reset();
}

bool Desk::signIn(const QString& user, const QString& password, QString* error)
{
    QEventLoop loop;
    bool done = false;
    Status result;
    m_engine->signIn(user, password, [&](Status s) {
        result = s;
        done = true;
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit); // a bound, not a pause: quit() ends it first
    if (!done)
        loop.exec();
    if (error)
        *error = done ? result.message() : QStringLiteral("sign-in timed out");
    return done && result.ok();
}

bool Desk::syncOnce(QString* error, int timeoutMs)
{
    QSignalSpy finished(m_engine.get(), &SyncEngine::finished);
    m_engine->syncNow();
    if (finished.isEmpty() && !finished.wait(timeoutMs)) {
        if (error)
            *error = QStringLiteral("sync did not finish");
        return false;
    }
    const bool ok = finished.at(0).at(0).toBool();
    if (error)
        *error = finished.at(0).at(1).toString();
    return ok;
}

Client Desk::addClient(const QString& first, const QString& last, const QString& email)
{
    Client c;
    c.firstName = first;
    c.lastName = last;
    c.email = email;
    QList<PersonDraft> none;
    if (Status s = ClientService(*m_store).save(c, none); !s)
        qWarning("addClient: %s", qPrintable(s.message()));
    return c;
}

QString Desk::addContact(const QString& clientId, const QString& first, const QString& email, RelationType type)
{
    ClientService service(*m_store);
    auto client = m_store->clients().get(clientId);
    auto drafts = service.drafts(clientId);
    if (!client || !drafts)
        return {};
    PersonDraft d;
    d.relation = defaultRelation(type);
    d.contact.firstName = first;
    d.contact.lastName = client->lastName;
    d.contact.email = email;
    QList<PersonDraft> people = *drafts;
    people << d;
    Client c = *client;
    if (Status s = service.save(c, people); !s) {
        qWarning("addContact: %s", qPrintable(s.message()));
        return {};
    }
    return people.last().relation.meta.id;
}

bool Desk::editClient(const QString& id, const std::function<void(Client&)>& change)
{
    ClientService service(*m_store);
    auto client = m_store->clients().get(id);
    auto drafts = service.drafts(id);
    if (!client || !drafts)
        return false;
    Client c = *client;
    change(c);
    QList<PersonDraft> people = *drafts;
    return service.save(c, people).ok();
}

bool Desk::deleteRelation(const QString& clientId, const QString& relationId)
{
    ClientService service(*m_store);
    auto client = m_store->clients().get(clientId);
    auto drafts = service.drafts(clientId);
    if (!client || !drafts)
        return false;
    Client c = *client;
    QList<PersonDraft> people = *drafts;
    return service.save(c, people, {relationId}).ok();
}

QStringList Desk::snapshot()
{
    QStringList rows;
    const QStringList skip = {QStringLiteral("hlc"), QStringLiteral("created_at"), QStringLiteral("updated_at"),
                              QStringLiteral("sort_key")};
    for (const QString& table : schema::syncedTables()) {
        // A record deleted before another desk ever saw it is a tombstone on one desk and
        // absent on the other: both mean "gone", so only live rows are compared.
        QSqlQuery q(m_store->sql());
        q.exec(table == QLatin1String("org_settings")
                   ? QStringLiteral("SELECT * FROM org_settings")
                   : QStringLiteral("SELECT * FROM %1 WHERE deleted = 0").arg(table));
        while (q.next()) {
            QStringList cells{table};
            const QSqlRecord r = q.record();
            for (int i = 0; i < r.count(); ++i) {
                if (skip.contains(r.fieldName(i)))
                    continue;
                QString v = r.value(i).toString();
                cells << r.fieldName(i) + QLatin1Char('=') + v;
            }
            rows << cells.join(QLatin1Char('|'));
        }
    }
    rows.sort();
    return rows;
}

} // namespace pd::test
