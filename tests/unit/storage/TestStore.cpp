// The encrypted store: opening, refusing, writing changes with their outbox and audit rows,
// search, relations and settings. Real SQLCipher files in a temporary folder.
#include "core/ClientRules.h"
#include "core/ContactValidation.h"
#include "core/RelationTypes.h"
#include "core/Text.h"
#include "core/csv/CsvReader.h"
#include "storage/ClientImporter.h"
#include "storage/DemoData.h"
#include "storage/Store.h"
#include "storage/driver/SqlCipherDriver.h"
#include "storage/vault/SecureBytes.h"
#include "tests/testsupport/TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace pd;

class TestStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    SecureBytes m_key = SecureBytes::random(32);
    ManualClock m_clock;
    int m_n = 0;

    QString freshPath() { return m_tmp.filePath(QStringLiteral("db%1/practicedesk.db").arg(++m_n)); }

    std::unique_ptr<Store> makeStore(const QString& path)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        auto db = QFileInfo::exists(path) ? Database::open(path, m_key) : Database::create(path, m_key);
        if (!db)
            qWarning() << db.message();
        return db ? std::make_unique<Store>(std::move(db).value(), m_clock, Actor{QStringLiteral("test:desk")})
                  : nullptr;
    }

    // A "full disk": the database may grow by at most `pages` more pages.
    static bool limitGrowth(Store& s, qint64 pages)
    {
        QSqlQuery q(s.sql());
        return q.exec(QStringLiteral("PRAGMA page_count")) && q.next() &&
               q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(q.value(0).toLongLong() + pages));
    }

    static QString journalMode(Store& s)
    {
        QSqlQuery q(s.sql());
        return q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next() ? q.value(0).toString() : QString();
    }

    // An import file of n clients named Family0 … Family{n-1}.
    static QByteArray familiesCsv(int n)
    {
        QByteArray csv = "first_name,last_name,email,mobile_phone,date_of_birth,is_minor\n";
        for (int i = 0; i < n; ++i)
            csv += QStringLiteral("Name%1,Family%1,n%1@example.com,,1990-01-01,no\n").arg(i).toUtf8();
        return csv;
    }

    static qint64 count(Store& s, const QString& table)
    {
        QSqlQuery q(s.sql());
        q.exec(QStringLiteral("SELECT count(*) FROM ") + table);
        q.next();
        return q.value(0).toLongLong();
    }

    static Status saveClient(Store& s, Client& c)
    {
        auto cs = s.changeSet();
        if (Status st = cs->begin(); !st)
            return st;
        if (Status st = s.clients().save(*cs, c); !st)
            return st;
        return cs->commit();
    }

    // Every column an import file may have.
    static inline const QByteArray kFullHeader =
        QByteArrayLiteral("first_name,last_name,email,mobile_phone,date_of_birth,is_minor,contact_first_name,"
                          "contact_last_name,contact_email,contact_phone,contact_relation\n");

    // A stored row as SQLite holds it: each column's type and value, all but `except`.
    static QStringList storedRow(Store& s, const QString& table, const QString& id, const QStringList& except)
    {
        QSqlQuery q(s.sql());
        q.prepare(QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(table));
        q.addBindValue(id);
        if (!q.exec() || !q.next())
            return {QStringLiteral("no row")};
        QStringList out;
        const QSqlRecord r = q.record();
        for (int i = 0; i < r.count(); ++i)
            if (!except.contains(r.fieldName(i)))
                out << QStringLiteral("%1 %2 %3")
                           .arg(r.fieldName(i),
                                q.isNull(i) ? QStringLiteral("null")
                                            : QString::fromLatin1(q.value(i).metaType().name()),
                                q.value(i).toString());
        return out;
    }

    // The outbox entry of one row, as sent: its JSON text.
    static QString outboxFields(Store& s, const QString& entityId)
    {
        QSqlQuery q(s.sql());
        q.prepare(QStringLiteral("SELECT fields FROM outbox WHERE entity_id = ?"));
        q.addBindValue(entityId);
        return q.exec() && q.next() ? q.value(0).toString() : QStringLiteral("no entry");
    }

    static Client client(const QString& first, const QString& last, const QString& email = {})
    {
        Client c;
        c.firstName = first;
        c.lastName = last;
        c.email = email;
        return c;
    }

