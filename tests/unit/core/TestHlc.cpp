// DESIGN.md §4: hybrid logical clock stamps never go backwards and sort causally.
#include "core/Hlc.h"

#include <QTest>

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
};

QTEST_GUILESS_MAIN(TestHlc)
#include "TestHlc.moc"
