#include "app/cli/AdminCommand.h"

#include <QCoreApplication>
#include <QTimer>

// practicedesk-cli: the admin command (docs/cli.md). All the work is in AdminCommand.
int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("PracticeDesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("PracticeDesk"));
    pd::AdminCommand command(QCoreApplication::arguments());
    QTimer::singleShot(0, &command, &pd::AdminCommand::run);
    return QCoreApplication::exec();
}