private slots:
    void newDatabaseIsEncryptedIncludingWalWhileOpen()
    {
        const QString path = freshPath();
        auto store = makeStore(path);
        QVERIFY(store);
        Client c =
            client(QStringLiteral("Quentin"), QStringLiteral("Plaintextcheck"), QStringLiteral("quentin@example.com"));
        QVERIFY(saveClient(*store, c));
        // The store is still open: the WAL and shared-memory files exist right now.
        QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
        for (const auto& [file, bytes] : test::snapshot(QFileInfo(path).absolutePath())) {
            QVERIFY2(!bytes.startsWith("SQLite format 3"), qPrintable(file));
            QVERIFY2(!bytes.contains("Plaintextcheck") && !bytes.contains("quentin@example"), qPrintable(file));
        }
    }

    void wrongKeyIsRefusedAndNothingChanges()
    {
        const QString path = freshPath();
        {
            auto store = makeStore(path);
            Client c = client(QStringLiteral("Ana"), QStringLiteral("García"), QStringLiteral("ana@example.com"));
            QVERIFY(saveClient(*store, c));
        }
        const auto before = test::snapshot(QFileInfo(path).absolutePath());
        auto db = Database::open(path, SecureBytes::random(32));
        QVERIFY(!db);
        QCOMPARE(db.error().kind, Error::Kind::WrongKey);
        QVERIFY(db.message().contains(QLatin1String("Nothing was changed")));
        QCOMPARE(test::snapshot(QFileInfo(path).absolutePath()), before);
    }

    void missingFileIsNotCreated()
    {
        const QString path = m_tmp.filePath(QStringLiteral("nothing-here.db"));
        auto db = Database::open(path, m_key);
        QVERIFY(!db);
        QCOMPARE(db.error().kind, Error::Kind::NotFound);
        QVERIFY(!QFile::exists(path));
    }

    void newerDatabaseIsRefusedUntouched()
    {
        const QString path = freshPath();
        {
            auto store = makeStore(path);
            QVERIFY(store->database().exec(QStringLiteral("PRAGMA user_version = 99")));
        }
        const auto before = test::snapshot(QFileInfo(path).absolutePath());
        auto db = Database::open(path, m_key);
        QVERIFY(!db);
        QCOMPARE(db.error().kind, Error::Kind::TooNew);
        QVERIFY(db.message().contains(QLatin1String("newer version")));
        QCOMPARE(test::snapshot(QFileInfo(path).absolutePath()), before);
    }

    void everyChangeWritesOutboxAndAuditInTheSameTransaction()
    {
        auto store = makeStore(freshPath());
        Client c = client(QStringLiteral("Ana"), QStringLiteral("García"), QStringLiteral("ana@example.com"));
        QVERIFY(saveClient(*store, c));
        QCOMPARE(count(*store, QStringLiteral("outbox")), 1);
        QCOMPARE(count(*store, QStringLiteral("audit_log")), 1);

        // Only the changed field goes into the outbox entry.
        c.email = QStringLiteral("ana.garcia@example.com");
        QVERIFY(saveClient(*store, c));
        QSqlQuery q(store->sql());
        QVERIFY(q.exec(QStringLiteral("SELECT fields, kind, base_version FROM outbox ORDER BY seq DESC LIMIT 1")) &&
                q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("{\"email\":\"ana.garcia@example.com\"}"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("upsert"));

        // Saving without a change writes nothing.
        QVERIFY(saveClient(*store, c));
        QCOMPARE(count(*store, QStringLiteral("outbox")), 2);

        // A change set that is not committed leaves no trace at all.
        {
            auto cs = store->changeSet();
            QVERIFY(cs->begin());
            Client other = client(QStringLiteral("Bo"), QStringLiteral("Berg"), QStringLiteral("bo@example.com"));
            QVERIFY(store->clients().save(*cs, other));
        }
        QCOMPARE(count(*store, QStringLiteral("clients")), 1);
        QCOMPARE(count(*store, QStringLiteral("outbox")), 2);
        QCOMPARE(count(*store, QStringLiteral("audit_log")), 2);

        auto audit = store->auditForClient(c.meta.id);
        QVERIFY(audit);
        QCOMPARE(audit->size(), 2);
        QCOMPARE(audit->first().actor, QStringLiteral("test:desk"));
        QCOMPARE(audit->first().action, QStringLiteral("update"));
        // The timeline names the changed fields as staff know them (D5).
        QCOMPARE(audit->first().summary, QStringLiteral("Changed: Email"));
        c.mobilePhone = QStringLiteral("+15550102030");
        c.notes = QStringLiteral("Prefers mornings");
        QVERIFY(saveClient(*store, c));
        QCOMPARE(store->auditForClient(c.meta.id)->first().summary, QStringLiteral("Changed: Mobile phone, Notes"));
    }

    void diskFullDuringCommitRollsBackWithAClearMessage()
    {
        auto store = makeStore(freshPath());
        Client keep = client(QStringLiteral("Ana"), QStringLiteral("García"), QStringLiteral("ana@example.com"));
        QVERIFY(saveClient(*store, keep));
        QVERIFY(limitGrowth(*store, 0));
        auto cs = store->changeSet();
        QVERIFY(cs->begin());
        Status failed;
        for (int i = 0; i < 500 && failed; ++i) {
            Client c = client(QStringLiteral("Filler%1").arg(i), QString(QStringLiteral("x")).repeated(900),
                              QStringLiteral("f%1@example.com").arg(i));
            failed = store->clients().save(*cs, c);
        }
        if (failed)
            failed = cs->commit();
        QVERIFY(!failed);
        QVERIFY2(failed.message().contains(QLatin1String("disk is full")), qPrintable(failed.message()));
        cs.reset();
        QCOMPARE(count(*store, QStringLiteral("clients")), 1);
        QCOMPARE(count(*store, QStringLiteral("outbox")), 1);
        QVERIFY(store->clients().get(keep.meta.id));
    }

    // A bulk import writes many rows per statement; when the disk fills part way, nothing of
    // it is kept and the message says which lines were being written and why.
    void diskFullDuringAnImportKeepsNothingOfIt()
    {
        auto store = makeStore(freshPath());
        Client keep = client(QStringLiteral("Ana"), QStringLiteral("García"), QStringLiteral("ana@example.com"));
        QVERIFY(saveClient(*store, keep));
        QVERIFY(limitGrowth(*store, 20));
        auto report = importClientsCsv(*store, familiesCsv(5000), {});
        QVERIFY(!report);
        QVERIFY2(report.message().contains(QLatin1String("disk is full")), qPrintable(report.message()));
        QCOMPARE(journalMode(*store), QStringLiteral("wal")); // back from the import's rollback journal
        QVERIFY2(report.message().contains(QRegularExpression(QStringLiteral("lines \\d+ to \\d+"))),
                 qPrintable(report.message()));
        QCOMPARE(count(*store, QStringLiteral("clients")), 1);
        QCOMPARE(count(*store, QStringLiteral("outbox")), 1);
        QCOMPARE(count(*store, QStringLiteral("search_terms")), qint64(ClientRepository::searchTermsFor(keep).size()));
        QVERIFY(store->clients().get(keep.meta.id));
    }

    // An import says how far it is: the rows it checks, the clients written so far (never
    // going back), then the search index and the commit; invalid rows skipped are not
    // counted among those to write.
    void anImportReportsItsProgress()
    {
        auto store = makeStore(freshPath());
        QByteArray csv = familiesCsv(10000);
        csv += "Bad,Row,not-an-email,,,no\n";
        QList<ImportProgress> seen;
        ImportOptions options;
        options.skipInvalid = true;
        options.progress = [&seen](const ImportProgress& p) { seen << p; };
        auto report = importClientsCsv(*store, csv, options);
        QVERIFY2(report, qPrintable(report.message()));
        QCOMPARE(report->imported, 10000);
        QVERIFY(seen.size() >= 4);
        QCOMPARE(seen.first().stage, ImportProgress::Stage::Checking);
        QCOMPARE(seen.first().total, 10001);
        QCOMPARE(seen.last().stage, ImportProgress::Stage::Finishing);
        QCOMPARE(seen.last().done, 10000);
        qsizetype written = -1;
        int writes = 0;
        for (qsizetype i = 1; i < seen.size(); ++i) {
            QVERIFY(seen.at(i).stage >= seen.at(i - 1).stage);
            if (seen.at(i).stage != ImportProgress::Stage::Writing)
                continue;
            ++writes;
            QCOMPARE(seen.at(i).total, 10000);
            QVERIFY(seen.at(i).done >= written);
            written = seen.at(i).done;
        }
        QVERIFY2(writes >= 3, "progress while writing, not only at its ends");
        QCOMPARE(written, 10000);
        // Checking goes forward too, part by part, up to every row of the file.
        qsizetype checkedRows = -1;
        int checks = 0;
        for (const ImportProgress& p : std::as_const(seen)) {
            if (p.stage != ImportProgress::Stage::Checking)
                continue;
            ++checks;
            QVERIFY(p.done >= checkedRows);
            checkedRows = p.done;
        }
        QVERIFY2(checks >= 3, "progress while checking, not only at its start");
        QCOMPARE(checkedRows, 10001);
    }

    // Rows are checked a part of the file at a time on several threads: the problems still
    // come in file order, and a row repeating one from an earlier part is still found.
    void problemsOfALargeFileComeInFileOrder()
    {
        auto store = makeStore(freshPath());
        QByteArray csv = "first_name,last_name,email\n";
        QStringList expected;
        for (int i = 0; i < 20000; ++i) {
            const int line = i + 2;
            if (i % 3001 == 7) {
                csv += "Bad,Email,no-at-sign\n";
                expected << QStringLiteral("line %1: The email address needs an @").arg(line);
            } else if (i % 4999 == 11 && i > 4096) {
                csv += "Person0,Family0,p0@example.com\n"; // the file's first client again
                expected << QStringLiteral("line %1: duplicate of line 2").arg(line);
            } else {
                csv += QStringLiteral("Person%1,Family%1,p%1@example.com\n").arg(i).toUtf8();
            }
        }
        auto report = importClientsCsv(*store, csv, {});
        QVERIFY2(report, qPrintable(report.message()));
        QCOMPARE(report->imported, 0); // nothing, as some rows are refused
        QCOMPARE(report->problems.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QVERIFY2(report->problems.at(i).startsWith(expected.at(i)), qPrintable(report->problems.at(i)));
        QCOMPARE(count(*store, QStringLiteral("clients")), qint64(0));
    }

    // The export reads the list a page at a time: every client comes once, in name order,
    // also where a page boundary falls inside a run of clients with the same name.
    void anExportHasEveryClientOnceInNameOrder()
    {
        auto store = makeStore(freshPath());
        QByteArray csv = "first_name,last_name,email\n";
        for (int i = 0; i < 4500; ++i) {
            const QString last = i >= 1990 && i < 2020 ? QStringLiteral("Family1995")
                                                       : QStringLiteral("Family%1").arg(i, 4, 10, QLatin1Char('0'));
            csv += QStringLiteral("Person,%1,p%2@example.com\n").arg(last).arg(i).toUtf8();
        }
        auto report = importClientsCsv(*store, csv, {});
        QVERIFY2(report && report->imported == 4500, qPrintable(report.message()));
        auto exported = exportClientsCsv(*store);
        QVERIFY2(exported, qPrintable(exported.message()));
        const QList<QByteArray> lines = exported->trimmed().split('\n');
        QCOMPARE(lines.size(), 4501);
        QSet<QByteArray> emails;
        QByteArray previousLast;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> fields = lines.at(i).split(',');
            QVERIFY(fields.at(1) >= previousLast);
            previousLast = fields.at(1);
            emails.insert(fields.at(2));
        }
        QCOMPARE(emails.size(), 4500);
    }

    // The command line's import writes straight into the file (a rollback journal instead of
    // the WAL, each page once), then the WAL is back: a reader is not held up by a writer.
    void anImportGoesBackToTheWalAfterwards()
    {
        const QString path = freshPath();
        auto store = makeStore(path);
        auto report = importClientsCsv(*store, familiesCsv(300), {});
        QVERIFY2(report, qPrintable(report.message()));
        QCOMPARE(journalMode(*store), QStringLiteral("wal"));
        QVERIFY(!QFile::exists(path + QStringLiteral("-journal")));
        // The import's pages are in the file, not waiting in the WAL for a checkpoint.
        QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() < QFileInfo(path).size() / 4);

        auto writing = store->changeSet();
        QVERIFY(writing->begin());
        Client c = client(QStringLiteral("Ana"), QStringLiteral("García"));
        QVERIFY(store->clients().save(*writing, c));
        auto reader = makeStore(path); // reads while the write is open: WAL mode
        QVERIFY(reader);
        QCOMPARE(reader->clients().search(QStringLiteral("family"), 1000)->size(), 300);
        QVERIFY(writing->commit());
        QCOMPARE(reader->clients().search(QStringLiteral("garcía"), 10)->size(), 1);
    }

    // With another connection open (the desktop, say), the import cannot switch journals; it
    // imports through the WAL as any other change, and the other connection sees the clients.
    void anImportNextToAnOpenDesktopGoesThroughTheWal()
    {
        const QString path = freshPath();
        auto store = makeStore(path);
        auto desktop = makeStore(path);
        QVERIFY(desktop);
        QCOMPARE(desktop->clients().search(QString(), 10)->size(), 0);
        auto report = importClientsCsv(*store, familiesCsv(200), {});
        QVERIFY2(report, qPrintable(report.message()));
        QCOMPARE(report->imported, 200);
        QCOMPARE(journalMode(*store), QStringLiteral("wal"));
        QCOMPARE(desktop->clients().search(QStringLiteral("family1"), 1000)->size(), 111); // 1, 10–19, 100–199
        QVERIFY(store->database().check()->isEmpty());
    }

    // A desktop started while a command-line import writes straight into the file waits
    // for it (the busy timeout), then is told the database is in use: not that it is
    // damaged. Started afterwards, it opens and sees the clients.
    void openingDuringADirectImportSaysTheDatabaseIsBusy()
    {
        const QString path = freshPath();
        auto store = makeStore(path);
        QVERIFY(store->database().exec(QStringLiteral("PRAGMA cache_size = 20"))); // the file is being written
        RollbackJournal direct(store->database());
        QVERIFY(direct.active());
        auto cs = store->changeSet();
        QVERIFY(cs->begin());
        for (int i = 0; i < 400; ++i) {
            Client c = client(QStringLiteral("Name%1").arg(i), QStringLiteral("Family%1").arg(i));
            QVERIFY(store->clients().save(*cs, c));
        }
        auto opened = Database::open(path, m_key);
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, Error::Kind::Unavailable);
        QVERIFY2(opened.message().contains(QLatin1String("in use by another program")), qPrintable(opened.message()));
        QVERIFY(cs->commit());
        QVERIFY(direct.end());
        auto later = makeStore(path);
        QVERIFY(later);
        QCOMPARE(later->clients().search(QStringLiteral("family"), 1000)->size(), 400);
    }

    // Re-encryption needs the file to itself: with the desktop open it is refused with a
    // message that says so, and the old key still opens everything.
    void rekeyWithTheDesktopOpenIsRefusedAndChangesNothing()
    {
        const QString path = freshPath();
        auto store = makeStore(path);
        Client keep = client(QStringLiteral("Ana"), QStringLiteral("García"), QStringLiteral("ana@example.com"));
        QVERIFY(saveClient(*store, keep));
        auto desktop = makeStore(path);
        QVERIFY(desktop);
        const Status s = store->database().rekey(SecureBytes::random(32));
        QVERIFY(!s);
        QVERIFY2(s.message().contains(QLatin1String("open in another program")), qPrintable(s.message()));
        QCOMPARE(journalMode(*store), QStringLiteral("wal"));
        store.reset();
        desktop.reset();
        auto reopened = makeStore(path);
        QVERIFY(reopened);
        QVERIFY(reopened->clients().get(keep.meta.id));
    }

    // A power cut in the middle of an import: the files as they are just before the commit
    // (pages already spilled into the file, the journal holding what they replaced) are
    // rolled back on the next open. Nothing of the import shows, nothing was plaintext, and a
    // wrong key is still refused.
    void anImportCutOffPartWayLeavesTheDatabaseAsItWas()
    {
        const QString path = freshPath();
        auto store = makeStore(path);
        Client keep = client(QStringLiteral("Ana"), QStringLiteral("García"), QStringLiteral("ana@example.com"));
        QVERIFY(saveClient(*store, keep));
        QVERIFY(store->database().exec(QStringLiteral("PRAGMA cache_size = 20"))); // spill pages early

        struct Cut
        {
            QString db, to;
            qint64 sizeBefore = 0;
            bool taken = false;
        } cut{path, m_tmp.filePath(QStringLiteral("cut%1").arg(m_n)), QFileInfo(path).size()};
        sqlite3* handle = store->sql().driver()->handle().value<sqlite3*>();
        sqlite3_commit_hook(
            handle,
            [](void* data) {
                auto* c = static_cast<Cut*>(data);
                // The import's commit (not the journal switch's), once part of it is in the file:
                // the files as a power cut at this moment would leave them.
                if (!c->taken && QFileInfo(c->db).size() > c->sizeBefore + 100 * 4096) {
                    c->taken = true;
                    QDir().mkpath(c->to);
                    for (const auto& [file, bytes] : test::snapshot(QFileInfo(c->db).absolutePath()))
                        test::writeAll(QDir(c->to).filePath(file), bytes);
                }
                return 0;
            },
            &cut);
        auto report = importClientsCsv(*store, familiesCsv(2000), {});
        sqlite3_commit_hook(handle, nullptr, nullptr);
        QVERIFY2(report, qPrintable(report.message()));
        QVERIFY2(cut.taken, "no part of the import was in the file before its commit");

        const QString copy = QDir(cut.to).filePath(QFileInfo(path).fileName());
        QVERIFY2(QFile::exists(copy + QStringLiteral("-journal")), "the import ran with a rollback journal");
        for (const auto& [file, bytes] : test::snapshot(cut.to)) {
            QVERIFY2(!bytes.startsWith("SQLite format 3"), qPrintable(file));
            QVERIFY2(!bytes.contains("Family1") && !bytes.contains("n1@example") && !bytes.contains("García"),
                     qPrintable(file));
        }

        auto wrong = Database::open(copy, SecureBytes::random(32));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().kind, Error::Kind::WrongKey);

        auto reopened = makeStore(copy);
        QVERIFY(reopened);
        QCOMPARE(reopened->clients().search(QString(), 10)->size(), 1);
        QCOMPARE(reopened->clients().search(QStringLiteral("family"), 10)->size(), 0);
        QCOMPARE(count(*reopened, QStringLiteral("outbox")), 1);
        QVERIFY(reopened->clients().get(keep.meta.id));
        QVERIFY(reopened->database().check()->isEmpty());
        QVERIFY(!QFile::exists(copy + QStringLiteral("-journal")));
    }

    void readOnlyDatabaseRefusesTheWriteAndKeepsData()
    {
        auto store = makeStore(freshPath());
        Client keep = client(QStringLiteral("Ana"), QStringLiteral("García"), QStringLiteral("ana@example.com"));
        QVERIFY(saveClient(*store, keep));
        QVERIFY(store->database().exec(QStringLiteral("PRAGMA query_only = 1")));
        keep.email = QStringLiteral("changed@example.com");
        const Status s = saveClient(*store, keep);
        QVERIFY(!s);
        QVERIFY2(s.message().contains(QLatin1String("not saved")), qPrintable(s.message()));
        QVERIFY(store->database().exec(QStringLiteral("PRAGMA query_only = 0")));
        QCOMPARE(store->clients().get(keep.meta.id)->email, QStringLiteral("ana@example.com"));
    }

    void searchFindsNamesInAnyScript_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::addColumn<QString>("query");
        QTest::newRow("accent, typed without")
            << QStringLiteral("José") << QStringLiteral("Núñez") << QStringLiteral("nun");
        QTest::newRow("decomposed input")
            << QStringLiteral("Jose\u0301") << QStringLiteral("Ruiz") << QStringLiteral("josé r");
        QTest::newRow("last name first") << QStringLiteral("Ana") << QStringLiteral("Åberg")
                                         << QStringLiteral("aberg an");
        QTest::newRow("arabic") << QStringLiteral("محمد") << QStringLiteral("حداد") << QStringLiteral("حد");
        QTest::newRow("hebrew") << QStringLiteral("נועה") << QStringLiteral("כהן") << QStringLiteral("נוע");
        QTest::newRow("chinese") << QStringLiteral("娜") << QStringLiteral("李") << QStringLiteral("李");
        QTest::newRow("emoji") << QStringLiteral("Zoë 🌈") << QStringLiteral("Lee") << QStringLiteral("zoe");
        // A character outside the BMP right after what was typed: 4 bytes in UTF-8, which
        // sort after U+FFFF in the index.
        QTest::newRow("emoji right after the prefix")
            << QStringLiteral("Zoë🌈") << QStringLiteral("Lee") << QStringLiteral("zoe");
        QTest::newRow("supplementary ideograph after the prefix")
            << QStringLiteral("𠮷") << QStringLiteral("田𠮷") << QStringLiteral("田");
        QTest::newRow("second word of a name")
            << QStringLiteral("Hans") << QStringLiteral("van der Berg") << QStringLiteral("berg");
        QTest::newRow("case") << QStringLiteral("ÉLODIE") << QStringLiteral("Roux") << QStringLiteral("élodie");
    }

    void searchFindsNamesInAnyScript()
    {
        QFETCH(QString, first);
        QFETCH(QString, last);
        QFETCH(QString, query);
        auto store = makeStore(freshPath());
        Client c = client(first, last, QStringLiteral("someone@example.com"));
        QVERIFY(saveClient(*store, c));
        Client other = client(QStringLiteral("Unrelated"), QStringLiteral("Person"), QStringLiteral("x@example.com"));
        QVERIFY(saveClient(*store, other));
        auto hits = store->clients().search(query, 10);
        QVERIFY(hits);
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().id, c.meta.id);
        // Stored in NFC whatever form was typed.
        QCOMPARE(hits->first().firstName, first.normalized(QString::NormalizationForm_C));
    }

    // The list is ordered by a key made from the two names' search keys. It must stay the key
    // that earlier versions stored, text::searchKey(last + ' ' + first), or old and new rows
    // would sort apart.
    void sortKeyIsTheSearchKeyOfLastNameThenFirst_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::newRow("plain") << QStringLiteral("Ana") << QStringLiteral("García");
        QTest::newRow("spaces around and inside")
            << QStringLiteral("  María   José ") << QStringLiteral(" van  der Berg");
        QTest::newRow("no-break and other spaces")
            << QStringLiteral("Ana\u00a0Sofía") << QStringLiteral("Lee\u2003Kim");
        QTest::newRow("first name only") << QStringLiteral("Prince") << QString();
        QTest::newRow("last name only") << QString() << QStringLiteral("Østergaard");
        QTest::newRow("name of spaces") << QStringLiteral("   ") << QStringLiteral("Lee");
        QTest::newRow("decomposed accents") << QStringLiteral("Jose\u0301") << QStringLiteral("Nu\u0303n\u0303ez");
        QTest::newRow("starts with a combining mark") << QStringLiteral("\u0301Ana") << QStringLiteral("Roux\u0308");
        QTest::newRow("compatibility forms") << QStringLiteral("\u00a8Ana") << QStringLiteral("\ufb01lipe \u2460");
        QTest::newRow("case folding that grows") << QStringLiteral("STRAẞE") << QStringLiteral("ǅORĐE");
        QTest::newRow("hangul jamo at the join") << QStringLiteral("\u1100\u1161") << QStringLiteral("\u1100");
        QTest::newRow("right to left and emoji") << QStringLiteral("محمد 🌈") << QStringLiteral("כהן");
    }

    void sortKeyIsTheSearchKeyOfLastNameThenFirst()
    {
        QFETCH(QString, first);
        QFETCH(QString, last);
        Client c = client(first, last, QString());
        const QString expected = text::searchKey(last + QLatin1Char(' ') + first);
        QCOMPARE(ClientRepository::columnsOf(c).value(QStringLiteral("sort_key")).toString(), expected);
        // What a bulk import stores is the same.
        auto store = makeStore(freshPath());
        const QByteArray csv =
            CsvWriter::line({QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("email")}) +
            CsvWriter::line({first, last, QStringLiteral("someone@example.com")});
        auto report = importClientsCsv(*store, csv, {});
        if (text::clean(first).isEmpty() && text::clean(last).isEmpty())
            return; // refused: no name
        QVERIFY2(report, qPrintable(report.message()));
        QVERIFY2(report->imported == 1, qPrintable(report->problems.join(QLatin1Char('\n'))));
        QSqlQuery q(store->sql());
        QVERIFY(q.exec(QStringLiteral("SELECT sort_key FROM clients")) && q.next());
        QCOMPARE(q.value(0).toString(), text::searchKey(text::clean(last) + QLatin1Char(' ') + text::clean(first)));
    }

    void searchByEmailPhoneAndClientNumber()
    {
        auto store = makeStore(freshPath());
        Client c = client(QStringLiteral("Ana"), QStringLiteral("García"), QStringLiteral("ana.garcia@example.com"));
        c.mobilePhone = QStringLiteral("+12025550147");
        QVERIFY(saveClient(*store, c));
        for (const QString& q : {QStringLiteral("ANA.GAR"), QStringLiteral("+1 202 555"),
                                 QStringLiteral("(202) 555-01"), QString::number(c.clientNumber)}) {
            auto hits = store->clients().search(q, 10);
            QVERIFY2(hits && hits->size() == 1, qPrintable(q));
        }
        QVERIFY(store->clients().search(QStringLiteral("bob"), 10)->isEmpty());
        // Injection-looking search text is just text.
        QVERIFY(store->clients().search(QStringLiteral("' OR 1=1 --"), 10)->isEmpty());
    }

    void deletedClientsDisappearFromSearch()
    {
        auto store = makeStore(freshPath());
        Client c = client(QStringLiteral("Ana"), QStringLiteral("García"), QStringLiteral("ana@example.com"));
        QVERIFY(saveClient(*store, c));
        auto cs = store->changeSet();
        QVERIFY(cs->begin());
        QVERIFY(store->clients().remove(*cs, c.meta.id));
        QVERIFY(cs->commit());
        QVERIFY(store->clients().search(QStringLiteral("ana"), 10)->isEmpty());
        QVERIFY(store->clients().get(c.meta.id)->meta.deleted); // a tombstone until it syncs
        QCOMPARE(*store->clients().count(), 0);
        QCOMPARE(count(*store, QStringLiteral("search_terms")), 0);
        // Saved again (a delete undone), the client is found again.
        c.meta.deleted = false;
        QVERIFY(saveClient(*store, c));
        QCOMPARE(store->clients().search(QStringLiteral("ana"), 10)->size(), 1);
    }

    void renamedClientIsFoundOnlyByTheNewName()
    {
        auto store = makeStore(freshPath());
        Client c = client(QStringLiteral("Ana María"), QStringLiteral("García"), QStringLiteral("ana@example.com"));
        QVERIFY(saveClient(*store, c));
        const qint64 terms = count(*store, QStringLiteral("search_terms"));
        c.lastName = QStringLiteral("Ortega");
        c.email = QStringLiteral("ana.ortega@example.com");
        QVERIFY(saveClient(*store, c));
        QVERIFY(store->clients().search(QStringLiteral("garc"), 10)->isEmpty());
        QVERIFY(store->clients().search(QStringLiteral("ana@"), 10)->isEmpty());
        for (const QString& q : {QStringLiteral("orte"), QStringLiteral("maría"), QStringLiteral("ana.ortega"),
                                 QStringLiteral("ana maria")})
            QVERIFY2(store->clients().search(q, 10)->size() == 1, qPrintable(q));
        QCOMPARE(count(*store, QStringLiteral("search_terms")), terms); // old terms gone, not piled up
    }

    // A row that is a client already is refused (with the client's number); a deleted
    // client is not in the way of importing the same person again.
    void importRefusesClientsAlreadyThereButNotDeletedOnes()
    {
        auto store = makeStore(freshPath());
        Client kept = client(QStringLiteral("Zoë"), QStringLiteral("Østergaard"), QStringLiteral("zoe@example.com"));
        kept.mobilePhone = QStringLiteral("+12025550100");
        kept.dateOfBirth = QDate(1990, 5, 1);
        Client gone = client(QStringLiteral("Liam"), QStringLiteral("O'Brien"), QStringLiteral("liam@example.com"));
        QVERIFY(saveClient(*store, kept));
        QVERIFY(saveClient(*store, gone));
        {
            auto cs = store->changeSet();
            QVERIFY(cs->begin());
            QVERIFY(store->clients().remove(*cs, gone.meta.id));
            QVERIFY(cs->commit());
        }
        const QByteArray rows =
            kFullHeader + QByteArrayLiteral("zoe,ØSTERGAARD,Zoe@Example.com,(202) 555-0100,1990-05-01,"
                                            "no,,,,,\n"
                                            "Liam,O'Brien,liam@example.com,,,no,,,,,\n");
        auto refused = importClientsCsv(*store, rows, {});
        QVERIFY2(refused, qPrintable(refused.message()));
        QCOMPARE(refused->imported, 0);
        QCOMPARE(refused->problems,
                 QStringList{QStringLiteral("line 2: already in the database as client %1").arg(kept.clientNumber)});
        QCOMPARE(*store->clients().count(), 1);

        ImportOptions skip;
        skip.skipInvalid = true;
        auto imported = importClientsCsv(*store, rows, skip);
        QVERIFY2(imported, qPrintable(imported.message()));
        QCOMPARE(imported->imported, 1);
        QCOMPARE(*store->clients().count(), 2);
        QCOMPARE(store->clients().search(QStringLiteral("liam"), 10)->size(), 1);
    }

    // A bulk import writes what saving the same people one by one writes: the rows, one
    // outbox entry and one audit entry each, the search terms, numbers after the last one.
    void importWritesWhatSavingOneByOneWrites()
    {
        auto store = makeStore(freshPath());
        Client first = client(QStringLiteral("Zoë"), QStringLiteral("Østergaard"), QStringLiteral("zoe@example.com"));
        first.mobilePhone = QStringLiteral("+12025550100");
        QVERIFY(saveClient(*store, first));
        auto report = importClientsCsv(
            *store,
            kFullHeader +
                QByteArrayLiteral("Zoë,Østergaard,zoe.o@example.com,+1 202 555 0101,1990-05-01,no,,,,,\n"
                                  "Liam,O'Brien,,,2015-02-03,yes,Aoife,O'Brien,aoife@example.com,,legal_guardian\n"),
            {});
        QVERIFY2(report, qPrintable(report.message()));
        QCOMPARE(report->imported, 2);
        QCOMPARE(report->contacts, 1);

        auto zoe = store->clients().search(QStringLiteral("zoe.o@"), 10);
        QCOMPARE(zoe->size(), 1);
        const Client imported = *store->clients().get(zoe->first().id);
        QCOMPARE(imported.clientNumber, first.clientNumber + 1);
        QCOMPARE(imported.mobilePhone, QStringLiteral("+12025550101"));
        for (const QString& term : ClientRepository::searchTermsFor(imported))
            QVERIFY2(!store->clients().search(term, 10)->isEmpty(), qPrintable(term));
        QCOMPARE(store->clients().search(QStringLiteral("Østergaard zoe"), 10)->size(), 2);
        auto liam = store->clients().search(QStringLiteral("liam"), 10);
        QCOMPARE(liam->size(), 1);
        QCOMPARE(liam->first().clientNumber, first.clientNumber + 2);
        auto people = store->relations().forClient(liam->first().id);
        QCOMPARE(people->size(), 1);
        QCOMPARE(people->first().email, QStringLiteral("aoife@example.com"));
        QVERIFY(people->first().relation.portalInvite); // a legal guardian's default (P1)

        // Outbox: the same fields for the imported client as for the saved one.
        QSqlQuery q(store->sql());
        QVERIFY(
            q.exec(QStringLiteral("SELECT entity_id, kind, fields, base_version FROM outbox WHERE entity = 'client' "
                                  "ORDER BY seq")));
        QMap<QString, QJsonObject> fields;
        while (q.next()) {
            QCOMPARE(q.value(1).toString(), QStringLiteral("upsert"));
            QCOMPARE(q.value(3).toLongLong(), 0);
            fields.insert(q.value(0).toString(), QJsonDocument::fromJson(q.value(2).toByteArray()).object());
        }
        QCOMPARE(fields.size(), 3);
        QCOMPARE(fields.value(imported.meta.id).keys(), fields.value(first.meta.id).keys());
        QVERIFY(!fields.value(imported.meta.id).contains(QStringLiteral("search_terms")));
        QCOMPARE(fields.value(imported.meta.id).value(QStringLiteral("email")).toString(),
                 QStringLiteral("zoe.o@example.com"));
        QCOMPARE(count(*store, QStringLiteral("outbox")), 5); // 3 clients, 1 contact, 1 relation
        QVERIFY(
            q.exec(QStringLiteral("SELECT action, summary, actor FROM audit_log WHERE client_id = '%1' ORDER BY seq")
                       .arg(liam->first().id)));
        QStringList audit;
        while (q.next())
            audit << q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString() + QLatin1Char(' ') +
                         q.value(2).toString();
        QCOMPARE(audit, QStringList({QStringLiteral("create Client created test:desk"),
                                     QStringLiteral("create Contact Aoife O'Brien added test:desk"),
                                     QStringLiteral("create Relation added (Legal Guardian) test:desk")}));
    }

    // The import prepares rows without going through QVariant: every column is still stored
    // with the type and value saving one by one gives it, and the outbox JSON is the same text
    // (nulls, dates, flags, numbers, non-ASCII).
    void importStoresAndSendsWhatSavingStores()
    {
        auto store = makeStore(freshPath());
        Client saved = client(QStringLiteral("Zoë"), QStringLiteral("Østergaard"), QStringLiteral("zoe@example.com"));
        saved.mobilePhone = QStringLiteral("+12025550100");
        saved.dateOfBirth = QDate(2015, 2, 3);
        saved.isMinor = true;
        Contact guardian;
        guardian.firstName = QStringLiteral("Åse");
        guardian.lastName = QStringLiteral("Østergaard");
        guardian.email = QStringLiteral("ase@example.com");
        Relation relation = defaultRelation(RelationType::LegalGuardian);
        // Imported first: an import refuses a row that is a client already.
        auto report = importClientsCsv(
            *store,
            kFullHeader + QByteArrayLiteral("Zoë,Østergaard,zoe@example.com,+1 202 555 0100,2015-02-03,yes,Åse,"
                                            "Østergaard,ase@example.com,,legal_guardian\n"),
            {});
        QVERIFY2(report, qPrintable(report.message()));
        QCOMPARE(report->imported, 1);
        {
            auto cs = store->changeSet();
            QVERIFY(cs->begin());
            QVERIFY(store->clients().save(*cs, saved));
            QVERIFY(store->relations().saveContact(*cs, guardian, saved.meta.id));
            relation.clientId = saved.meta.id;
            relation.contactId = guardian.meta.id;
            QVERIFY(store->relations().save(*cs, relation));
            QVERIFY(cs->commit());
        }
        auto imported = store->clients().byNumber(saved.clientNumber - 1);
        QVERIFY(imported);
        auto people = store->relations().forClient(imported->meta.id);
        QVERIFY(people && people->size() == 1);
        const Relation importedRelation = people->first().relation;

        const QStringList own = {QStringLiteral("id"),         QStringLiteral("client_number"),
                                 QStringLiteral("hlc"),        QStringLiteral("created_at"),
                                 QStringLiteral("updated_at"), QStringLiteral("search_terms"),
                                 QStringLiteral("client_id"),  QStringLiteral("contact_id")};
        QCOMPARE(storedRow(*store, QStringLiteral("clients"), imported->meta.id, own),
                 storedRow(*store, QStringLiteral("clients"), saved.meta.id, own));
        QCOMPARE(storedRow(*store, QStringLiteral("contacts"), importedRelation.contactId, own),
                 storedRow(*store, QStringLiteral("contacts"), guardian.meta.id, own));
        QCOMPARE(storedRow(*store, QStringLiteral("relations"), importedRelation.meta.id, own),
                 storedRow(*store, QStringLiteral("relations"), relation.meta.id, own));

        const auto number = [](const Client& c) { return QStringLiteral("\"client_number\":%1").arg(c.clientNumber); };
        QString importedClient = outboxFields(*store, imported->meta.id);
        QVERIFY2(importedClient.contains(number(*imported)), qPrintable(importedClient));
        QCOMPARE(importedClient.replace(number(*imported), number(saved)), outboxFields(*store, saved.meta.id));
        QCOMPARE(outboxFields(*store, importedRelation.contactId), outboxFields(*store, guardian.meta.id));
        QCOMPARE(outboxFields(*store, importedRelation.meta.id)
                     .replace(imported->meta.id, saved.meta.id)
                     .replace(importedRelation.contactId, guardian.meta.id),
                 outboxFields(*store, relation.meta.id));
    }

    // Columns are found by name once per file: any order, any subset, the same result.
    void importReadsColumnsInAnyOrder_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<bool>("minor");
        QTest::addColumn<QString>("contactEmail");
        QTest::newRow("file order") << QByteArrayLiteral("first_name,last_name,email,mobile_phone,is_minor\n"
                                                         "Ana,García,ANA@example.com,202 555 0147,no\n")
                                    << QStringLiteral("ana@example.com") << QStringLiteral("+12025550147") << false
                                    << QString();
        QTest::newRow("reversed") << QByteArrayLiteral("is_minor,mobile_phone,email,last_name,first_name\n"
                                                       "no,202 555 0147,ana@example.com,García,Ana\n")
                                  << QStringLiteral("ana@example.com") << QStringLiteral("+12025550147") << false
                                  << QString();
        QTest::newRow("some columns, upper-case header")
            << QByteArrayLiteral("MOBILE_PHONE,LAST_NAME,First_Name\n202 555 0147,García,Ana\n") << QString()
            << QStringLiteral("+12025550147") << false << QString();
        QTest::newRow("contact columns first")
            << QByteArrayLiteral("contact_relation,contact_email,contact_last_name,contact_first_name,is_minor,"
                                 "date_of_birth,last_name,first_name\n"
                                 "legal_guardian,luis@example.com,García,Luis,yes,2016-04-05,García,Ana\n")
            << QString() << QString() << true << QStringLiteral("luis@example.com");
    }

    void importReadsColumnsInAnyOrder()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, email);
        QFETCH(QString, phone);
        QFETCH(bool, minor);
        QFETCH(QString, contactEmail);
        auto store = makeStore(freshPath());
        auto report = importClientsCsv(*store, csv, {});
        QVERIFY2(report, qPrintable(report.message()));
        QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(QLatin1Char('\n'))));
        QCOMPARE(report->imported, 1);
        auto hits = store->clients().search(QStringLiteral("garcía ana"), 10);
        QVERIFY(hits && hits->size() == 1);
        const Client c = *store->clients().get(hits->first().id);
        QCOMPARE(c.firstName, QStringLiteral("Ana"));
        QCOMPARE(c.lastName, QStringLiteral("García"));
        QCOMPARE(c.email, email);
        QCOMPARE(c.mobilePhone, phone);
        QCOMPARE(c.isMinor, minor);
        auto people = store->relations().forClient(c.meta.id);
        QCOMPARE(people->size(), contactEmail.isEmpty() ? 0 : 1);
        if (!contactEmail.isEmpty())
            QCOMPARE(people->first().email, contactEmail);
    }

    // A refused value is reported against the right line and column whatever the order.
    void importReportsTheRefusedColumnInAnyOrder()
    {
        auto store = makeStore(freshPath());
        auto report = importClientsCsv(*store,
                                       QByteArrayLiteral("is_minor,email,first_name\n"
                                                         "no,ok@example.com,Ana\n"
                                                         "maybe,bob@example.com,Bob\n"
                                                         "no,not-an-email,Eve\n"),
                                       {});
        QVERIFY(report);
        QCOMPARE(report->problems.size(), 2);
        QVERIFY2(report->problems.at(0).startsWith(QLatin1String("line 3: is_minor must be yes or no, not \"maybe\"")),
                 qPrintable(report->problems.at(0)));
        QVERIFY2(report->problems.at(1).startsWith(QLatin1String("line 4:")), qPrintable(report->problems.at(1)));
        QCOMPARE(report->imported, 0);
        QCOMPARE(count(*store, QStringLiteral("clients")), 0);
    }

    // A database an earlier release wrote (schema 2: search terms found by an index on the
    // client id) is upgraded in place: its clients are still found, and a rename drops the
    // old terms.
    void upgradeFromSchema2KeepsSearchWorking()
    {
        const QString path = freshPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        const QString id = QStringLiteral("0190a1b2-0000-7000-8000-000000000001");
        {
            auto db = Database::createAtSchemaForTest(path, m_key, 2);
            QVERIFY2(db, qPrintable(db.message()));
            QCOMPARE((*db)->schemaVersion(), 2);
            QVERIFY((*db)->exec(QStringLiteral("INSERT INTO clients (id, client_number, first_name, last_name, email, "
                                               "sort_key, hlc, created_at, updated_at) VALUES ('%1', 1001, 'Ada', "
                                               "'Lovelace', 'ada@example.com', 'lovelace ada', 'h', 'now', 'now')")
                                    .arg(id)));
            for (const char* term : {"ada lovelace", "lovelace ada", "ada@example.com", "1001"})
                QVERIFY((*db)->exec(QStringLiteral("INSERT INTO search_terms (term, client_id) VALUES ('%1', '%2')")
                                        .arg(QLatin1String(term), id)));
        }
        auto store = makeStore(path);
        QVERIFY(store);
        QCOMPARE(store->database().schemaVersion(), Database::currentSchemaVersion());
        QCOMPARE(store->clients().search(QStringLiteral("lovel"), 10)->size(), 1);
        QCOMPARE(store->clients().search(QStringLiteral("1001"), 10)->size(), 1);
        Client c = *store->clients().get(id);
        c.lastName = QStringLiteral("Byron");
        QVERIFY(saveClient(*store, c));
        QVERIFY(store->clients().search(QStringLiteral("lovel"), 10)->isEmpty());
        QCOMPARE(store->clients().search(QStringLiteral("byron"), 10)->size(), 1);
        QSqlQuery q(store->sql());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'search_terms_by_client'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void relationsToContactsAndToClientsStayCurrent()
    {
        auto store = makeStore(freshPath());
        Client child = client(QStringLiteral("Lía"), QStringLiteral("Pérez"));
        Client mother = client(QStringLiteral("Marta"), QStringLiteral("Pérez"), QStringLiteral("marta@example.com"));
        QVERIFY(saveClient(*store, child));
        QVERIFY(saveClient(*store, mother));
        auto cs = store->changeSet();
        QVERIFY(cs->begin());
        Contact dad;
        dad.firstName = QStringLiteral("Luis");
        dad.lastName = QStringLiteral("Pérez");
        dad.phone = QStringLiteral("+12025550100");
        QVERIFY(store->relations().saveContact(*cs, dad, child.meta.id));
        Relation toDad;
        toDad.clientId = child.meta.id;
        toDad.contactId = dad.meta.id;
        toDad.type = RelationType::Parent;
        toDad.notifications = allNotifyToggles();
        QVERIFY(store->relations().save(*cs, toDad));
        Relation toMother;
        toMother.clientId = child.meta.id;
        toMother.relatedClientId = mother.meta.id;
        toMother.type = RelationType::LegalGuardian;
        toMother.portalInvite = true;
        toMother.permissions = PortalPermission::ViewForms | PortalPermission::ManageBilling;
        toMother.custody = Custody::Joint;
        toMother.courtOrderRef = QStringLiteral("FC-2024-118");
        toMother.validUntil = QDate(2034, 6, 1);
        QVERIFY(store->relations().save(*cs, toMother));
        Relation self;
        self.clientId = child.meta.id;
        self.relatedClientId = child.meta.id;
        QVERIFY(!store->relations().save(*cs, self)); // a client is not its own relation
        QVERIFY(cs->commit());

        // C3: the related client's details come from its profile and stay current.
        mother.email = QStringLiteral("marta.new@example.com");
        QVERIFY(saveClient(*store, mother));
        auto people = store->relations().forClient(child.meta.id);
        QVERIFY(people);
        QCOMPARE(people->size(), 2);
        const RelatedPerson& m = people->at(1);
        QCOMPARE(m.email, QStringLiteral("marta.new@example.com"));
        QVERIFY(m.isClient);
        QCOMPARE(m.relation.permissions, PortalPermission::ViewForms | PortalPermission::ManageBilling);
        QCOMPARE(m.relation.custody, Custody::Joint);
        QCOMPARE(m.relation.courtOrderRef, QStringLiteral("FC-2024-118"));
        QCOMPARE(m.relation.validUntil, QDate(2034, 6, 1));
        QCOMPARE(people->at(0).phone, QStringLiteral("+12025550100"));
        QCOMPARE(people->at(0).relation.type, RelationType::Parent);

        // C9: the same email can belong to people of different clients.
        QCOMPARE(store->relations().withEmail(QStringLiteral("marta.new@example.com"))->size(), 1);

        auto cs2 = store->changeSet();
        QVERIFY(cs2->begin());
        QVERIFY(store->relations().remove(*cs2, toDad.meta.id));
        QVERIFY(cs2->commit());
        QCOMPARE(store->relations().forClient(child.meta.id)->size(), 1);
    }

    void settingsAndClientOverrides()
    {
        auto store = makeStore(freshPath());
        Client c = client(QStringLiteral("Ana"), QStringLiteral("García"), QStringLiteral("ana@example.com"));
        QVERIFY(saveClient(*store, c));
        auto cs = store->changeSet();
        QVERIFY(cs->begin());
        QVERIFY(store->settings().setOrganization(*cs, QStringLiteral("secure_messaging"), QStringLiteral("true")));
        const Status override = store->settings().setClientOverride(*cs, c.meta.id, QStringLiteral("secure_messaging"),
                                                                    QStringLiteral("false"));
        QVERIFY2(override, qPrintable(override.message()));
        QVERIFY(cs->commit());
        QCOMPARE(store->settings().organization()->value(QStringLiteral("secure_messaging")), QStringLiteral("true"));
        QCOMPARE(store->settings().clientOverrides(c.meta.id)->value(QStringLiteral("secure_messaging")),
                 QStringLiteral("false"));
        auto cs2 = store->changeSet();
        QVERIFY(cs2->begin());
        QVERIFY(store->settings().clearClientOverride(*cs2, c.meta.id, QStringLiteral("secure_messaging")));
        QVERIFY(cs2->commit());
        QVERIFY(store->settings().clientOverrides(c.meta.id)->isEmpty());
        QCOMPARE(count(*store, QStringLiteral("outbox")), 4); // client, org setting, override, clear
    }

    void stampsNeverGoBackwardsAcrossRestarts()
    {
        const QString path = freshPath();
        QString firstStamp;
        {
            auto store = makeStore(path);
            Client c = client(QStringLiteral("Ana"), QStringLiteral("García"), QStringLiteral("ana@example.com"));
            QVERIFY(saveClient(*store, c));
            firstStamp = store->clients().get(c.meta.id)->meta.hlc;
        }
        m_clock.advanceDays(-1); // the wall clock jumped back a day
        auto store = makeStore(path);
        Client c = client(QStringLiteral("Bo"), QStringLiteral("Berg"), QStringLiteral("bo@example.com"));
        QVERIFY(saveClient(*store, c));
        QVERIFY(firstStamp < store->clients().get(c.meta.id)->meta.hlc);
        m_clock.advanceDays(1);
    }

    void demoDataIsValidAndRealistic()
    {
        auto store = makeStore(freshPath());
        DemoOptions options;
        options.clients = 300;
        auto summary = generateDemoData(*store, options);
        QVERIFY2(summary, qPrintable(summary.message()));
        QCOMPARE(summary->clients, 300);
        int minors = 0;
        int withoutChannel = 0;
        int nonLatin = 0;
        QHash<QString, int> guardianEmails;
        auto all = store->clients().search(QString(), 1000);
        QCOMPARE(all->size(), 300);
        for (const ClientSummary& s : *all) {
            const Client c = store->clients().get(s.id).value();
            const QList<RelatedPerson> people = store->relations().forClient(c.meta.id).value();
            const Status valid = rules::validateClient(c, people, m_clock.today());
            QVERIFY2(valid, qPrintable(c.displayName() + QStringLiteral(": ") + valid.message()));
            if (!c.email.isEmpty())
                QVERIFY2(validation::normalizeEmail(c.email), qPrintable(c.email));
            if (!c.mobilePhone.isEmpty())
                QCOMPARE(*validation::normalizePhone(c.mobilePhone), c.mobilePhone);
            minors += c.isMinor;
            withoutChannel += !c.hasDirectChannel();
            nonLatin += c.firstName.at(0).script() != QChar::Script_Latin;
            for (const RelatedPerson& p : people)
                if (p.relation.type == RelationType::LegalGuardian && !p.email.isEmpty())
                    guardianEmails[p.email]++;
        }
        QVERIFY(minors > 50);
        QVERIFY(withoutChannel > 10); // reached through their primary contact (C7)
        QVERIFY(nonLatin > 10);       // Arabic, Hebrew, Chinese names
        QVERIFY(
            std::any_of(guardianEmails.begin(), guardianEmails.end(), [](int n) { return n > 1; })); // siblings (C9)
    }

    void backupIsEncryptedAndOpensWithTheKey()
    {
        auto store = makeStore(freshPath());
        Client c = client(QStringLiteral("Ana"), QStringLiteral("Backupcheck"), QStringLiteral("ana@example.com"));
        QVERIFY(saveClient(*store, c));
        const QString backup = m_tmp.filePath(QStringLiteral("b.pdbackup"));
        QVERIFY(store->database().backupTo(backup, m_key));
        const QByteArray bytes = test::readAll(backup);
        QVERIFY(!bytes.startsWith("SQLite format 3") && !bytes.contains("Backupcheck"));
        auto db = Database::open(backup, m_key);
        QVERIFY2(db, qPrintable(db.message()));
        Store restored(std::move(db).value(), m_clock, Actor{QStringLiteral("t")});
        QCOMPARE(restored.clients().get(c.meta.id)->lastName, QStringLiteral("Backupcheck"));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "TestStore.moc"
