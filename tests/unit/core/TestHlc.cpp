// DESIGN.md §4: hybrid logical clock stamps never go backwards and sort causally.
#include "core/Hlc.h"
#include "core/Ids.h"

#include <QSet>
#include <QUuid>

#include <QTest>

#include <future>
#include <vector>

using namespace pd;

class TestHlc : public QObject
{
    Q_OBJECT
private slots:
    void monotonicEvenWhenTheWallClockGoesBack()
    {
        ManualClock clock;
        HybridLogicalClock hlc(clock, QStringLiteral("deskA"));
        const HlcStamp a = hlc.now();
        clock.advanceDays(-1);
        const HlcStamp b = hlc.now();
        QVERIFY(a < b);
        QVERIFY(a.toString() < b.toString()); // the text form sorts the same way
        clock.advanceDays(2);
        const HlcStamp c = hlc.now();
        QVERIFY(b < c);
        QCOMPARE(c.counter, 0u);
    }

    void observingARemoteStampMovesPastIt()
    {
        ManualClock clock;
        HybridLogicalClock hlc(clock, QStringLiteral("deskA"));
        HlcStamp remote{clock.nowMs() + 86400000, 7, QStringLiteral("deskB")}; // a desk one day ahead
        hlc.observe(remote);
        QVERIFY(remote < hlc.now());
    }

    void parseRoundTripAndRejects()
    {
        ManualClock clock;
        HybridLogicalClock hlc(clock, QStringLiteral("desk-with-dashes"));
        const HlcStamp s = hlc.now();
        HlcStamp back;
        QVERIFY(HlcStamp::parse(s.toString(), &back));
        QCOMPARE(back, s);
        QVERIFY(!HlcStamp::parse(QStringLiteral("garbage"), &back));
        QVERIFY(!HlcStamp::parse(QStringLiteral("12-zz-node"), &back));
    }

    void observe_data()
    {
        // Wall clock at 1000 ms; the local clock last issued lastWall/lastCounter.
        QTest::addColumn<qint64>("lastWall");
        QTest::addColumn<uint>("lastCounter");
        QTest::addColumn<qint64>("remoteWall");
        QTest::addColumn<uint>("remoteCounter");
        QTest::addColumn<qint64>("wall");
        QTest::addColumn<uint>("counter");
        QTest::newRow("wall clock ahead of both") << qint64(500) << 3u << qint64(400) << 9u << qint64(1000) << 0u;
        QTest::newRow("remote ahead") << qint64(500) << 3u << qint64(2000) << 9u << qint64(2000) << 10u;
        QTest::newRow("local ahead") << qint64(3000) << 3u << qint64(2000) << 9u << qint64(3000) << 4u;
        QTest::newRow("same wall, higher remote counter")
            << qint64(3000) << 3u << qint64(3000) << 9u << qint64(3000) << 10u;
        QTest::newRow("same wall, higher local counter")
            << qint64(3000) << 12u << qint64(3000) << 9u << qint64(3000) << 13u;
    }
    void observe()
    {
        QFETCH(qint64, lastWall);
        QFETCH(uint, lastCounter);
        QFETCH(qint64, remoteWall);
        QFETCH(uint, remoteCounter);
        QFETCH(qint64, wall);
        QFETCH(uint, counter);
        ManualClock clock(QDateTime::fromMSecsSinceEpoch(1000, Qt::UTC));
        HybridLogicalClock hlc(clock, QStringLiteral("a"));
        hlc.restore(HlcStamp{lastWall, lastCounter, QStringLiteral("a")});
        const HlcStamp remote{remoteWall, remoteCounter, QStringLiteral("b")};
        hlc.observe(remote);
        QCOMPARE(hlc.last().wallMs, wall);
        QCOMPARE(hlc.last().counter, counter);
        QCOMPARE(hlc.last().node, QStringLiteral("a"));
        QVERIFY(remote < hlc.last()); // what happens next sorts after what was received
    }

