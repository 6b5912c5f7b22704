#include "tests/testsupport/TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

namespace pd::test {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(bytes) == bytes.size();
}

QStringList filesBelow(const QString& dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    out.sort();
    return out;
}

QList<QPair<QString, QByteArray>> snapshot(const QString& dir)
{
    QList<QPair<QString, QByteArray>> out;
    const QDir base(dir);
    for (const QString& f : filesBelow(dir))
        out.append({base.relativeFilePath(f), readAll(f)});
    return out;
}

} // namespace pd::test
