// C2: email and phone validation and normalization.
#include "core/ContactValidation.h"

#include <QTest>

using namespace pd;

class TestContactValidation : public QObject
{
    Q_OBJECT
private slots:
    void validEmails_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("stored");
        QTest::newRow("plain") << QStringLiteral("ana@example.com") << QStringLiteral("ana@example.com");
        QTest::newRow("case and spaces") << QStringLiteral("  Ana.Garcia@Example.COM ") << QStringLiteral("ana.garcia@example.com");
        QTest::newRow("plus tag") << QStringLiteral("ana+kids@example.co.uk") << QStringLiteral("ana+kids@example.co.uk");
        QTest::newRow("idn domain") << QStringLiteral("jose@correo.españa.es") << QStringLiteral("jose@correo.españa.es");
    }
    void validEmails()
    {
        QFETCH(QString, input);
        QFETCH(QString, stored);
        auto r = validation::normalizeEmail(input);
        QVERIFY2(r, qPrintable(r.message()));
        QCOMPARE(*r, stored);
    }

    void malformedEmails_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("no at") << QStringLiteral("ana.example.com") << QStringLiteral("needs an @");
        QTest::newRow("nothing before at") << QStringLiteral("@example.com") << QStringLiteral("nothing before");
        QTest::newRow("no domain") << QStringLiteral("ana@") << QStringLiteral("no domain");
        QTest::newRow("no tld") << QStringLiteral("ana@example") << QStringLiteral("incomplete");
        QTest::newRow("space") << QStringLiteral("ana garcia@example.com") << QStringLiteral("space");
        QTest::newRow("double dot") << QStringLiteral("ana..g@example.com") << QStringLiteral("dot");
        QTest::newRow("two ats") << QStringLiteral("ana@b@example.com") << QStringLiteral("not allowed");
        QTest::newRow("comma") << QStringLiteral("ana,g@example.com") << QStringLiteral("not allowed");
        QTest::newRow("too long") << (QString(250, QLatin1Char('a')) + QStringLiteral("@example.com")) << QStringLiteral("254");
        QTest::newRow("empty") << QStringLiteral("   ") << QStringLiteral("empty");
        QTest::newRow("injection") << QStringLiteral("x'; DROP TABLE clients;--@example.com") << QStringLiteral("space");
    }
    void malformedEmails()
    {
        QFETCH(QString, input);
        QFETCH(QString, message);
        auto r = validation::normalizeEmail(input);
        QVERIFY(!r);
        QVERIFY2(r.message().contains(message), qPrintable(r.message()));
        QCOMPARE(r.error().field, QStringLiteral("email"));
    }

    void validPhones_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("e164");
        QTest::newRow("nanp punctuation") << QStringLiteral("(202) 555-0147") << QStringLiteral("1") << QStringLiteral("+12025550147");
        QTest::newRow("nanp with 1") << QStringLiteral("1 202 555 0147") << QStringLiteral("1") << QStringLiteral("+12025550147");
        QTest::newRow("dots") << QStringLiteral("202.555.0147") << QStringLiteral("1") << QStringLiteral("+12025550147");
        QTest::newRow("international") << QStringLiteral("+44 20 7946 0958") << QStringLiteral("1") << QStringLiteral("+442079460958");
        QTest::newRow("00 prefix") << QStringLiteral("0049 30 901820") << QStringLiteral("1") << QStringLiteral("+4930901820");
        QTest::newRow("national with trunk 0") << QStringLiteral("030 901820") << QStringLiteral("49") << QStringLiteral("+4930901820");
    }
    void validPhones()
    {
        QFETCH(QString, input);
        QFETCH(QString, country);
        QFETCH(QString, e164);
        auto r = validation::normalizePhone(input, country);
        QVERIFY2(r, qPrintable(r.message()));
        QCOMPARE(*r, e164);
    }

    void malformedPhones_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("letters") << QStringLiteral("555-CALL-NOW") << QStringLiteral("digits only");
        QTest::newRow("too short nanp") << QStringLiteral("555-0147") << QStringLiteral("10 digits");
        QTest::newRow("too long") << QStringLiteral("+1234567890123456") << QStringLiteral("8 to 15");
        QTest::newRow("too short intl") << QStringLiteral("+44 12") << QStringLiteral("8 to 15");
        QTest::newRow("plus in middle") << QStringLiteral("202+5550147") << QStringLiteral("\"+\"");
        QTest::newRow("format string") << QStringLiteral("%s%n") << QStringLiteral("digits only");
        QTest::newRow("empty") << QString() << QStringLiteral("empty");
    }
    void malformedPhones()
    {
        QFETCH(QString, input);
        QFETCH(QString, message);
        auto r = validation::normalizePhone(input);
        QVERIFY(!r);
        QVERIFY2(r.message().contains(message), qPrintable(r.message()));
    }
};

QTEST_GUILESS_MAIN(TestContactValidation)
#include "TestContactValidation.moc"
