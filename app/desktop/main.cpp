#include "app/desktop/DesktopStartup.h"
#include "app/desktop/Translations.h"

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
    QCommandLineOption language(QStringLiteral("language"),
                                QStringLiteral("The language of the screens, e.g. en or es (default: the system's)."),
                                QStringLiteral("CODE"));
    parser.addOption(dataDir);
    parser.addOption(demo);
    parser.addOption(language);
    parser.process(app);
    const QLocale locale = parser.isSet(language) ? QLocale(parser.value(language)) : QLocale::system();
    if (!pd::installTranslations(locale) && parser.isSet(language))
        qWarning("PracticeDesk has no translation for \"%s\"; showing English.", qPrintable(parser.value(language)));
    QLocale::setDefault(locale);

    pd::DesktopStartup startup(parser.value(dataDir), parser.isSet(demo));
    QTimer::singleShot(0, &startup, &pd::DesktopStartup::start);
    return QApplication::exec();
}
