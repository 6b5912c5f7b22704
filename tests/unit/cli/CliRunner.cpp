#include "tests/unit/cli/CliRunner.h"

#include <QProcess>

namespace pd::test {

CliResult runCli(const QStringList& args, const QByteArray& stdinBytes, const QProcessEnvironment& env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("PD_CLI"), args);
    CliResult r;
    if (!p.waitForStarted(30000))
        return r;
    p.write(stdinBytes);
    p.closeWriteChannel();
    p.waitForFinished(300000);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace pd::test
