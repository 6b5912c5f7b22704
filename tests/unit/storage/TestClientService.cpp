// Saving a client with its people under the shared rules (C1, C3, C6, C7, P1, PP2): refused
// with the field to show the reason beside, and then nothing is written.
#include "core/ClientRules.h"
#include "core/RelationTypes.h"
#include "storage/ClientService.h"
#include "storage/driver/SqlCipherDriver.h"
#include "storage/vault/SecureBytes.h"
#include "tests/testsupport/FileSizeLimit.h"
#include "tests/testsupport/TemporaryStore.h"

#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace pd;

namespace {
qint64 rows(Store& s, const char* table)
{
    QSqlQuery q(s.sql());
    q.exec(QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table));
    q.next();
    return q.value(0).toLongLong();
}

PersonDraft contact(RelationType type, const QString& first, const QString& email, const QString& phone = {})
{
    PersonDraft d;
    d.relation = defaultRelation(type);
    d.contact.firstName = first;
    d.contact.lastName = QStringLiteral("Pérez");
    d.contact.email = email;
    d.contact.phone = phone;
    return d;
}

Client withNote(const QString& note)
{
    Client c;
    c.firstName = QStringLiteral("Bo");
    c.lastName = QStringLiteral("Díaz");
    c.email = QStringLiteral("bo@example.com");
    c.notes = note;
    return c;
}

#ifdef Q_OS_UNIX
// Rows of a table that belong to one of ids (in column).
qint64 rowsFor(Store& s, const char* table, const char* column, const QStringList& ids)
{
    QSqlQuery q(s.sql());
    q.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE %2 IN (%3)")
                  .arg(QLatin1String(table), QLatin1String(column),
                       QStringLiteral("?, ").repeated(ids.size() - 1) + QLatin1Char('?')));
    for (const QString& id : ids)
        q.addBindValue(id);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// Counts the COMMITs SQLite attempts on a connection (its commit hook runs once every
// statement of the transaction has succeeded, just before the pages are written).
class CommitCounter
{
public:
    explicit CommitCounter(Store& s) : m_db(s.sql().driver()->handle().value<sqlite3*>())
    {
        sqlite3_commit_hook(m_db, &CommitCounter::hook, this);
    }
    ~CommitCounter() { sqlite3_commit_hook(m_db, nullptr, nullptr); }
    CommitCounter(const CommitCounter&) = delete;
    CommitCounter& operator=(const CommitCounter&) = delete;
    int count() const { return m_count; }

private:
    static int hook(void* self)
    {
        ++static_cast<CommitCounter*>(self)->m_count;
        return 0; // go ahead with the commit
    }
    sqlite3* m_db;
    int m_count = 0;
};
#endif

Client minor()
{
    Client c;
    c.firstName = QStringLiteral("Lía");
    c.lastName = QStringLiteral("Pérez");
    c.isMinor = true;
    c.dateOfBirth = QDate(2016, 4, 4);
    return c;
}
} // namespace

class TestClientService : public QObject
{
    Q_OBJECT
private slots:
    void minorWithoutGuardianIsRefusedThenSavedWithOne()
    {
        test::TemporaryStore fx;
        ClientService service(fx.store());
        Client c = minor();
        QList<PersonDraft> people = {
            contact(RelationType::Parent, QStringLiteral("Luis"), QStringLiteral("luis@example.com"))};
        const Status refused = service.save(c, people);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, QStringLiteral("isMinor"));
        QVERIFY(refused.message().contains(QLatin1String("Legal Guardian")));
        QCOMPARE(rows(fx.store(), "clients"), 0);
        QCOMPARE(rows(fx.store(), "outbox"), 0);

        // C1: the people were added before the client exists; one of them is the guardian.
        people << contact(RelationType::LegalGuardian, QStringLiteral("Marta"), QStringLiteral("marta@example.com"));
        const Status saved = service.save(c, people);
        QVERIFY2(saved, qPrintable(saved.message()));
        QCOMPARE(fx.store().relations().forClient(c.meta.id)->size(), 2);
        QCOMPARE(rows(fx.store(), "outbox"), 5); // client, 2 contacts, 2 relations: one change set

