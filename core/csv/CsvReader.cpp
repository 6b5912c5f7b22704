#include "core/csv/CsvReader.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <algorithm>

namespace pd {

namespace {

// The line (from 1) that byte `at` of the file is on.
int lineAt(QByteArrayView bytes, qsizetype at)
{
    return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + at, '\n'));
}

// The first line that is not UTF-8 (only looked for once decoding the file has failed).
int firstBadLine(QByteArrayView bytes)
{
    int line = 1;
    for (qsizetype start = 0; start < bytes.size(); ++line) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size() - 1;
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString part = decoder.decode(bytes.sliced(start, end - start + 1)); // decodes on conversion
        if (decoder.hasError())
            return line;
        start = end + 1;
    }
    return line;
}

// Where the run of ordinary characters from `from` ends: the first of `stops`, or `end`.
template <size_t N> const QChar* runEnd(const QChar* from, const QChar* end, const char16_t (&stops)[N])
{
    for (; from < end; ++from)
        for (const char16_t s : stops)
            if (from->unicode() == s)
                return from;
    return end;
}

} // namespace

Result<QList<CsvRow>> CsvReader::parse(const QByteArray& input)
{
    QByteArrayView bytes = input;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        return Error::invalid(
            QCoreApplication::translate("Csv", "The file is UTF-16; save it as CSV UTF-8 and import again."));

    // The whole file is decoded at once; the line of an error is looked for only when there
    // is one. An encoding error and a NUL are reported by whichever line comes first.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    const int badLine = decoder.hasError() ? firstBadLine(bytes) : 0;
    const qsizetype nul = bytes.indexOf('\0');
    const int nulLine = nul < 0 ? 0 : lineAt(bytes, nul);
    if (badLine > 0 && (nulLine == 0 || badLine <= nulLine))
        return Error::invalid(
            QCoreApplication::translate("Csv", "Line %1 is not valid UTF-8 text (the file may be saved as Latin-1 or "
                                               "Windows-1252). Save it as CSV UTF-8 and import again.")
                .arg(badLine));
    if (nulLine > 0)
        return Error::invalid(
            QCoreApplication::translate("Csv", "Line %1 contains a NUL character; this is not a text CSV file.")
                .arg(nulLine));

    QList<CsvRow> rows;
    rows.reserve(std::count(bytes.begin(), bytes.end(), '\n') + 1);
    qsizetype columns = 0; // of the first row: room made for as many in the next ones
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
        if (!blank) {
            columns = qMax(columns, row.fields.size());
            rows << std::move(row);
        }
        row = CsvRow();
        row.fields.reserve(columns);
        row.line = line;
    };
    // Runs of ordinary characters are copied at once, not one character at a time.
    static constexpr char16_t kQuotedStops[] = {u'"', u'\n'};
    static constexpr char16_t kPlainStops[] = {u'"', u',', u'\r', u'\n'};
    const QChar* const begin = text.constData();
    const QChar* const end = begin + text.size();
    for (const QChar* p = begin; p < end; ++p) {
        const QChar c = *p;
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (p + 1 < end && p[1] == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++p;
                } else {
                    inQuotes = false;
                }
            } else if (c == QLatin1Char('\n')) {
                ++line;
                field += c;
            } else {
                const QChar* stop = runEnd(p, end, kQuotedStops);
                field.append(p, stop - p);
                p = stop - 1;
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
            const QChar* stop = runEnd(p, end, kPlainStops);
            field.append(p, stop - p);
            p = stop - 1;
        }
    }
    if (inQuotes)
        return Error::invalid(
            QCoreApplication::translate("Csv", "Line %1: a quoted field is never closed.").arg(row.line));
    if (!field.isEmpty() || !row.fields.isEmpty() || fieldWasQuoted)
        endRow();
    return rows;
}

QString CsvWriter::field(const QString& value)
{
    QString v = value;
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.at(0)) &&
        !(v.at(0) == QLatin1Char('+') && v.size() > 1 && v.mid(1).toLongLong() > 0))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')) ||
        v.contains(QLatin1Char('\r'))) {
        v.replace(QLatin1String("\""), QLatin1String("\"\""));
        v = QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v;
}

QByteArray CsvWriter::line(const QStringList& fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (const QString& f : fields)
        out << field(f);
    return out.join(QLatin1Char(',')).toUtf8() + "\r\n";
}

} // namespace pd
