// CSV reading and writing used by import-clients and export (bad files are refused with
// the line that is wrong).
#include "core/csv/CsvReader.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QStringDecoder>
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

// The reader as it was first written, one character at a time: the plainest statement of
// the rules, kept as the oracle the faster reader is compared with.
Result<QList<CsvRow>> referenceParse(const QByteArray& input)
{
    QByteArray bytes = input;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        return Error::invalid(
            QCoreApplication::translate("Csv", "The file is UTF-16; save it as CSV UTF-8 and import again."));

    // Decode line by line so an encoding error can name its line.
    QString text;
    text.reserve(bytes.size());
    int lineNo = 1;
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size() - 1;
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString part = decoder.decode(QByteArrayView(bytes).sliced(start, end - start + 1));
        if (decoder.hasError())
            return Error::invalid(
                QCoreApplication::translate(
                    "Csv", "Line %1 is not valid UTF-8 text (the file may be saved as Latin-1 or Windows-1252). "
                           "Save it as CSV UTF-8 and import again.")
                    .arg(lineNo));
        if (part.contains(QChar(0)))
            return Error::invalid(
                QCoreApplication::translate("Csv", "Line %1 contains a NUL character; this is not a text CSV file.")
                    .arg(lineNo));
        text += part;
        start = end + 1;
        ++lineNo;
    }

    QList<CsvRow> rows;
    CsvRow row;
    QString field;
    bool inQuotes = false;
    bool fieldWasQuoted = false;
    int line = 1;
    row.line = 1;
    auto endField = [&] {
        row.fields << field;
        field.clear();
        fieldWasQuoted = false;
    };
    auto endRow = [&] {
        endField();
        const bool blank = row.fields.size() == 1 && row.fields.first().isEmpty();
        if (!blank)
            rows << row;
        row = CsvRow();
        row.line = line;
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            if (!field.isEmpty() || fieldWasQuoted)
                return Error::invalid(QCoreApplication::translate(
                                          "Csv",
                                          "Line %1: a quote appears in the middle of a field; put the whole field in "
                                          "quotes and double the quote (\"\").")
                                          .arg(line));
            inQuotes = true;
            fieldWasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\r')) {
            // CRLF: the \n ends the row.
        } else if (c == QLatin1Char('\n')) {
            ++line;
            endRow();
        } else {
            if (fieldWasQuoted)
                return Error::invalid(
                    QCoreApplication::translate("Csv", "Line %1: text follows a closing quote.").arg(line));
            field += c;
        }
    }
    if (inQuotes)
        return Error::invalid(
            QCoreApplication::translate("Csv", "Line %1: a quoted field is never closed.").arg(row.line));
    if (!field.isEmpty() || !row.fields.isEmpty() || fieldWasQuoted)
        endRow();
    return rows;
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
    // made-up files (quotes, commas, CR, LF, accents, bad bytes, NUL) it gives the same rows,
    // lines and error messages as the character-at-a-time reader.
    void readsLikeTheCharacterAtATimeReader()
    {
        const QList<QByteArray> pieces = {"a",  "bc", "\xC3\xA9", "\"", "\"\"", ",",
                                          "\r", "\n", "\r\n",     " ",  "\xE9", "\xF0\x9F\x8C\x88"};
        QRandomGenerator random(20261130);
        for (int n = 0; n < 5000; ++n) {
            QByteArray input;
            const int length = random.bounded(30);
            for (int i = 0; i < length; ++i)
                input += random.bounded(400) == 0 ? QByteArray(1, '\0') : pieces.at(random.bounded(pieces.size()));
            const auto fast = CsvReader::parse(input);
            const auto reference = referenceParse(input);
            QVERIFY2(bool(fast) == bool(reference), input.toPercentEncoding().constData());
            if (!reference) {
                QCOMPARE(fast.message(), reference.message());
                continue;
            }
            QCOMPARE(fast->size(), reference->size());
            for (qsizetype r = 0; r < fast->size(); ++r) {
                QCOMPARE(fast->at(r).line, reference->at(r).line);
                QCOMPARE(fast->at(r).fields, reference->at(r).fields);
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