        // Removing the only guardian is refused the same way.
        auto drafts = service.drafts(c.meta.id);
        QVERIFY(drafts);
        const QString guardianId = drafts->at(1).relation.meta.id;
        const Status removal = service.save(c, drafts.value(), {guardianId});
        QVERIFY(!removal);
        QCOMPARE(removal.error().field, QStringLiteral("isMinor"));
        QCOMPARE(fx.store().relations().forClient(c.meta.id)->size(), 2);
    }

    void clientWithoutEmailOrPhoneNeedsAReachableContact()
    {
        test::TemporaryStore fx;
        ClientService service(fx.store());
        Client c;
        c.firstName = QStringLiteral("Bo");
        QList<PersonDraft> people = {contact(RelationType::Parent, QStringLiteral("Ana"), {})};
        QVERIFY(!service.save(c, people));
        people[0].contact.phone = QStringLiteral("+12025550100");
        QVERIFY(service.save(c, people));
        const auto saved = fx.store().relations().forClient(c.meta.id).value();
        QCOMPARE(rules::primaryContactIndex(c, saved, fx.clock().today()), 0); // shown as primary contact (C7)
    }

    void portalInviteNeedsAnEmail()
    {
        test::TemporaryStore fx;
        ClientService service(fx.store());
        Client c;
        c.firstName = QStringLiteral("Bo");
        c.email = QStringLiteral("bo@example.com");
        QList<PersonDraft> people = {
            contact(RelationType::ResponsibleParty, QStringLiteral("Ana"), {}, QStringLiteral("+12025550100"))};
        const Status s = service.save(c, people);
        QVERIFY(!s);
        QCOMPARE(s.error().field, QStringLiteral("contactEmail"));
    }

    void linkingAnExistingClientKeepsItsDetailsCurrent()
    {
        test::TemporaryStore fx;
        QVERIFY(fx.addClients({QStringLiteral("Marta Pérez")}));
        const QString martaId = fx.store().clients().search(QStringLiteral("marta"), 1)->first().id;
        ClientService service(fx.store());
        Client c = minor();
        PersonDraft link;
        link.relation = defaultRelation(RelationType::LegalGuardian);
        link.relation.relatedClientId = martaId; // C3: picked by name or client id
        QList<PersonDraft> people = {link};
        QVERIFY(service.save(c, people));
        const RelatedPerson p = fx.store().relations().forClient(c.meta.id)->first();
        QVERIFY(p.isClient);
        QCOMPARE(p.firstName, QStringLiteral("Marta"));
        QVERIFY(!p.email.isEmpty());
    }

    void parentPortalConflictIsRefused()
    {
        test::TemporaryStore fx;
        QVERIFY(fx.addClients({QStringLiteral("Marta Pérez")}));
        const QString martaId = fx.store().clients().search(QStringLiteral("marta"), 1)->first().id;
        ClientService service(fx.store());
        Client c = minor();
        c.parentPortalUserId = martaId; // Marta runs Lía's portal…
        PersonDraft link;
        link.relation = defaultRelation(RelationType::LegalGuardian); // …and would also be a portal contact
        link.relation.relatedClientId = martaId;
        QList<PersonDraft> people = {link};
        const Status s = service.save(c, people);
        QVERIFY(!s);
        QCOMPARE(s.error().field, QStringLiteral("parentPortalUser"));
        QCOMPARE(rows(fx.store(), "relations"), 0);
        people[0].relation.portalInvite = false;
        people[0].relation.permissions = {};
        QVERIFY(service.save(c, people)); // a guardian without portal access is fine
    }

    // A write that fails at COMMIT, when SQLite writes the change into the WAL, as it does
    // when the disk fills up or fails (every statement before it only changed pages in
    // memory): the save says the change was not saved, nothing of it is kept (no row, no
    // outbox or audit entry), the connection keeps working, and the file is sound when it is
    // opened again.
    void aWriteThatFailsAtCommitIsRolledBackWithAClearMessage()
    {
#ifndef Q_OS_UNIX
        QSKIP("Needs RLIMIT_FSIZE (POSIX) to make the commit's write fail.");
#else
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("practicedesk.db"));
        const SecureBytes key = SecureBytes::random(32);
        ManualClock clock;
        const auto openStore = [&]() -> std::unique_ptr<Store> {
            auto db = QFileInfo::exists(path) ? Database::open(path, key) : Database::create(path, key);
            if (!db) {
                qWarning("%s", qPrintable(db.message()));
                return nullptr;
            }
            return std::make_unique<Store>(std::move(db).value(), clock, Actor{QStringLiteral("test:desk")});
        };
        auto store = openStore();
        QVERIFY(store);
        auto service = std::make_unique<ClientService>(*store);

        Client ana;
        ana.firstName = QStringLiteral("Ana");
        ana.lastName = QStringLiteral("García");
        ana.email = QStringLiteral("ana@example.com");
        QList<PersonDraft> nobody;
        QVERIFY(service->save(ana, nobody));
        const qint64 outboxBefore = rows(*store, "outbox");
        const qint64 auditBefore = rows(*store, "audit_log");

        // What the editor hands the service: a copy of its fields and people, every time.
        const Client boFields = withNote(QStringLiteral("Prefers mornings"));
        const QList<PersonDraft> boPeopleFields = {
            contact(RelationType::Parent, QStringLiteral("Luis"), QStringLiteral("luis@example.com"))};
        Client bo = boFields;
        QList<PersonDraft> boPeople = boPeopleFields;
        Status failed;
        int commitsTried = 0;
        {
            CommitCounter commits(*store);
            test::FileSizeLimit noWrites;
            // 0 bytes: every write fails with EFBIG, wherever the WAL's next frame goes
            // (appended, or from its start after a checkpoint reset it).
            QVERIFY(noWrites.limit(0));
            failed = service->save(bo, boPeople);
            QVERIFY(noWrites.restore()); // before anything prints: the test's log may be a file
            commitsTried = commits.count();
        }
        QVERIFY2(!failed, "the save succeeded although no file could be written");
        // Every statement succeeded and COMMIT was tried: it is the commit that failed.
        QCOMPARE(commitsTried, 1);
        QVERIFY(failed.error().kind == Error::Kind::Io);
        QVERIFY2(failed.message().contains(QLatin1String("could not be written")) &&
                     failed.message().contains(QLatin1String("the change was not saved")) &&
                     failed.message().contains(QLatin1String("then save again")), // what to do about it
                 qPrintable(failed.message()));

        // Nothing of Bo is kept, Ana is untouched, and the connection still reads.
        QVERIFY(!bo.meta.id.isEmpty()); // the ids the failed save had handed out
        const QStringList boIds = {bo.meta.id, boPeople[0].contact.meta.id, boPeople[0].relation.meta.id};
        QVERIFY(!store->clients().get(bo.meta.id));
        QCOMPARE(store->clients().get(ana.meta.id)->email, ana.email);
        QCOMPARE(rows(*store, "clients"), 1);
        QCOMPARE(rows(*store, "contacts"), 0);
        QCOMPARE(rows(*store, "relations"), 0);
        QCOMPARE(rows(*store, "outbox"), outboxBefore);
        QCOMPARE(rows(*store, "audit_log"), auditBefore);
        QCOMPARE(rowsFor(*store, "outbox", "entity_id", boIds), 0);
        QCOMPARE(rowsFor(*store, "audit_log", "entity_id", boIds), 0);
        QCOMPARE(rowsFor(*store, "audit_log", "client_id", {bo.meta.id}), 0);
        QVERIFY(store->clients().search(QStringLiteral("díaz"), 10)->isEmpty());

        // Saving again (once there is room) works on the same connection.
        Client again = boFields;
        QList<PersonDraft> againPeople = boPeopleFields;
        const Status saved = service->save(again, againPeople);
        QVERIFY2(saved, qPrintable(saved.message()));
        QCOMPARE(rows(*store, "clients"), 2);
        QCOMPARE(store->relations().forClient(again.meta.id)->size(), 1);
        QCOMPARE(rows(*store, "outbox"), outboxBefore + 3); // client, contact, relation
        const qint64 outboxAfter = rows(*store, "outbox");
        const qint64 auditAfter = rows(*store, "audit_log");

        // Closed and opened again: the same data, and a sound file.
        service.reset();
        store.reset();
        store = openStore();
        QVERIFY(store);
        QCOMPARE(rows(*store, "clients"), 2);
        QCOMPARE(store->clients().get(ana.meta.id)->email, ana.email);
        QCOMPARE(store->clients().get(again.meta.id)->notes, boFields.notes);
        QVERIFY(!store->clients().get(bo.meta.id));
        QCOMPARE(store->relations().forClient(again.meta.id)->size(), 1);
        QCOMPARE(rows(*store, "outbox"), outboxAfter);
        QCOMPARE(rows(*store, "audit_log"), auditAfter);
        const auto problems = store->database().check();
        QVERIFY2(problems, qPrintable(problems.message()));
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
#endif
    }

    // Notes are limited to 10,000 characters as a person counts them (an emoji is one, not
    // the two UTF-16 units QString::size() counts). Over the limit, the save names the limit
    // beside the notes and writes nothing at all.
    void notesOverTheLimitAreRefusedAndNothingIsStored_data()
    {
        QTest::addColumn<QString>("note");
        QTest::addColumn<bool>("saves");
        const QString emoji = QStringLiteral("\U0001F600"); // 😀: one character, two UTF-16 units
        QTest::newRow("10,000 characters") << QString(rules::kMaxNoteLength, QLatin1Char('n')) << true;
        QTest::newRow("10,001 characters") << QString(rules::kMaxNoteLength + 1, QLatin1Char('n')) << false;
        QTest::newRow("10,000 characters, half emoji (15,000 UTF-16 units)")
            << emoji.repeated(rules::kMaxNoteLength / 2) + QString(rules::kMaxNoteLength / 2, QLatin1Char('n')) << true;
        QTest::newRow("10,000 emoji (20,000 UTF-16 units)") << emoji.repeated(rules::kMaxNoteLength) << true;
        QTest::newRow("10,001 emoji") << emoji.repeated(rules::kMaxNoteLength + 1) << false;
    }

    void notesOverTheLimitAreRefusedAndNothingIsStored()
    {
        QFETCH(QString, note);
        QFETCH(bool, saves);
        test::TemporaryStore fx;
        QVERIFY(fx.isValid());
        ClientService service(fx.store());
        Client c = withNote(note);
        QList<PersonDraft> people = {
            contact(RelationType::Parent, QStringLiteral("Luis"), QStringLiteral("luis@example.com"))};
        const Status s = service.save(c, people);
        if (saves) {
            QVERIFY2(s, qPrintable(s.message()));
            QCOMPARE(fx.store().clients().get(c.meta.id)->notes, note);
            QCOMPARE(rows(fx.store(), "clients"), 1);
            QCOMPARE(rows(fx.store(), "outbox"), 3); // client, contact, relation
            return;
        }
        QVERIFY(!s);
        QVERIFY(s.error().kind == Error::Kind::Invalid);
        QCOMPARE(s.error().field, QStringLiteral("notes"));
        QVERIFY2(s.message().contains(QStringLiteral("limited to %1 characters").arg(rules::kMaxNoteLength)) &&
                     s.message().contains(QStringLiteral("these have %1").arg(rules::kMaxNoteLength + 1)),
                 qPrintable(s.message()));
        QVERIFY(c.meta.id.isEmpty()); // refused before any id was handed out
        QCOMPARE(rows(fx.store(), "clients"), 0);
        QCOMPARE(rows(fx.store(), "contacts"), 0);
        QCOMPARE(rows(fx.store(), "relations"), 0);
        QCOMPARE(rows(fx.store(), "outbox"), 0);
        QCOMPARE(rows(fx.store(), "audit_log"), 0);
        QVERIFY(fx.store().clients().search(QStringLiteral("díaz"), 10)->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestClientService)
#include "TestClientService.moc"
