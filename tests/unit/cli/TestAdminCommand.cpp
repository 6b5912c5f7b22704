// End-to-end tests of practicedesk-cli: the real binary on a real SQLCipher database in a
// temporary data folder, protected by a passphrase (the keychain path has its own test).
#include "tests/testsupport/TestSupport.h"
#include "tests/unit/cli/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using pd::test::runCli;

namespace {

const QByteArray kPass = "correct horse battery staple\n";
const QByteArray kHeader = "first_name,last_name,email,mobile_phone,date_of_birth,is_minor,contact_first_name,"
                           "contact_last_name,contact_email,contact_phone,contact_relation\n";

} // namespace

class TestAdminCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString dataDir() const { return m_tmp.filePath(QStringLiteral("data")); }
    QString file(const QString& name) const { return m_tmp.filePath(name); }

    pd::test::CliResult cli(QStringList args, const QByteArray& pass = kPass)
    {
        args.prepend(QStringLiteral("--passphrase-stdin"));
        args.prepend(dataDir());
        args.prepend(QStringLiteral("--data-dir"));
        return runCli(args, pass);
    }

    void writeCsv(const QString& name, const QByteArray& body) { QVERIFY(pd::test::writeAll(file(name), body)); }

    int clientCount()
    {
        const auto r = cli({QStringLiteral("list-clients"), QStringLiteral("--limit"), QStringLiteral("0")});
        const auto m = QRegularExpression(QStringLiteral("^0 shown of (\\d+) clients\\.")).match(r.out);
        return r.exitCode == 0 && m.hasMatch() ? m.captured(1).toInt() : -1;
    }

    // The client numbers in list-clients' output, in the order listed.
    static QList<int> listedNumbers(const QString& out)
    {
        QList<int> numbers;
        const auto rows = QRegularExpression(QStringLiteral("^ *(\\d+)  "), QRegularExpression::MultilineOption);
        for (auto it = rows.globalMatch(out); it.hasNext();)
            numbers << it.next().captured(1).toInt();
        return numbers;
    }

