#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QStringList>

#include <functional>

namespace pd {

class Store;

// Imports clients (and optionally one contact per row) from CSV (practicedesk-cli
// import-clients). Recognized columns (header row, any order, case-insensitive):
//   first_name, last_name, email, mobile_phone, date_of_birth (YYYY-MM-DD), is_minor
//   (yes/no/true/false/1/0), contact_first_name, contact_last_name, contact_email,
//   contact_phone, contact_relation (parent, legal_guardian, … or their labels).
// Every row is checked first; a bad row is reported with its line number and reason and
// nothing is written unless every row is valid (or skipInvalid is set). The whole import
// is one transaction: it lands completely or not at all.
// How far an import has gone: rows checked, then clients written (of those to write), then
// the search index and the commit.
struct ImportProgress
{
    enum class Stage { Checking, Writing, Finishing };
    Stage stage = Stage::Checking;
    qsizetype done = 0;
    qsizetype total = 0;
};

struct ImportOptions
{
    bool skipInvalid = false;
    QString defaultCountryCode = QStringLiteral("1");
    // Called on the importing thread as it goes (a few dozen times for 100,000 rows); may be
    // empty.
    std::function<void(const ImportProgress&)> progress;
};

struct ImportReport
{
    int imported = 0;
    int contacts = 0;
    QStringList problems; // "line 7: …" for every row that was (or would have been) refused
};

Result<ImportReport> importClientsCsv(Store& store, const QByteArray& csv, const ImportOptions& options);

// Writes every client (one row each, with its first contact) in the same column layout.
Result<QByteArray> exportClientsCsv(Store& store);

} // namespace pd
