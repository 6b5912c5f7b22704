// A seeded simulation of a practice's week: three desks make 1,000+ changes while the
// network between them and a real server drops requests, drops answers after the server
// committed, duplicates and delays requests, and cuts desks off for a while. When the
// network heals, every desk converges to the same data, every client any desk created is
// everywhere, and nothing waits in any outbox.
#include "core/RelationTypes.h"
#include "tests/integration/Desk.h"
#include "tests/testsupport/ServerProcess.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>

using namespace pd;
using namespace pd::test;

class TestSimulator : public QObject
{
    Q_OBJECT

private slots:
    void threeDesksConvergeThroughABadNetwork_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::newRow("seed 1") << 1u;
        QTest::newRow("seed 20261123") << 20261123u;
    }

    void threeDesksConvergeThroughABadNetwork()
    {
        QFETCH(quint32, seed);
        ServerProcess server;
        const QString problem = server.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QRandomGenerator random(seed);
        std::vector<std::unique_ptr<Desk>> desks;
        for (int i = 0; i < 3; ++i) {
            desks.push_back(std::make_unique<Desk>(server.url(), QStringLiteral("desk%1").arg(i), seed + i));
            QString error;
            QVERIFY2(desks.back()->signIn(QStringLiteral("frontdesk"), ServerProcess::frontdeskPassword(), &error),
                     qPrintable(error));
            FaultyTransport::Faults faults;
            faults.dropRequest = 0.1;
            faults.dropResponse = 0.1;
            faults.duplicate = 0.1;
            faults.delay = 0.3;
            desks.back()->network().setFaults(faults);
        }
        QSet<QString> created; // every client any desk made
        QHash<QString, QStringList> relationsOf;
        int changes = 0, syncs = 0, failedSyncs = 0;
        auto knownClient = [&](Desk& d) -> QString {
            auto list = d.store().clients().search(QString(), 200);
            if (!list || list->isEmpty())
                return {};
            return list->at(static_cast<int>(random.bounded(static_cast<quint32>(list->size())))).id;
        };
        for (int step = 0; changes < 1000 || step < 600; ++step) {
            Desk& d = *desks[random.bounded(3u)];
            if (step % 60 == 0) // a desk's network cable comes and goes
                for (auto& x : desks)
                    x->network().setPartitioned(random.bounded(4u) == 0);
            const quint32 dice = random.bounded(100u);
            if (dice < 30) {
                const QString tag = QStringLiteral("%1-%2").arg(d.name()).arg(step);
                const Client c = d.addClient(QStringLiteral("Sim"), tag, QStringLiteral("s%1@example.com").arg(step));
                created.insert(c.meta.id);
                ++changes;
                if (random.bounded(2u)) {
                    const QString r = d.addContact(c.meta.id, QStringLiteral("Kin%1").arg(step),
                                                   QStringLiteral("k%1@example.com").arg(step), RelationType::Parent);
                    if (!r.isEmpty()) {
                        relationsOf[c.meta.id] << r;
                        changes += 2;
                    }
                }
            } else if (dice < 65) {
                const QString id = knownClient(d);
                if (id.isEmpty())
                    continue;
                const int field = static_cast<int>(random.bounded(3u));
                const QString value = QStringLiteral("v%1").arg(step);
                if (d.editClient(id, [&](Client& c) {
                        if (field == 0)
                            c.notes = value;
                        else if (field == 1)
                            c.lastName = value;
                        else
                            c.email = value + QStringLiteral("@example.com");
                    }))
                    ++changes;
            } else if (dice < 70) {
                const QString id = knownClient(d);
                auto people = id.isEmpty() ? Result<QList<RelatedPerson>>(QList<RelatedPerson>{})
                                           : d.store().relations().forClient(id);
                if (people && !people->isEmpty() && d.deleteRelation(id, people->first().relation.meta.id))
                    ++changes;
            } else {
                ++syncs;
                failedSyncs += d.syncOnce(nullptr, 60000) ? 0 : 1;
            }
        }
        QVERIFY2(changes >= 1000, qPrintable(QString::number(changes)));
        QVERIFY(failedSyncs > 0); // the network really was bad

        // The network heals.
        for (auto& d : desks) {
            d->network().setPartitioned(false);
            d->network().setFaults({});
        }
        for (int round = 0; round < 3; ++round)
            for (auto& d : desks) {
                QString error;
                QVERIFY2(d->syncOnce(&error), qPrintable(d->name() + QStringLiteral(": ") + error));
            }
        const QStringList reference = desks[0]->snapshot();
        for (auto& d : desks) {
            QCOMPARE(*d->sync().pendingCount(), 0);
            const QStringList mine = d->snapshot();
            if (mine != reference) {
                for (const QString& row : mine)
                    if (!reference.contains(row))
                        qWarning("only on %s: %s", qPrintable(d->name()), qPrintable(row));
                for (const QString& row : reference)
                    if (!mine.contains(row))
                        qWarning("missing on %s: %s", qPrintable(d->name()), qPrintable(row));
            }
            QCOMPARE(mine, reference);
            for (const QString& id : std::as_const(created))
                QVERIFY2(d->store().clients().get(id).ok(), qPrintable(id));
            // Client numbers are unique on every desk.
            QSqlQuery q(d->store().sql());
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) - count(DISTINCT client_number) FROM clients")) && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        qInfo("seed %u: %d changes, %d syncs (%d failed on purpose), %lld clients, %d dropped, %d duplicated", seed,
              changes, syncs, failedSyncs, static_cast<long long>(created.size()),
              desks[0]->network().dropped() + desks[1]->network().dropped() + desks[2]->network().dropped(),
              desks[0]->network().duplicated() + desks[1]->network().duplicated() + desks[2]->network().duplicated());
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "TestSimulator.moc"
