// The desk side of sync on a real encrypted store: the outbox as a push batch, the server's
// answers and pull pages applied in one transaction each, pending local edits never
// overwritten, conflicts and rejections kept, a person's resolution queued with its
// conflict id. The wire messages are built as the server would send them.
#include "core/Ids.h"
#include "storage/ClientService.h"
#include "storage/sync/SyncStore.h"
#include "tests/testsupport/TemporaryStore.h"

#include <QSqlQuery>
#include <QTest>

using namespace pd;

class TestSyncStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TemporaryStore> m_fixture;
    Store& store() { return m_fixture->store(); }

    Client saveClient(const QString& first, const QString& email)
    {
        Client c;
        c.firstName = first;
        c.lastName = QStringLiteral("Sync");
        c.email = email;
        QList<PersonDraft> none;
        [&] { QVERIFY(ClientService(store()).save(c, none).ok()); }();
        return c;
    }

    static wire::OpResult result(const wire::Op& op, wire::OpStatus status, qint64 version)
    {
        return wire::OpResult{op.opId, status, version, std::nullopt, {}};
    }

    static wire::Change clientChange(qint64 seq, const QString& id, const QJsonObject& fields)
    {
        return wire::Change{seq, QStringLiteral("client"), id, seq, false, fields, QStringLiteral("hlc")};
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<test::TemporaryStore>();
        QVERIFY(m_fixture->isValid());
    }

    void outboxBecomesAPushBatchInOrder()
    {
        saveClient(QStringLiteral("Ana"), QStringLiteral("ana@example.com"));
        saveClient(QStringLiteral("Ben"), QStringLiteral("ben@example.com"));
        SyncStore sync(store());
        auto ops = sync.pendingOps(10);
        QVERIFY(ops.ok());
        QCOMPARE(ops->size(), 2);
        QCOMPARE(ops->at(0).fields.value(QStringLiteral("first_name")).toString(), QStringLiteral("Ana"));
        QCOMPARE(ops->at(1).fields.value(QStringLiteral("first_name")).toString(), QStringLiteral("Ben"));
        QCOMPARE(ops->at(0).baseVersion, 0);
        QVERIFY(wire::isId(ops->at(0).opId));
        QCOMPARE(sync.pendingOps(1)->size(), 1);
    }

    void pushResultsEmptyTheOutboxAndKeepConflictsAndRejections()
    {
        const Client ana = saveClient(QStringLiteral("Ana"), QStringLiteral("ana@example.com"));
        const Client ben = saveClient(QStringLiteral("Ben"), QStringLiteral("ben@example.com"));
        const Client cy = saveClient(QStringLiteral("Cy"), QStringLiteral("cy@example.com"));
        SyncStore sync(store());
        const auto ops = *sync.pendingOps(10);
        wire::PushResponse response;
        response.results << result(ops[0], wire::OpStatus::Applied, 7);
        wire::OpResult conflict = result(ops[1], wire::OpStatus::Conflict, 8);
        conflict.conflict =
            wire::Conflict{newId(),
                           QStringLiteral("client"),
                           ben.meta.id,
                           {wire::FieldConflict{QStringLiteral("email"), QStringLiteral("ben@other.example"),
                                                QStringLiteral("ben@example.com")}},
                           false,
                           false,
                           {}};
        response.results << conflict;
        wire::OpResult rejected = result(ops[2], wire::OpStatus::Rejected, 0);
        rejected.reason = QStringLiteral("Only administrators can change organization settings.");
        response.results << rejected;
        QVERIFY(sync.setState(QStringLiteral("cursor"), QStringLiteral("40")).ok());
        QVERIFY(sync.applyPushResults(ops, response).ok());

        QCOMPARE(*sync.pendingCount(), 0);
        QCOMPARE(store().clients().get(ana.meta.id)->meta.version, 7);
        QCOMPARE(store().clients().get(ben.meta.id)->meta.version, 8);
        auto open = sync.openConflicts();
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->at(0).conflict.fields.at(0).server.toString(), QStringLiteral("ben@other.example"));
        QCOMPARE(open->at(0).conflict.fields.at(0).desk.toString(), QStringLiteral("ben@example.com"));
        auto refused = sync.rejectedChanges();
        QCOMPARE(refused->size(), 1);
        QCOMPARE(refused->at(0).entityId, cy.meta.id);
        QCOMPARE(*sync.cursor(), 0); // the server's version of the refused record is fetched again
    }

    void anAnswerForAnUnsentChangeAppliesNothing()
    {
        saveClient(QStringLiteral("Ana"), QStringLiteral("ana@example.com"));
        SyncStore sync(store());
        const auto ops = *sync.pendingOps(10);
        wire::PushResponse response;
        response.results << result(ops[0], wire::OpStatus::Applied, 3);
        response.results << wire::OpResult{newId(), wire::OpStatus::Applied, 4, std::nullopt, {}};
        QVERIFY(!sync.applyPushResults(ops, response));
        QCOMPARE(*sync.pendingCount(), 1);
    }

    void pullCreatesUpdatesAndDeletesAndStoresTheCursorTogether()
    {
        SyncStore sync(store());
        const QString id = newId();
        wire::PullPage page;
        page.changes << clientChange(5, id,
                                     {{QStringLiteral("client_number"), 1200},
                                      {QStringLiteral("first_name"), QStringLiteral("Zoë")},
                                      {QStringLiteral("last_name"), QStringLiteral("Åberg")},
                                      {QStringLiteral("email"), QStringLiteral("zoe@example.com")},
                                      {QStringLiteral("is_minor"), false},
                                      {QStringLiteral("some_future_field"), QStringLiteral("ignored")}});
        page.cursor = 5;
        QVERIFY2(sync.applyPullPage(page).ok(), qPrintable(sync.applyPullPage(page).message()));
        QCOMPARE(*sync.cursor(), 5);
        auto found = store().clients().search(QStringLiteral("aberg"), 5); // searchable at once
        QVERIFY(found.ok());
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->at(0).clientNumber, 1200);
        QCOMPARE(store().clients().get(id)->meta.version, 5);
        QCOMPARE(*sync.pendingCount(), 0); // nothing pulled is sent back

        wire::PullPage second;
        second.changes << clientChange(9, id, {{QStringLiteral("email"), QStringLiteral("zoe@new.example")}});
        second.changes << wire::Change{10, QStringLiteral("client"), newId(), 10, true, {}, {}};
        second.cursor = 10;
        QVERIFY(sync.applyPullPage(second).ok());
        QCOMPARE(store().clients().get(id)->email, QStringLiteral("zoe@new.example"));

        wire::PullPage gone;
        gone.changes << wire::Change{11, QStringLiteral("client"), id, 11, true, {}, {}};
        gone.cursor = 11;
        QVERIFY(sync.applyPullPage(gone).ok());
        QVERIFY(store().clients().get(id)->meta.deleted);
        QCOMPARE(store().clients().search(QStringLiteral("aberg"), 5)->size(), 0);
    }

    void pendingLocalEditsAreNotOverwrittenByAPull()
    {
        Client ana = saveClient(QStringLiteral("Ana"), QStringLiteral("ana@example.com"));
        SyncStore sync(store());
        const auto created = *sync.pendingOps(10);
        wire::PushResponse acked;
        acked.results << result(created[0], wire::OpStatus::Applied, 2);
        QVERIFY(sync.applyPushResults(created, acked).ok());
        ana = *store().clients().get(ana.meta.id);
        // Another desk changed Ana's first name and email; this desk changed her email too.
        ana.email = QStringLiteral("ana@mine.example");
        QList<PersonDraft> none;
        QVERIFY(ClientService(store()).save(ana, none).ok());
        wire::PullPage page;
        page.changes << clientChange(12, ana.meta.id,
                                     {{QStringLiteral("first_name"), QStringLiteral("Anna")},
                                      {QStringLiteral("email"), QStringLiteral("ana@theirs.example")}});
        page.cursor = 12;
        QVERIFY(sync.applyPullPage(page).ok());
        const Client after = *store().clients().get(ana.meta.id);
        QCOMPARE(after.firstName, QStringLiteral("Anna"));         // not pending here: taken
        QCOMPARE(after.email, QStringLiteral("ana@mine.example")); // pending here: kept for the server to decide
    }

    void clientNumbersStayUniqueWhenAPullBringsATakenNumber()
    {
        const Client mine = saveClient(QStringLiteral("Local"), QStringLiteral("local@example.com"));
        SyncStore sync(store());
        wire::PullPage page;
        page.changes << clientChange(3, newId(),
                                     {{QStringLiteral("client_number"), mine.clientNumber},
                                      {QStringLiteral("first_name"), QStringLiteral("Remote")}});
        page.cursor = 3;
        QVERIFY2(sync.applyPullPage(page).ok(), "a taken number must not fail the page");
        const qint64 moved = store().clients().get(mine.meta.id)->clientNumber;
        QVERIFY(moved != mine.clientNumber);

        // The local client now holds the highest number; a pulled client bringing exactly
        // that number, and one bringing a number above every local one, both go in.
        wire::PullPage next;
        next.changes << clientChange(
            4, newId(),
            {{QStringLiteral("client_number"), moved}, {QStringLiteral("first_name"), QStringLiteral("Two")}});
        next.changes << clientChange(
            5, newId(),
            {{QStringLiteral("client_number"), moved + 5}, {QStringLiteral("first_name"), QStringLiteral("Three")}});
        next.cursor = 5;
        QVERIFY(sync.applyPullPages({next}).ok());
        QVERIFY(store().clients().get(mine.meta.id)->clientNumber != moved);
        QCOMPARE(*store().clients().count(), 4);
    }

    // A number pulled earlier in the same transaction counts too.
    void aNumberTakenEarlierInTheSamePullIsFreedToo()
    {
        SyncStore sync(store());
        const QString first = newId();
        QVERIFY(sync.beginPull().ok());
        wire::PullPage one;
        one.changes << clientChange(
            2, first, {{QStringLiteral("client_number"), 50}, {QStringLiteral("first_name"), QStringLiteral("One")}});
        one.cursor = 2;
        QVERIFY(sync.applyPulledPage(one).ok());
        wire::PullPage two; // the server renumbered "One" later and gave 50 to "Two"; "One"'s change comes after
        two.changes << clientChange(
            3, newId(), {{QStringLiteral("client_number"), 50}, {QStringLiteral("first_name"), QStringLiteral("Two")}});
        two.cursor = 3;
        QVERIFY(sync.applyPulledPage(two).ok());
        const qint64 moved = store().clients().get(first)->clientNumber; // now the highest
        QVERIFY(moved != 50);
        wire::PullPage three; // and the number "One" moved to is pulled for a third client
        three.changes << clientChange(
            4, newId(),
            {{QStringLiteral("client_number"), moved}, {QStringLiteral("first_name"), QStringLiteral("Three")}});
        three.cursor = 4;
        QVERIFY(sync.applyPulledPage(three).ok());
        QVERIFY(sync.finishPull(4).ok());
        QCOMPARE(*store().clients().count(), 3);
        QVERIFY(store().clients().get(first)->clientNumber != moved);
    }

    void aRelationMayArriveBeforeItsClient()
    {
        SyncStore sync(store());
        const QString client = newId();
        const QString contact = newId();
        wire::PullPage page;
        page.changes << wire::Change{
            2, QStringLiteral("contact"), contact, 2, false, {{QStringLiteral("first_name"), QStringLiteral("Pat")}},
            {}};
        page.changes << wire::Change{3,
                                     QStringLiteral("relation"),
                                     newId(),
                                     3,
                                     false,
                                     {{QStringLiteral("client_id"), client},
                                      {QStringLiteral("contact_id"), contact},
                                      {QStringLiteral("relation_type"), QStringLiteral("parent")}},
                                     {}};
        page.changes << clientChange(
            7, client,
            {{QStringLiteral("client_number"), 1500}, {QStringLiteral("first_name"), QStringLiteral("Kim")}});
        page.cursor = 7;
        QVERIFY(sync.applyPullPage(page).ok());
        auto people = store().relations().forClient(client);
        QVERIFY(people.ok());
        QCOMPARE(people->size(), 1);
        QCOMPARE(people->at(0).firstName, QStringLiteral("Pat"));
        QSqlQuery fk(store().sql());
        QVERIFY(fk.exec(QStringLiteral("PRAGMA foreign_keys")) && fk.next());
        QCOMPARE(fk.value(0).toInt(), 1); // enforcement is back on after the page
    }

    void aFailedPageAppliesNothing()
    {
        SyncStore sync(store());
        wire::PullPage page;
        page.changes << clientChange(
            4, newId(),
            {{QStringLiteral("client_number"), 1300}, {QStringLiteral("first_name"), QStringLiteral("First")}});
        // A relation without a type cannot be stored (NOT NULL): the whole page is refused.
        page.changes << wire::Change{
            5, QStringLiteral("relation"), newId(), 5, false, {{QStringLiteral("client_id"), newId()}}, {}};
        page.cursor = 5;
        QVERIFY(!sync.applyPullPage(page));
        QCOMPARE(*sync.cursor(), 0);
        QCOMPARE(*store().clients().count(), 0);
    }

    void severalPagesAreOneTransactionWithTheLastPagesCursor()
    {
        SyncStore sync(store());
        const QString kim = newId();
        const QString lee = newId();
        wire::PullPage first;
        first.changes << clientChange(
            4, kim, {{QStringLiteral("client_number"), 1400}, {QStringLiteral("first_name"), QStringLiteral("Kim")}});
        first.cursor = 4;
        wire::PullPage second; // the same record again (it changed between the two pages)
        second.changes << clientChange(
            6, lee, {{QStringLiteral("client_number"), 1401}, {QStringLiteral("first_name"), QStringLiteral("Lee")}});
        second.changes << clientChange(
            8, kim, {{QStringLiteral("client_number"), 1400}, {QStringLiteral("first_name"), QStringLiteral("Kit")}});
        second.cursor = 8;
        QVERIFY(sync.applyPullPages({first, second}).ok());
        QCOMPARE(*sync.cursor(), 8);
        QCOMPARE(*store().clients().count(), 2);
        QCOMPARE(store().clients().get(kim)->firstName, QStringLiteral("Kit"));
        QCOMPARE(store().clients().get(kim)->meta.version, 8);
        QCOMPARE(store().clients().search(QStringLiteral("kit"), 5)->size(), 1);
        QCOMPARE(store().clients().search(QStringLiteral("kim"), 5)->size(), 0); // its old terms are gone

        // A bad record in the last page: none of the pages is applied, the cursor stays.
        wire::PullPage third;
        third.changes << clientChange(
            9, newId(),
            {{QStringLiteral("client_number"), 1402}, {QStringLiteral("first_name"), QStringLiteral("Max")}});
        third.cursor = 9;
        wire::PullPage broken;
        broken.changes << wire::Change{10,    QStringLiteral("relation"),           newId(), 10,
                                       false, {{QStringLiteral("client_id"), kim}}, {}};
        broken.cursor = 10;
        QVERIFY(!sync.applyPullPages({third, broken}));
        QCOMPARE(*sync.cursor(), 8);
        QCOMPARE(*store().clients().count(), 2);
    }

    // practicedesk-cli writes pages as they arrive into one open transaction: committed
    // together with the last page's cursor, or none of them when one fails or the pull is
    // abandoned; afterwards the connection takes ordinary saves again.
    void pagesWrittenAsTheyArriveCommitTogetherOrNotAtAll()
    {
        SyncStore sync(store());
        const auto page = [](qint64 at, int number, const QString& name) {
            wire::PullPage p;
            p.changes << clientChange(
                at, newId(), {{QStringLiteral("client_number"), number}, {QStringLiteral("first_name"), name}});
            p.cursor = at;
            return p;
        };
        QVERIFY(sync.beginPull().ok());
        QVERIFY(sync.pullOpen());
        QVERIFY(!sync.beginPull()); // one at a time
        QVERIFY(sync.applyPulledPage(page(3, 1500, QStringLiteral("Ada"))).ok());
        QVERIFY(sync.applyPulledPage(page(4, 1501, QStringLiteral("Bea"))).ok());
        QVERIFY(sync.finishPull(4).ok());
        QVERIFY(!sync.pullOpen());
        QCOMPARE(*sync.cursor(), 4);
        QCOMPARE(*store().clients().count(), 2);
        QCOMPARE(store().clients().search(QStringLiteral("bea"), 5)->size(), 1);

        // Abandoned (the sync failed on the network): nothing of it stays.
        QVERIFY(sync.beginPull().ok());
        QVERIFY(sync.applyPulledPage(page(5, 1502, QStringLiteral("Cy"))).ok());
        sync.abortPull();
        QCOMPARE(*sync.cursor(), 4);
        QCOMPARE(*store().clients().count(), 2);

        // A bad record in the second page: the first page goes too, and the pull is closed.
        QVERIFY(sync.beginPull().ok());
        QVERIFY(sync.applyPulledPage(page(6, 1503, QStringLiteral("Dov"))).ok());
        wire::PullPage broken;
        broken.changes << wire::Change{
            7, QStringLiteral("relation"), newId(), 7, false, {{QStringLiteral("client_id"), newId()}}, {}};
        broken.cursor = 7;
        QVERIFY(!sync.applyPulledPage(broken));
        QVERIFY(!sync.pullOpen());
        QVERIFY(!sync.finishPull(7));
        QCOMPARE(*sync.cursor(), 4);
        QCOMPARE(*store().clients().count(), 2);
        QCOMPARE(store().clients().search(QStringLiteral("dov"), 5)->size(), 0);

        // A client new in one page and deleted in the next page of the same pull: its search
        // entries (written at the end) do not outlive it.
        QVERIFY(sync.beginPull().ok());
        wire::PullPage added = page(8, 1504, QStringLiteral("Flo"));
        QVERIFY(sync.applyPulledPage(added).ok());
        wire::PullPage removed;
        removed.changes << wire::Change{9, QStringLiteral("client"), added.changes.first().entityId, 9, true, {}, {}};
        removed.cursor = 9;
        QVERIFY(sync.applyPulledPage(removed).ok());
        QVERIFY(sync.finishPull(9).ok());
        QCOMPARE(store().clients().search(QStringLiteral("flo"), 5)->size(), 0);
        QSqlQuery q(store().sql());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM search_terms WHERE client_id = '%1'")
                           .arg(added.changes.first().entityId)) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), 0);

        // The connection is free again for a person's save.
        saveClient(QStringLiteral("Eve"), QStringLiteral("eve@example.com"));
        QCOMPARE(*store().clients().count(), 3);
    }

    void aPageWrittenInSlicesKeepsEachColumnsRules()
    {
        // The engine writes a page in slices, with the changes made ready on another thread
        // (prepare()); a NOT NULL column given null or "" stores "", a nullable one NULL.
        SyncStore sync(store());
        QList<wire::Change> changes;
        QStringList ids;
        for (int i = 0; i < 5; ++i) {
            ids << newId();
            changes << clientChange(
                20 + i, ids.last(),
                {{QStringLiteral("client_number"), 1700 + i},
                 {QStringLiteral("first_name"), QStringLiteral("Slice%1").arg(i)},
                 {QStringLiteral("last_name"), QJsonValue()},
                 {QStringLiteral("email"), QString()},
                 {QStringLiteral("date_of_birth"), i % 2 ? QStringLiteral("2010-04-0%1").arg(i) : QString()},
                 {QStringLiteral("primary_relation_id"), QJsonValue()},
                 {QStringLiteral("is_minor"), i % 2 == 1}});
        }
        const QList<PreparedChange> prepared = SyncStore::prepare(changes);
        QVERIFY(sync.beginPull().ok());
        QVERIFY(sync.applyPulledChanges(changes, prepared, 0, 2).ok());
        QVERIFY(sync.applyPulledChanges(changes, prepared, 2, 5).ok());
        QVERIFY(sync.finishPull(24).ok());
        QCOMPARE(*store().clients().count(), 5);
        QSqlQuery q(store().sql());
        QVERIFY(q.exec(QStringLiteral("SELECT id, last_name IS NULL, last_name, email, date_of_birth, "
                                      "primary_relation_id IS NULL, is_minor FROM clients ORDER BY client_number")));
        for (int i = 0; i < 5; ++i) {
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), ids.at(i));
            QCOMPARE(q.value(1).toInt(), 0); // NOT NULL: ""
            QCOMPARE(q.value(2).toString(), QString());
            QCOMPARE(q.value(3).toString(), QString());
            QCOMPARE(q.value(4).isNull(), i % 2 == 0); // nullable: "" is NULL
            QCOMPARE(q.value(5).toInt(), 1);
            QCOMPARE(q.value(6).toInt(), i % 2);
        }
        QCOMPARE(store().clients().search(QStringLiteral("slice3"), 5)->size(), 1);

        // Changes and a preparation that do not belong together are refused, and close the pull.
        QVERIFY(sync.beginPull().ok());
        QVERIFY(!sync.applyPulledChanges(changes, {}, 0, 1));
        QVERIFY(!sync.pullOpen());
    }

    void aPullsCommitsSkipTheDiskWaitButAPersonsSavesDoNot()
    {
        // Pulled pages come again from the stored cursor, so a pull commits without waiting for
        // the disk (NORMAL); before and after it, a person's save waits (FULL).
        SyncStore sync(store());
        const auto synchronous = [&] {
            QSqlQuery q(store().sql());
            return q.exec(QStringLiteral("PRAGMA synchronous")) && q.next() ? q.value(0).toInt() : -1;
        };
        QCOMPARE(synchronous(), 2);
        QVERIFY(sync.beginPull().ok());
        QCOMPARE(synchronous(), 1);
        QVERIFY(sync.finishPull(1).ok());
        QCOMPARE(synchronous(), 2);
        QVERIFY(sync.beginPull().ok());
        sync.abortPull();
        QCOMPARE(synchronous(), 2);
        wire::PullPage broken;
        broken.changes << wire::Change{
            7, QStringLiteral("relation"), newId(), 7, false, {{QStringLiteral("client_id"), newId()}}, {}};
        broken.cursor = 7;
        QVERIFY(!sync.applyPullPage(broken));
        QCOMPARE(synchronous(), 2);
    }

    void resolvingAConflictQueuesTheChoiceWithItsId()
    {
        const Client ben = saveClient(QStringLiteral("Ben"), QStringLiteral("ben@example.com"));
        SyncStore sync(store());
        const auto ops = *sync.pendingOps(10);
        wire::PushResponse response;
        wire::OpResult conflict = result(ops[0], wire::OpStatus::Conflict, 8);
        const QString conflictId = newId();
        conflict.conflict =
            wire::Conflict{conflictId,
                           QStringLiteral("client"),
                           ben.meta.id,
                           {wire::FieldConflict{QStringLiteral("email"), QStringLiteral("ben@other.example"),
                                                QStringLiteral("ben@example.com")}},
                           false,
                           false,
                           {}};
        response.results << conflict;
        QVERIFY(sync.applyPushResults(ops, response).ok());

        Resolution r;
        r.fields.insert(QStringLiteral("email"), QStringLiteral("ben@merged.example"));
        QVERIFY(sync.resolve(conflictId, r).ok());
        QCOMPARE(store().clients().get(ben.meta.id)->email, QStringLiteral("ben@merged.example"));
        QVERIFY(sync.openConflicts()->isEmpty());
        auto queued = *sync.pendingOps(10);
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued[0].resolves, conflictId);
        QCOMPARE(queued[0].baseVersion, 8);
        QCOMPARE(queued[0].fields.value(QStringLiteral("email")).toString(), QStringLiteral("ben@merged.example"));
        QVERIFY(!sync.resolve(conflictId, r)); // once only
        QCOMPARE(store().clients().search(QStringLiteral("ben@merged"), 5)->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSyncStore)
#include "TestSyncStore.moc"
