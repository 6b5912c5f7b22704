// CSV reading and writing used by import-clients and export (bad files are refused with
// the line that is wrong).
#include "core/csv/CsvReader.h"

#include <QRandomGenerator>
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

// The rules written for clarity, not speed, to compare the reader with: the file is first
// checked line by line (UTF-8, no NUL), then read one character at a time with an explicit
// state. The rows, or the line an error is reported on.
struct Expected
{
    QList<CsvRow> rows;
    int errorLine = 0;
};

Expected readPlainly(QByteArray bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const QList<QByteArray> lines = bytes.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) // valid UTF-8 survives the round trip unchanged
        if (lines[i].contains('\0') || QString::fromUtf8(lines[i]).toUtf8() != lines[i])
            return {{}, int(i) + 1};
    enum class State { FieldStart, InText, InQuotes, AfterQuotes } state = State::FieldStart;
    Expected out;
    CsvRow row{1, {}};
    QString field;
    int line = 1;
    const auto finishRow = [&] {
        row.fields << field;
        if (!(row.fields.size() == 1 && row.fields.first().isEmpty()))
            out.rows << row;
    };
    const QString text = QString::fromUtf8(bytes);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (state == State::InQuotes) {
            if (c != u'"') {
                line += c == u'\n';
                field += c;
            } else if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += c;
                ++i;
            } else {
                state = State::AfterQuotes;
            }
            continue;
        }
        switch (c.unicode()) {
        case u'\r': // dropped outside quotes
            break;
        case u',':
            row.fields << field;
            field.clear();
            state = State::FieldStart;
            break;
        case u'\n':
            finishRow();
            row = CsvRow{++line, {}};
            field.clear();
            state = State::FieldStart;
            break;
        case u'"':
            if (state != State::FieldStart || !field.isEmpty())
                return {{}, line};
            state = State::InQuotes;
            break;
        default:
            if (state == State::AfterQuotes)
                return {{}, line};
            field += c;
            state = State::InText;
        }
    }
    if (state == State::InQuotes)
        return {{}, row.line};
    if (!field.isEmpty() || !row.fields.isEmpty() || state == State::AfterQuotes)
        finishRow();
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

    // The reader copies runs of text at once and decodes the file in one go; on thousands of
    // made-up files (quotes, commas, CR, LF, accents, bad bytes, NUL) it gives the same rows
    // and lines as the rules read plainly, and refuses the same files at the same line.
    void readsWhatTheRulesSay()
    {
        const QList<QByteArray> pieces = {"a",  "bc", "\xC3\xA9", "\"", "\"\"", ",",
                                          "\r", "\n", "\r\n",     " ",  "\xE9", "\xF0\x9F\x8C\x88"};
        QRandomGenerator random(20261130);
        for (int n = 0; n < 5000; ++n) {
            QByteArray input;
            const int length = random.bounded(30);
            for (int i = 0; i < length; ++i)
                input += random.bounded(400) == 0 ? QByteArray(1, '\0') : pieces.at(random.bounded(pieces.size()));
            const auto read = CsvReader::parse(input);
            const Expected expected = readPlainly(input);
            const QByteArray shown = input.toPercentEncoding();
            if (expected.errorLine > 0) {
                QVERIFY2(!read, shown.constData());
                QVERIFY2(read.message().startsWith(QStringLiteral("Line %1").arg(expected.errorLine)),
                         qPrintable(read.message() + QStringLiteral(" for ") + QString::fromLatin1(shown)));
                continue;
            }
            QVERIFY2(read, qPrintable(read.message() + QStringLiteral(" for ") + QString::fromLatin1(shown)));
            QCOMPARE(read->size(), expected.rows.size());
            for (qsizetype r = 0; r < read->size(); ++r) {
                QCOMPARE(read->at(r).line, expected.rows.at(r).line);
                QCOMPARE(read->at(r).fields, expected.rows.at(r).fields);
            }
        }
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
