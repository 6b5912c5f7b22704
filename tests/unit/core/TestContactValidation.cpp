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
        QTest::newRow("case and spaces") << QStringLiteral("  Ana.Garcia@Example.COM ")
                                         << QStringLiteral("ana.garcia@example.com");
        QTest::newRow("plus tag") << QStringLiteral("ana+kids@example.co.uk")
                                  << QStringLiteral("ana+kids@example.co.uk");
        QTest::newRow("percent is allowed, kept verbatim")
            << QStringLiteral("%s%n@example.com") << QStringLiteral("%s%n@example.com");
        QTest::newRow("apostrophe") << QStringLiteral("o'brien@example.ie") << QStringLiteral("o'brien@example.ie");
        QTest::newRow("idn domain") << QStringLiteral("jose@correo.españa.es")
                                    << QStringLiteral("jose@correo.españa.es");
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
        QTest::newRow("too long") << (QString(250, QLatin1Char('a')) + QStringLiteral("@example.com"))
                                  << QStringLiteral("254");
        QTest::newRow("empty") << QStringLiteral("   ") << QStringLiteral("empty");
        QTest::newRow("injection") << QStringLiteral("x'; DROP TABLE clients;--@example.com")
                                   << QStringLiteral("space");
        QTest::newRow("leading dot") << QStringLiteral(".ana@example.com") << QStringLiteral("misplaced dot");
        QTest::newRow("dot before at") << QStringLiteral("ana.@example.com") << QStringLiteral("misplaced dot");
        QTest::newRow("trailing dot in domain") << QStringLiteral("ana@example.com.") << QStringLiteral("incomplete");
        QTest::newRow("one-letter tld") << QStringLiteral("ana@example.c") << QStringLiteral("incomplete");
        QTest::newRow("domain label over 63")
            << (QStringLiteral("ana@") + QString(64, QLatin1Char('x')) + QStringLiteral(".com"))
            << QStringLiteral("not valid");
        QTest::newRow("hyphen label") << QStringLiteral("ana@-example.com") << QStringLiteral("not valid");
        QTest::newRow("newline inside") << QStringLiteral("ana@exa\nmple.com") << QStringLiteral("space");
        QTest::newRow("emoji before at") << QStringLiteral("ana🌈@example.com") << QStringLiteral("not allowed");
        QTest::newRow("arabic before at") << QStringLiteral("محمد@example.com") << QStringLiteral("not allowed");
        QTest::newRow("display name form") << QStringLiteral("Ana <ana@example.com>") << QStringLiteral("space");
        QTest::newRow("local part over 64")
            << (QString(65, QLatin1Char('a')) + QStringLiteral("@example.com")) << QStringLiteral("64");
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
        QTest::newRow("nanp punctuation")
            << QStringLiteral("(202) 555-0147") << QStringLiteral("1") << QStringLiteral("+12025550147");
        QTest::newRow("nanp with 1") << QStringLiteral("1 202 555 0147") << QStringLiteral("1")
                                     << QStringLiteral("+12025550147");
        QTest::newRow("dots") << QStringLiteral("202.555.0147") << QStringLiteral("1")
                              << QStringLiteral("+12025550147");
        QTest::newRow("international") << QStringLiteral("+44 20 7946 0958") << QStringLiteral("1")
                                       << QStringLiteral("+442079460958");
        QTest::newRow("00 prefix") << QStringLiteral("0049 30 901820") << QStringLiteral("1")
                                   << QStringLiteral("+4930901820");
        QTest::newRow("national with trunk 0")
            << QStringLiteral("030 901820") << QStringLiteral("49") << QStringLiteral("+4930901820");
        QTest::newRow("uk national") << QStringLiteral("020 7946 0958") << QStringLiteral("44")
                                     << QStringLiteral("+442079460958");
        QTest::newRow("spaces around") << QStringLiteral("  +1-202-555-0147  ") << QStringLiteral("1")
                                       << QStringLiteral("+12025550147");
        QTest::newRow("slash") << QStringLiteral("202/555-0147") << QStringLiteral("1")
                               << QStringLiteral("+12025550147");
        QTest::newRow("15 digits") << QStringLiteral("+123 456 789 012 345") << QStringLiteral("1")
                                   << QStringLiteral("+123456789012345");
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
        QTest::newRow("arabic-indic digits") << QStringLiteral("٠١٢٣٤٥٦٧٨٩") << QStringLiteral("digits only");
        QTest::newRow("extension") << QStringLiteral("202-555-0147 ext 12") << QStringLiteral("digits only");
        QTest::newRow("sql text") << QStringLiteral("1'; DROP TABLE clients;--") << QStringLiteral("digits only");
        QTest::newRow("nanp 9 digits") << QStringLiteral("202 555 014") << QStringLiteral("this one has 9");
        QTest::newRow("nanp 12 digits") << QStringLiteral("1 202 555 01477") << QStringLiteral("10 digits");
        QTest::newRow("country code 0") << QStringLiteral("+0 202 555 0147") << QStringLiteral("cannot start with 0");
    }
    void malformedPhones()
    {
        QFETCH(QString, input);
        QFETCH(QString, message);
        auto r = validation::normalizePhone(input);
        QVERIFY(!r);
        QVERIFY2(r.message().contains(message), qPrintable(r.message()));
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QCOMPARE(r.error().field, QStringLiteral("phone"));
    }

    void normalizedValuesAreStable_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("phone");
        QTest::newRow("nanp") << QStringLiteral(" Ana@Example.COM") << QStringLiteral("(202) 555-0147");
        QTest::newRow("intl") << QStringLiteral("jose@correo.españa.es") << QStringLiteral("+44 20 7946 0958");
    }
    void normalizedValuesAreStable()
    {
        // What is stored validates again unchanged (imports and sync re-check stored values).
        QFETCH(QString, email);
        QFETCH(QString, phone);
        const auto e = validation::normalizeEmail(email);
        const auto p = validation::normalizePhone(phone);
        QVERIFY(e && p);
        QCOMPARE(*validation::normalizeEmail(*e), *e);
        QCOMPARE(*validation::normalizePhone(*p), *p);
    }
};

QTEST_GUILESS_MAIN(TestContactValidation)
#include "TestContactValidation.moc"
