// N2: one template serves clients and contacts; unknown placeholders are reported.
#include "core/Placeholders.h"

#include <QTest>

using namespace pd;

class TestPlaceholders : public QObject
{
    Q_OBJECT
private slots:
    void render_data()
    {
        QTest::addColumn<QString>("templ");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("unknown");
        QTest::newRow("recipient and client") << QStringLiteral("Hi [RecipientFirstName], [ClientName] is booked.")
                                              << QStringLiteral("Hi Marta, Lía Pérez is booked.") << QStringList();
        QTest::newRow("full recipient name")
            << QStringLiteral("[RecipientName]") << QStringLiteral("Marta Pérez") << QStringList();
        QTest::newRow("unknown stays visible") << QStringLiteral("See [Clinic] at [Clinic] and [Room2]")
                                               << QStringLiteral("See [Clinic] at [Clinic] and [Room2]")
                                               << QStringList{QStringLiteral("Clinic"), QStringLiteral("Room2")};
        QTest::newRow("not placeholders") << QStringLiteral("[ ] [1st] [see note [RecipientLastName]")
                                          << QStringLiteral("[ ] [1st] [see note Pérez") << QStringList();
        QTest::newRow("unclosed") << QStringLiteral("Dear [RecipientFirstName")
                                  << QStringLiteral("Dear [RecipientFirstName") << QStringList();
        QTest::newRow("values are not re-expanded")
            << QStringLiteral("[ClientFirstName]") << QStringLiteral("Lía") << QStringList();
        QTest::newRow("wrong case is reported, not guessed")
            << QStringLiteral("Hi [recipientfirstname]") << QStringLiteral("Hi [recipientfirstname]")
            << QStringList{QStringLiteral("recipientfirstname")};
        QTest::newRow("known name without a value is reported")
            << QStringLiteral("See you on [AppointmentDate]") << QStringLiteral("See you on [AppointmentDate]")
            << QStringList{QStringLiteral("AppointmentDate")};
        QTest::newRow("rtl template") << QStringLiteral("שלום [RecipientFirstName]") << QStringLiteral("שלום Marta")
                                      << QStringList();
        QTest::newRow("sql in template is text") << QStringLiteral("'; DROP TABLE x;-- [ClientLastName]")
                                                 << QStringLiteral("'; DROP TABLE x;-- Pérez") << QStringList();
        QTest::newRow("empty brackets and lone bracket")
            << QStringLiteral("[] ] [") << QStringLiteral("[] ] [") << QStringList();
        QTest::newRow("format strings are text")
            << QStringLiteral("%s %n [RecipientFirstName]") << QStringLiteral("%s %n Marta") << QStringList();
    }
    void render()
    {
        QFETCH(QString, templ);
        QFETCH(QString, text);
        QFETCH(QStringList, unknown);
        const auto values = Placeholders::valuesFor(QStringLiteral("Marta"), QStringLiteral("Pérez"),
                                                    QStringLiteral("Lía"), QStringLiteral("Pérez"));
        const RenderedTemplate r = Placeholders::render(templ, values);
        QCOMPARE(r.text, text);
        QCOMPARE(r.unknown, unknown);
    }

    void aValueThatLooksLikeAPlaceholderIsNotExpanded()
    {
        const auto values = Placeholders::valuesFor(QStringLiteral("[ClientName]"), {}, QStringLiteral("Lía"), {});
        QCOMPARE(Placeholders::render(QStringLiteral("[RecipientFirstName]"), values).text,
                 QStringLiteral("[ClientName]"));
    }

    void everyKnownNameIsListed()
    {
        for (const char* n : {"RecipientFirstName", "RecipientLastName", "RecipientName", "ClientName"})
            QVERIFY(Placeholders::known().contains(QLatin1String(n)));
    }
};

QTEST_GUILESS_MAIN(TestPlaceholders)
#include "TestPlaceholders.moc"
