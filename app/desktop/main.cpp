#include "app/desktop/DesktopStartup.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QStandardPaths>
#include <QTimer>

// practicedesk: the desktop. All the work is in DesktopStartup and ui/.
int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("PracticeDesk"));
    QApplication::setOrganizationName(QStringLiteral("PracticeDesk"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("PracticeDesk: clients, their contacts and what each may see."));
    parser.addHelpOption();
    QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("The data folder."), QStringLiteral("DIR"),
                               QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    QCommandLineOption demo(QStringLiteral("demo"),
                            QStringLiteral("Create a database of made-up clients on first run."));
    parser.addOption(dataDir);
    parser.addOption(demo);
    parser.process(app);

    pd::DesktopStartup startup(parser.value(dataDir), parser.isSet(demo));
    QTimer::singleShot(0, &startup, &pd::DesktopStartup::start);
    return QApplication::exec();
}
