#include "core/csv/CsvReader.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace pd {

Result<QList<CsvRow>> CsvReader::parse(const QByteArray& input)
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