private slots:
    void init()
    {
        QDir(dataDir()).removeRecursively();
        const auto r = cli({QStringLiteral("init")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("Created an encrypted database")), qPrintable(r.out + r.err));
    }

    void helpDescribesEveryCommand()
    {
        const auto r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char* c : {"init", "import-clients", "list-clients", "export", "backup", "restore", "rekey", "check",
                              "--data-dir", "--passphrase-stdin", "--skip-invalid"})
            QVERIFY2(r.out.contains(QLatin1String(c)), c);
    }

    void unknownCommandIsAUsageError()
    {
        const auto r = cli({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("Unknown command")));
    }

    // A long import shows how far it is on one line of standard error, rewritten in place,
    // when a person watches it on a terminal; a script reading the output gets none of it.
    void importShowsProgressOnATerminalOnly()
    {
        QByteArray csv = kHeader;
        for (int i = 0; i < 6000; ++i)
            csv += QStringLiteral("Name%1,Family%1,n%1@example.com,,,no,,,,,\n").arg(i).toUtf8();
        writeCsv(QStringLiteral("big.csv"), csv);
        const QStringList args = {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--passphrase-stdin"),
                                  QStringLiteral("import-clients"), file(QStringLiteral("big.csv"))};

        const auto piped = pd::test::runCli(args, kPass); // standard error is a pipe here
        QCOMPARE(piped.exitCode, 0);
        QVERIFY2(!piped.err.contains(QLatin1Char('\r')) && !piped.err.contains(QLatin1String("Writing")),
                 qPrintable(piped.err));

        QDir(dataDir()).removeRecursively();
        QCOMPARE(cli({QStringLiteral("init")}).exitCode, 0);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PRACTICEDESK_PROGRESS"), QStringLiteral("always")); // as on a terminal
        const auto shown = pd::test::runCli(args, kPass, env);
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.err.contains(QLatin1String("\rChecking 6,000 rows")), qPrintable(shown.err));
        QVERIFY2(shown.err.contains(QLatin1String("\rWriting clients: 0 of 6,000")), qPrintable(shown.err));
        QVERIFY2(shown.err.contains(QLatin1String("Writing the search index")), qPrintable(shown.err));
        QVERIFY2(shown.err.endsWith(QLatin1Char('\r')), "the line is erased at the end");
        QVERIFY2(shown.out.startsWith(QLatin1String("Imported 6000 clients")), qPrintable(shown.out));
        QCOMPARE(clientCount(), 6000);
    }

    void initTwiceIsRefusedAndKeepsData()
    {
        writeCsv(QStringLiteral("a.csv"), kHeader + "Ana,García,ana@example.com,,,no,,,,,\n");
        QCOMPARE(cli({QStringLiteral("import-clients"), file(QStringLiteral("a.csv"))}).exitCode, 0);
        const auto r = cli({QStringLiteral("init")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("already")), qPrintable(r.err));
        QCOMPARE(clientCount(), 1);
    }

    void noPlaintextAnywhereInTheDataFolder()
    {
        writeCsv(QStringLiteral("p.csv"), kHeader +
                                              "Zebulon,Quixotic-Marker,zebulon.marker@example.com,+1 202 555 0147,"
                                              "2001-02-03,no,Wilhelmina,Marker,wilhelmina@example.com,,parent\n");
        QCOMPARE(cli({QStringLiteral("import-clients"), file(QStringLiteral("p.csv"))}).exitCode, 0);
        const QStringList files = pd::test::filesBelow(dataDir());
        QVERIFY(!files.isEmpty());
        for (const auto& [path, bytes] : pd::test::snapshot(dataDir())) {
            QVERIFY2(!bytes.startsWith("SQLite format 3"), qPrintable(path));
            for (const QByteArray& needle :
                 {QByteArray("Quixotic"), QByteArray("zebulon.marker"), QByteArray("Wilhelmina"),
                  QByteArray("2025550147"), QByteArray("CREATE TABLE")})
                QVERIFY2(!bytes.contains(needle),
                         qPrintable(path + QStringLiteral(" contains ") + QString::fromLatin1(needle)));
        }
    }

    void wrongPassphraseChangesNothing()
    {
        writeCsv(QStringLiteral("w.csv"), kHeader + "Ana,García,ana@example.com,,,no,,,,,\n");
        QCOMPARE(cli({QStringLiteral("import-clients"), file(QStringLiteral("w.csv"))}).exitCode, 0);
        const auto before = pd::test::snapshot(dataDir());
        const auto r = cli({QStringLiteral("list-clients")}, "not the passphrase\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("passphrase is not correct")), qPrintable(r.err));
        QCOMPARE(pd::test::snapshot(dataDir()), before);
    }

    void importThenSearchByNameEmailPhoneAndNumber()
    {
        // "José" written decomposed (e + combining acute) must be found as "jose" and "José".
        writeCsv(QStringLiteral("s.csv"),
                 kHeader + "Jose\xcc\x81,Núñez,jose.nunez@example.com,(202) 555-0188,1990-05-01,no,,,,,\n"
                           "محمد,حداد,mohammed@example.com,,,no,,,,,\n"
                           "Zoë 🌈,Åberg,,+44 20 7946 0958,,no,,,,,\n");
        const auto imp = cli({QStringLiteral("import-clients"), file(QStringLiteral("s.csv"))});
        QCOMPARE(imp.exitCode, 0);
        QVERIFY(imp.out.contains(QLatin1String("Imported 3 clients")));
        auto search = [this](const QString& text) {
            return cli({QStringLiteral("list-clients"), QStringLiteral("--search"), text}).out;
        };
        QVERIFY(search(QStringLiteral("jose")).contains(QString::fromUtf8("Jos\xc3\xa9"))); // stored NFC
        QVERIFY(search(QString::fromUtf8("José N")).contains(QStringLiteral("Núñez")));
        QVERIFY(search(QStringLiteral("nunez")).contains(QStringLiteral("Núñez")));
        QVERIFY(search(QStringLiteral("JOSE.NUNEZ@")).contains(QStringLiteral("Núñez")));
        QVERIFY(search(QStringLiteral("202-555-01")).contains(QStringLiteral("Núñez")));
        QVERIFY(search(QStringLiteral("محم")).contains(QStringLiteral("حداد")));
        QVERIFY(search(QStringLiteral("aberg")).contains(QString::fromUtf8("Zoë 🌈")));
        QVERIFY(search(QStringLiteral("1001")).contains(QStringLiteral("Núñez"))); // first client number
        QVERIFY(!search(QStringLiteral("nobody")).contains(QStringLiteral("Núñez")));
    }

    void injectionAndFormatStringsAreStoredVerbatim()
    {
        writeCsv(QStringLiteral("i.csv"),
                 kHeader + "\"Robert'); DROP TABLE clients;--\",%s%n%x%3%4,bobby@example.com,,,no,,,,,\n");
        QCOMPARE(cli({QStringLiteral("import-clients"), file(QStringLiteral("i.csv"))}).exitCode, 0);
        const auto r = cli({QStringLiteral("list-clients"), QStringLiteral("--search"), QStringLiteral("robert")});
        // "%3" in a name is not a place for the next column (the list pads each column alone).
        QVERIFY2(r.out.contains(QStringLiteral("%s%n%x%3%4, Robert'); DROP TABLE clients;--")), qPrintable(r.out));
        QCOMPARE(r.out.count(QStringLiteral("bobby@example.com")), 1);
        QCOMPARE(clientCount(), 1);
    }

    void badRowsAreReportedWithLineNumbersAndNothingIsImported_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("reason");
        QTest::newRow("email without @") << QByteArray("Ana,García,ana.example.com,,,no,,,,,\n")
                                         << QStringLiteral("email");
        QTest::newRow("phone with letters")
            << QByteArray("Ana,García,,555-CALL-NOW,,no,,,,,\n") << QStringLiteral("phone");
        QTest::newRow("bad date") << QByteArray("Ana,García,,,31/12/2001,no,,,,,\n") << QStringLiteral("YYYY-MM-DD");
        QTest::newRow("bad minor flag") << QByteArray("Ana,García,,,,maybe,,,,,\n") << QStringLiteral("is_minor");
        QTest::newRow("minor without guardian")
            << QByteArray("Ana,García,ana@example.com,,2015-01-01,yes,,,,,\n") << QStringLiteral("Legal Guardian");
        QTest::newRow("no email, phone or contact")
            << QByteArray("Ana,García,,,,no,,,,,\n") << QStringLiteral("contact");
        QTest::newRow("only an unreachable contact") << QByteArray("Ana,García,,,,no,Bo,García,,,parent\n")
                                                     << QStringLiteral("contact with an email or mobile phone");
        QTest::newRow("unknown relation")
            << QByteArray("Ana,García,ana@example.com,,,no,Bo,García,,,uncle-ish\n") << QStringLiteral("relation");
        QTest::newRow("too few fields") << QByteArray("Ana,García\n") << QStringLiteral("fields");
    }

    void badRowsAreReportedWithLineNumbersAndNothingIsImported()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, reason);
        writeCsv(QStringLiteral("b.csv"), kHeader + "Good,Row,good@example.com,,,no,,,,,\n" + row);
        const auto r = cli({QStringLiteral("import-clients"), file(QStringLiteral("b.csv"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("line 3")), qPrintable(r.err));
        QVERIFY2(r.err.contains(reason, Qt::CaseInsensitive), qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("Nothing was imported")));
        QCOMPARE(clientCount(), 0);

        const auto skip =
            cli({QStringLiteral("import-clients"), file(QStringLiteral("b.csv")), QStringLiteral("--skip-invalid")});
        QCOMPARE(skip.exitCode, 0);
        QCOMPARE(clientCount(), 1);
    }

    void minorWithGuardianImports()
    {
        writeCsv(QStringLiteral("m.csv"),
                 kHeader + "Lía,Pérez,,,2016-04-04,yes,Marta,Pérez,marta@example.com,,Legal Guardian\n");
        const auto r = cli({QStringLiteral("import-clients"), file(QStringLiteral("m.csv"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("1 contacts")));
    }

    void badFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("wrong header") << QByteArray("name,mail\nAna,ana@example.com\n") << QStringLiteral("header");
        QTest::newRow("latin-1") << QByteArray(kHeader + "Jos\xe9,Nu\xf1"
                                                         "ez,,,,no,,,,,\n")
                                 << QStringLiteral("UTF-8");
        QTest::newRow("utf-16") << QByteArray("\xff\xfe"
                                              "f\0i\0",
                                              6)
                                << QStringLiteral("UTF-16");
        QTest::newRow("duplicate rows") << QByteArray(kHeader + "Ana,García,ana@example.com,,,no,,,,,\n"
                                                                "Ana,García,ana@example.com,,,no,,,,,\n")
                                        << QStringLiteral("duplicate of line 2");
        // The later column would silently win over the earlier one.
        QTest::newRow("column named twice")
            << QByteArray("first_name,last_name,email,Email\nAna,García,ana@example.com,ana.g@example.com\n")
            << QStringLiteral("names the column email twice (columns 3 and 4)");
        QTest::newRow("unclosed quote") << QByteArray(kHeader + "\"Ana,García,,,,no,,,,,\n")
                                        << QStringLiteral("never closed");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    }

    void badFilesAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        writeCsv(QStringLiteral("bad.csv"), bytes);
        const auto r = cli({QStringLiteral("import-clients"), file(QStringLiteral("bad.csv"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(reason), qPrintable(r.err));
        QCOMPARE(clientCount(), 0);
    }

    void missingImportFileIsAClearError()
    {
        const auto r = cli({QStringLiteral("import-clients"), file(QStringLiteral("nope.csv"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QLatin1String("Cannot read")));
    }

    void exportRoundTripsAndGuardsFormulas()
    {
        writeCsv(QStringLiteral("e.csv"),
                 kHeader + "\"=HYPERLINK(\"\"x\"\")\",\"Smith, Jr.\",,+12025550111,,no,,,,,\n");
        QCOMPARE(cli({QStringLiteral("import-clients"), file(QStringLiteral("e.csv"))}).exitCode, 0);
        const auto r = cli({QStringLiteral("export"), file(QStringLiteral("out.csv"))});
        QCOMPARE(r.exitCode, 0);
        const QByteArray out = pd::test::readAll(file(QStringLiteral("out.csv")));
        QVERIFY(out.contains("\"Smith, Jr.\""));
        QVERIFY(out.contains("'=HYPERLINK"));
        QVERIFY(out.contains("+12025550111"));
        // The export imports again into a fresh folder.
        QDir(dataDir()).removeRecursively();
        QCOMPARE(cli({QStringLiteral("init")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("import-clients"), file(QStringLiteral("out.csv"))}).exitCode, 0);
        QCOMPARE(clientCount(), 1);
    }

    void backupAndRestore()
    {
        writeCsv(QStringLiteral("r1.csv"), kHeader + "Ana,García,ana@example.com,,,no,,,,,\n");
        QCOMPARE(cli({QStringLiteral("import-clients"), file(QStringLiteral("r1.csv"))}).exitCode, 0);
        const QString backup = file(QStringLiteral("desk.pdbackup"));
        QFile::remove(backup);
        const auto b = cli({QStringLiteral("backup"), backup});
        QVERIFY2(b.exitCode == 0, qPrintable(b.err));
        const QByteArray bytes = pd::test::readAll(backup);
        QVERIFY(bytes.size() > 4096);
        QVERIFY(!bytes.startsWith("SQLite format 3"));
        QVERIFY(!bytes.contains("García") && !bytes.contains("ana@example.com"));
        QCOMPARE(cli({QStringLiteral("backup"), backup}).exitCode, 1); // never overwrites

        writeCsv(QStringLiteral("r2.csv"), kHeader + "Bo,Berg,bo@example.com,,,no,,,,,\n");
        QCOMPARE(cli({QStringLiteral("import-clients"), file(QStringLiteral("r2.csv"))}).exitCode, 0);
        QCOMPARE(clientCount(), 2);
        const auto r = cli({QStringLiteral("restore"), backup});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(clientCount(), 1);
        QDir d(dataDir());
        QCOMPARE(d.entryList({QStringLiteral("practicedesk.db.before-restore-*")}, QDir::Files).size(), 1);

        pd::test::writeAll(file(QStringLiteral("junk.bin")), QByteArray(8192, 'x'));
        const auto bad = cli({QStringLiteral("restore"), file(QStringLiteral("junk.bin"))});
        QCOMPARE(bad.exitCode, 1);
        QCOMPARE(clientCount(), 1);
    }

    void rekeyKeepsDataAndChangesTheFile()
    {
        writeCsv(QStringLiteral("k.csv"), kHeader + "Ana,García,ana@example.com,,,no,,,,,\n");
        QCOMPARE(cli({QStringLiteral("import-clients"), file(QStringLiteral("k.csv"))}).exitCode, 0);
        const QByteArray before = pd::test::readAll(dataDir() + QStringLiteral("/practicedesk.db"));
        const auto r = cli({QStringLiteral("rekey")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QByteArray after = pd::test::readAll(dataDir() + QStringLiteral("/practicedesk.db"));
        QVERIFY(before.left(4096) != after.left(4096));
        QCOMPARE(clientCount(), 1);
        QCOMPARE(cli({QStringLiteral("check")}).exitCode, 0);
    }

    void checkReportsAHealthyDatabase()
    {
        const auto r = cli({QStringLiteral("check")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("fine")));
    }

    void damagedFilesAreReportedAndKept_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("truncated to 100 bytes") << 0;
        QTest::newRow("emptied") << 1;
        QTest::newRow("bytes overwritten in the first page") << 2;
        QTest::newRow("truncated to half") << 3;
        // The file opens, and the damage shows only when the page is read: check finds it.
        QTest::newRow("bytes overwritten deep inside") << 4;
    }

    void damagedFilesAreReportedAndKept()
    {
        QFETCH(int, mode);
        if (mode >= 3) { // a database of some size
            QDir(dataDir()).removeRecursively();
            QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("400")}).exitCode, 0);
        }
        const QString db = dataDir() + QStringLiteral("/practicedesk.db");
        QByteArray bytes = pd::test::readAll(db);
        if (mode == 0)
            bytes.truncate(100);
        else if (mode == 1)
            bytes.clear();
        else if (mode == 2)
            bytes.replace(40, 64, QByteArray(64, '\0'));
        else if (mode == 3)
            bytes.truncate(bytes.size() / 2);
        else
            bytes.replace(bytes.size() / 2 + 100, 64, QByteArray(64, '\0'));
        QVERIFY(pd::test::writeAll(db, bytes));
        const auto before = pd::test::snapshot(dataDir());
        const auto r = cli({QStringLiteral("check")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("damaged")) || r.err.contains(QLatin1String("empty")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("backup")), qPrintable(r.err));
        QCOMPARE(pd::test::snapshot(dataDir()), before);
        // However many pages are lost, the report stays readable: SQLite's own lines, ten at most.
        QVERIFY2(r.err.count(QLatin1Char('\n')) <= 14, qPrintable(r.err));
    }

    void missingDatabaseIsExplained()
    {
        QDir(dataDir()).removeRecursively();
        const auto r = cli({QStringLiteral("list-clients")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("init")), qPrintable(r.err));
        QVERIFY(!QFile::exists(dataDir() + QStringLiteral("/practicedesk.db")));
    }

    void demoDataHasMinorsWithGuardiansAndSharedEmails()
    {
        QDir(dataDir()).removeRecursively();
        const auto r = cli({QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("300")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("Added 300 demo clients")));
        QCOMPARE(clientCount(), 300);
        QCOMPARE(cli({QStringLiteral("check")}).exitCode, 0);
    }

    void importingTheSameClientsAgainIsRefused()
    {
        writeCsv(QStringLiteral("first.csv"), kHeader + "Ana,García,ana@example.com,,,no,,,,,\n"
                                                        "Luis,García,luis@example.com,,,no,,,,,\n");
        QCOMPARE(cli({QStringLiteral("import-clients"), file(QStringLiteral("first.csv"))}).exitCode, 0);

        // The same file again: nothing is imported, and each line says which client it is.
        const auto again = cli({QStringLiteral("import-clients"), file(QStringLiteral("first.csv"))});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QLatin1String("line 2: already in the database as client 1001")) &&
                     again.err.contains(QLatin1String("line 3: already in the database as client 1002")),
                 qPrintable(again.err));
        QCOMPARE(clientCount(), 2);

        // A list that overlaps the first one (accents and case differ, as when typed again):
        // --skip-invalid imports only the new client.
        writeCsv(QStringLiteral("more.csv"), kHeader + "ANA,Garcia,Ana@Example.com,,,no,,,,,\n"
                                                       "Marta,Ruiz,marta@example.com,,,no,,,,,\n");
        const auto more =
            cli({QStringLiteral("import-clients"), file(QStringLiteral("more.csv")), QStringLiteral("--skip-invalid")});
        QCOMPARE(more.exitCode, 0);
        QVERIFY2(more.out.contains(QLatin1String("Imported 1 clients")), qPrintable(more.out + more.err));
        QVERIFY2(more.err.contains(QLatin1String("line 2: already in the database as client 1001")),
                 qPrintable(more.err));
        QCOMPARE(clientCount(), 3);

        // Someone else with the same name is a new client.
        writeCsv(QStringLiteral("namesake.csv"), kHeader + "Ana,García,ana.garcia@example.org,,,no,,,,,\n");
        QCOMPARE(cli({QStringLiteral("import-clients"), file(QStringLiteral("namesake.csv"))}).exitCode, 0);
        QCOMPARE(clientCount(), 4);
    }

    void listClientsSaysWhenMoreAreLeftAndListsAllOnRequest()
    {
        QDir(dataDir()).removeRecursively();
        QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("1200")}).exitCode, 0);
        auto list = [this](QStringList args) {
            args.prepend(QStringLiteral("list-clients"));
            return cli(args);
        };

        const auto first = list({});
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(listedNumbers(first.out).size(), 50);
        QVERIFY2(first.out.endsWith(QLatin1String("50 shown of 1200 clients. --limit N or --all shows more.\n")),
                 qPrintable(first.out.right(200)));

        // --all pages through the whole list (500 at a time): every client once, in the
        // same order as the first page, and nothing said about more.
        const auto all = list({QStringLiteral("--all")});
        QCOMPARE(all.exitCode, 0);
        const QList<int> numbers = listedNumbers(all.out);
        QCOMPARE(numbers.size(), 1200);
        QCOMPARE(QSet<int>(numbers.begin(), numbers.end()).size(), 1200);
        QCOMPARE(numbers.mid(0, 50), listedNumbers(first.out));
        QVERIFY2(all.out.endsWith(QLatin1String("1200 shown of 1200 clients.\n")), qPrintable(all.out.right(200)));

        // Exactly as many as there are: no "more".
        const auto exact = list({QStringLiteral("--limit"), QStringLiteral("1200")});
        QVERIFY2(exact.out.endsWith(QLatin1String("1200 shown of 1200 clients.\n")), qPrintable(exact.out.right(200)));

        // A search: the first of its hits, then all of them.
        const QString name = first.out.section(QLatin1Char('\n'), 0, 0).mid(8).section(QLatin1Char(','), 0, 0);
        const auto some = list({QStringLiteral("--search"), name, QStringLiteral("--limit"), QStringLiteral("1")});
        QVERIFY2(some.out.endsWith(QLatin1String("1 shown; more clients match. --limit N or --all shows more.\n")),
                 qPrintable(name + QLatin1Char(':') + some.out));
        const auto every = list({QStringLiteral("--search"), name, QStringLiteral("--all")});
        const int hits = static_cast<int>(listedNumbers(every.out).size());
        QVERIFY(hits > 1);
        QVERIFY2(every.out.endsWith(QStringLiteral("%1 clients match.\n").arg(hits)), qPrintable(every.out));

        // Both at once is a usage error that says why.
        const auto both = list({QStringLiteral("--all"), QStringLiteral("--limit"), QStringLiteral("5")});
        QCOMPARE(both.exitCode, 2);
        QVERIFY2(both.err.contains(QLatin1String("--all and --limit")), qPrintable(both.err));
        QVERIFY(both.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAdminCommand)
#include "TestAdminCommand.moc"
