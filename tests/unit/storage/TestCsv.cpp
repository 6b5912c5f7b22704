// CSV reading and writing used by import-clients and export (bad files are refused with
// the line that is wrong).
#include "core/csv/CsvReader.h"

#include <QTest>

using namespace pd;

namespace {
// Rows from UTF-8 literals (QT_NO_CAST_FROM_ASCII is on).
QList<QStringList> R(std::initializer_list<std::initializer_list<const char*>> rows)
{
    QList<QStringList> out;
    for (const auto& row : rows) {
        QStringList fields;
        for (const char* f : row)
            fields << QString::fromUtf8(f);
        out << fields;
    }
    return out;
}
} // namespace

class TestCsv : public QObject
{
    Q_OBJECT
private slots:
    void parsesRfc4180_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QList<QStringList>>("rows");
        QTest::addColumn<QList<int>>("lines");
        QTest::newRow("simple") << QByteArray("a,b\n1,2\n") << R({{"a", "b"}, {"1", "2"}}) << QList<int>{1, 2};
        QTest::newRow("crlf and no final newline")
            << QByteArray("a,b\r\n1,2") << R({{"a", "b"}, {"1", "2"}}) << QList<int>{1, 2};
        QTest::newRow("quotes, commas, doubled quotes")
            << QByteArray("\"Smith, Jr.\",\"say \"\"hi\"\"\"\n") << R({{"Smith, Jr.", "say \"hi\""}}) << QList<int>{1};
        QTest::newRow("newline inside quotes keeps line numbers")
            << QByteArray("a\n\"two\nlines\"\nc\n") << R({{"a"}, {"two\nlines"}, {"c"}}) << QList<int>{1, 2, 4};
        QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF"
                                                       "a,b\n")
                                         << R({{"a", "b"}}) << QList<int>{1};
        QTest::newRow("blank lines skipped") << QByteArray("a\n\n\nb\n") << R({{"a"}, {"b"}}) << QList<int>{1, 4};
        QTest::newRow("empty fields") << QByteArray(",,\n") << R({{"", "", ""}}) << QList<int>{1};
        QTest::newRow("utf-8 text") << QByteArray("Zoë,محمد,🌈\n") << R({{"Zoë", "محمد", "🌈"}}) << QList<int>{1};
    }

    void parsesRfc4180()
    {
        QFETCH(QByteArray, input);
        QFETCH(QList<QStringList>, rows);
        QFETCH(QList<int>, lines);
        auto parsed = CsvReader::parse(input);
        QVERIFY2(parsed, qPrintable(parsed.message()));
        QCOMPARE(parsed->size(), rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QCOMPARE(parsed->at(i).fields, rows.at(i));
            QCOMPARE(parsed->at(i).line, lines.at(i));
        }
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("latin-1 on line 2") << QByteArray("a\nJos\xe9\n") << QStringLiteral("Line 2 is not valid UTF-8");
        QTest::newRow("utf-16") << QByteArray("\xff\xfe"
                                              "a\0",
                                              4)
                                << QStringLiteral("UTF-16");
        QTest::newRow("unclosed quote") << QByteArray("a\n\"b,c\n")
                                        << QStringLiteral("Line 2: a quoted field is never closed");
        QTest::newRow("quote in the middle") << QByteArray("ab\"c\n") << QStringLiteral("Line 1: a quote appears");
        QTest::newRow("text after closing quote") << QByteArray("\"ab\"c\n") << QStringLiteral("Line 1: text follows");
        QTest::newRow("NUL byte") << QByteArray("a\0b\n", 4) << QStringLiteral("NUL");
    }

    void refusesBadFiles()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, message);
        auto parsed = CsvReader::parse(input);
        QVERIFY(!parsed);
        QVERIFY2(parsed.message().contains(message), qPrintable(parsed.message()));
    }

    void writerQuotesAndGuardsFormulas_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("written");
        QTest::newRow("plain") << QStringLiteral("Ana") << QStringLiteral("Ana");
        QTest::newRow("comma") << QStringLiteral("Smith, Jr.") << QStringLiteral("\"Smith, Jr.\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("formula") << QStringLiteral("=1+2") << QStringLiteral("'=1+2");
        QTest::newRow("at sign") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
        QTest::newRow("E.164 phone stays") << QStringLiteral("+12025550147") << QStringLiteral("+12025550147");
    }

    void writerQuotesAndGuardsFormulas()
    {
        QFETCH(QString, value);
        QFETCH(QString, written);
        QCOMPARE(CsvWriter::field(value), written);
    }

    void roundTrip()
    {
        const QStringList fields = {QStringLiteral("Smith, Jr."), QStringLiteral("two\nlines"), QStringLiteral("Zoë"),
                                    QString()};
        auto parsed = CsvReader::parse(CsvWriter::line(fields));
        QVERIFY(parsed);
        QCOMPARE(parsed->first().fields, fields);
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "TestCsv.moc"
