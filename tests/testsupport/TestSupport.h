#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pd::test {

// Reads a whole file ("" if it does not exist).
QByteArray readAll(const QString& path);
// Writes bytes to a file, replacing it.
bool writeAll(const QString& path, const QByteArray& bytes);
// Every regular file below dir (recursively), absolute paths, sorted.
QStringList filesBelow(const QString& dir);
// Map of relative path -> contents for every file below dir, to compare "byte-identical".
QList<QPair<QString, QByteArray>> snapshot(const QString& dir);

} // namespace pd::test
