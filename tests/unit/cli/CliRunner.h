#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace pd::test {

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the real practicedesk-cli (path from $PD_CLI) with the given arguments and stdin.
CliResult runCli(const QStringList& args, const QByteArray& stdinBytes = {},
                 const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment());

} // namespace pd::test
