#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QStringList>

namespace pd {

// One parsed CSV record and the line of the file it starts on (for error messages).
struct CsvRow
{
    int line = 0;
    QStringList fields;
};

// RFC 4180 CSV: comma separated, fields optionally in double quotes, "" for a quote inside
// quotes, line breaks inside quotes, CRLF or LF, an optional UTF-8 byte order mark. The
// file must be UTF-8: the first invalid byte is reported with its line number (a file
// saved as Latin-1 or UTF-16 by a spreadsheet is refused, not imported as mojibake).
class CsvReader
{
public:
    static Result<QList<CsvRow>> parse(const QByteArray& bytes);
};

// Writes CSV with the same rules (quotes only where needed; formulas are not escaped here:
// see CsvWriter::field for the spreadsheet-injection guard).
class CsvWriter
{
public:
    // A field made safe for spreadsheets: quoted when needed, and a leading = + - @ gets a
    // leading apostrophe so the exported file cannot run formulas when opened.
    static QString field(const QString& value);
    static QByteArray line(const QStringList& fields);
};

} // namespace pd