    void parseRejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("two parts") << QStringLiteral("000000000001000-0000");
        QTest::newRow("letters in wall time") << QStringLiteral("00000000000x000-0000-a");
        QTest::newRow("counter not hex") << QStringLiteral("000000000001000-zz00-a");
        QTest::newRow("negative wall time") << QStringLiteral("-1-0000-a");
        QTest::newRow("sql text") << QStringLiteral("1'; DROP TABLE outbox;--");
    }
    void parseRejects()
    {
        QFETCH(QString, text);
        HlcStamp out{42, 7, QStringLiteral("kept")};
        QVERIFY(!HlcStamp::parse(text, &out));
        QCOMPARE(out, (HlcStamp{42, 7, QStringLiteral("kept")})); // untouched on failure
    }

    void textFormSortsLikeStamps_data()
    {
        QTest::addColumn<qint64>("aWall");
        QTest::addColumn<uint>("aCounter");
        QTest::addColumn<qint64>("bWall");
        QTest::addColumn<uint>("bCounter");
        QTest::newRow("wall time") << qint64(999) << 0xffffu << qint64(1000) << 0u;
        QTest::newRow("counter past 9") << qint64(1000) << 9u << qint64(1000) << 10u;
        QTest::newRow("counter past f") << qint64(1000) << 0xfu << qint64(1000) << 0x10u;
        QTest::newRow("digits grow") << qint64(99999) << 0u << qint64(100000) << 0u;
    }
    void textFormSortsLikeStamps()
    {
        QFETCH(qint64, aWall);
        QFETCH(uint, aCounter);
        QFETCH(qint64, bWall);
        QFETCH(uint, bCounter);
        const HlcStamp a{aWall, aCounter, QStringLiteral("n")};
        const HlcStamp b{bWall, bCounter, QStringLiteral("n")};
        QVERIFY(a < b);
        QVERIFY(a.toString() < b.toString());
    }
};

class TestIds : public QObject
{
    Q_OBJECT
private slots:
    void idsAreUniqueValidUuidsThatSortByCreation()
    {
        QSet<QString> seen;
        QString previousMs;
        for (int i = 0; i < 20000; ++i) {
            const QString id = newId();
            const QUuid u(id);
            QVERIFY2(!u.isNull(), qPrintable(id));
            QCOMPARE(u.toString(QUuid::WithoutBraces), id); // the usual form: lower case, 8-4-4-4-12
            QCOMPARE(id.at(14), QLatin1Char('7'));          // version 7 (Qt 6.4's QUuid::version() stops at 5)
            QCOMPARE(u.variant(), QUuid::DCE);
            QVERIFY(!seen.contains(id));
            seen.insert(id);
            const QString ms = id.left(13); // 48-bit time stamp: never goes backwards within a run
            QVERIFY(previousMs <= ms);
            previousMs = ms;
        }
    }

    // The UTF-8 form a bulk import binds is an id of the same kind, from the same sequence.
    void utf8IdsAreTheSameKindOfId()
    {
        const QString before = newId();
        const QByteArray id = newIdUtf8();
        const QString after = newId();
        QCOMPARE(id.size(), 36);
        const QUuid u = QUuid::fromString(QLatin1String(id));
        QVERIFY2(!u.isNull(), id.constData());
        QCOMPARE(u.toString(QUuid::WithoutBraces).toLatin1(), id);
        QCOMPARE(id.at(14), '7');
        QVERIFY(before.left(13).toLatin1() <= id.left(13));
        QVERIFY(id.left(13) <= after.left(13).toLatin1());
        QVERIFY(QString::fromLatin1(id) != before && QString::fromLatin1(id) != after);
    }

    // Each thread has its own generator (a bulk import makes ids on several): ids made at
    // the same moment on different threads must still differ.
    void idsFromSeveralThreadsNeverCollide()
    {
        constexpr int kThreads = 4;
        constexpr int kEach = 20000;
        std::vector<std::future<QStringList>> made;
        for (int t = 0; t < kThreads; ++t)
            made.push_back(std::async(std::launch::async, [] {
                QStringList ids;
                for (int i = 0; i < kEach; ++i)
                    ids << newId();
                return ids;
            }));
        QSet<QString> seen;
        for (auto& f : made)
            for (const QString& id : f.get())
                seen.insert(id);
        QCOMPARE(seen.size(), kThreads * kEach);
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    TestHlc hlc;
    TestIds ids;
    return QTest::qExec(&hlc, argc, argv) | QTest::qExec(&ids, argc, argv);
}
#include "TestHlc.moc"
