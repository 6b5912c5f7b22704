#pragma once

#include <QDate>
#include <QString>

namespace pd::text {

// Names and free text are stored trimmed, with runs of white space folded and in Unicode
// NFC, so "Jose\u0301" and "José" are the same stored name.
QString clean(const QString& s);

// A key for prefix search: NFKD, combining marks dropped, case folded. "José Núñez" and
// "jose nunez" get the same key; Arabic, Hebrew and CJK text keep their letters.
QString searchKey(const QString& s);

// Digits only ("+1 (555) 010-2030" -> "15550102030").
QString digitsOnly(const QString& s);

// A string greater than every string that starts with prefix, in the order the database
// compares text (UTF-8 bytes), for range scans: key >= prefix AND key < prefixEnd(prefix).
QString prefixEnd(const QString& prefix);

// A date as ISO 8601 "YYYY-MM-DD", the form dates are stored and sent in; the same text as
// QDate::toString(Qt::ISODate), made without its formatting machinery (a sixth of the work
// of preparing a client row for a bulk import went there). Empty for an invalid date.
QString isoDate(const QDate& date);

} // namespace pd::text
