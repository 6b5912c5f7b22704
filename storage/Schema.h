#pragma once

#include "core/Result.h"

#include <QSqlDatabase>

namespace pd::schema {

// Numbered migrations (PRAGMA user_version). Each step runs in one transaction together
// with the version bump, so a failed step leaves the database exactly as it was.
int latestVersion();

// Brings the database from its current version to upTo (latestVersion(); tests make older
// databases to test upgrades). A database newer than this program is refused with
// Error::TooNew and left untouched.
Status migrate(QSqlDatabase& db, int upTo = latestVersion());

// The synced tables (each row: UUID id, server version, HLC stamp, tombstone).
QStringList syncedTables();

} // namespace pd::schema
