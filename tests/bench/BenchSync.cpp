// Sync benchmarks (issue 4) against a real practicedesk-server process on a real
// PostgreSQL (run under scripts/with-postgres; scripts/bench does that):
//  - server push ingest: batches of 500 new records over HTTP, operations per second;
//  - initial sync of 100,000 clients with their ~270,000 contacts and ~300,000 relations
//    into an empty desk over loopback, rows per second end to end (HTTP, JSON, SQLCipher),
//    and the desk's peak memory while doing it;
//  - incremental sync of 100 changes: one desk sends them, another receives them.
// The 100,000-client practice is loaded by practicedesk-cli (init --demo, login, sync).
#include "core/Ids.h"
#include "core/sync/Wire.h"
#include "server/PgDatabase.h"
#include "tests/integration/Desk.h"
#include "tests/testsupport/ServerProcess.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>
#include <httplib.h>

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>

namespace {

// PD_BENCH_CLIENTS overrides the size (a quick run on a small machine).
const int kClients =
    qEnvironmentVariableIsSet("PD_BENCH_CLIENTS") ? qEnvironmentVariableIntValue("PD_BENCH_CLIENTS") : 100000;

pd::test::ServerProcess* g_server = nullptr;
QString g_token;

double peakRssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

// CPU seconds (user + system) a process has used so far, from /proc/PID/stat.
double processCpuSeconds(const QString& pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    // Fields after the command name, which is in parentheses and may contain spaces.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// CPU seconds of every PostgreSQL process alive now (the benchmark's cluster is the only one).
double postgresCpuSeconds()
{
    double total = 0;
    for (const QString& pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
        if (pid.front().isDigit() && comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "postgres")
            total += processCpuSeconds(pid);
    }
    return total;
}

double selfCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

int cli(const QString& dir, const QStringList& args, const QByteArray& input)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(qEnvironmentVariable("PD_CLI"),
            QStringList{QStringLiteral("--data-dir"), dir, QStringLiteral("--passphrase-stdin")} + args);
    p.waitForStarted();
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(-1);
    std::printf("%s", p.readAllStandardOutput().constData());
    return p.exitCode();
}

void BM_ServerPushIngest(benchmark::State& state)
{
    httplib::Client client("127.0.0.1", g_server->url().port());
    client.set_read_timeout(120, 0);
    const httplib::Headers headers{{"Authorization", "Bearer " + g_token.toStdString()}};
    qint64 ops = 0;
    QElapsedTimer t;
    t.start();
    for (auto _ : state) {
        pd::wire::PushRequest r;
        r.nodeId = QStringLiteral("bench");
        for (int i = 0; i < 500; ++i) {
            pd::wire::Op op;
            op.opId = pd::newId();
            op.entity = QStringLiteral("relation");
            op.entityId = pd::newId();
            op.fields = {{QStringLiteral("client_id"), pd::newId()},
                         {QStringLiteral("contact_id"), pd::newId()},
                         {QStringLiteral("relation_type"), QStringLiteral("parent")},
                         {QStringLiteral("notifications"), 3}};
            r.ops << op;
        }
        auto res = client.Post("/v1/sync/push", headers, pd::wire::encode(r).toStdString(), "application/json");
        if (!res || res->status != 200)
            state.SkipWithError("push failed");
        ops += 500;
    }
    state.counters["ops_per_s"] = static_cast<double>(ops) / (static_cast<double>(t.nsecsElapsed()) / 1e9);
}
BENCHMARK(BM_ServerPushIngest)->Iterations(40)->Unit(benchmark::kMillisecond);

void BM_InitialSync100k(benchmark::State& state)
{
    for (auto _ : state) {
        pd::test::Desk desk(g_server->url(), QStringLiteral("fresh"), 1);
        if (!desk.signIn(QStringLiteral("admin"), pd::test::ServerProcess::adminPassword()))
            state.SkipWithError("sign-in failed");
        desk.engine().setPageSize(2000);
        desk.engine().setChangesPerTransaction(10000); // as practicedesk-cli syncs
        const QString server = QString::number(g_server->pid());
        const double deskCpu = selfCpuSeconds(), serverCpu = processCpuSeconds(server), pgCpu = postgresCpuSeconds();
        QElapsedTimer t;
        t.start();
        QString error;
        if (!desk.syncOnce(&error, 3600 * 1000))
            state.SkipWithError(qPrintable(error));
        const double seconds = static_cast<double>(t.nsecsElapsed()) / 1e9;
        // Where the two cores went: the desk (this process), the server, PostgreSQL.
        state.counters["desk_cpu_s"] = selfCpuSeconds() - deskCpu;
        state.counters["server_cpu_s"] = processCpuSeconds(server) - serverCpu;
        state.counters["postgres_cpu_s"] = postgresCpuSeconds() - pgCpu;
        const int rows = desk.engine().lastSummary().pulled;
        state.SetIterationTime(seconds);
        state.counters["rows"] = rows;
        state.counters["rows_per_s"] = rows / seconds;
        state.counters["clients"] = static_cast<double>(*desk.store().clients().count());
        state.counters["peak_rss_mb"] = peakRssMb();
    }
}
BENCHMARK(BM_InitialSync100k)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

void BM_IncrementalSync100(benchmark::State& state)
{
    pd::test::Desk a(g_server->url(), QStringLiteral("a"), 2);
    pd::test::Desk b(g_server->url(), QStringLiteral("b"), 3);
    a.signIn(QStringLiteral("admin"), pd::test::ServerProcess::adminPassword());
    b.signIn(QStringLiteral("admin"), pd::test::ServerProcess::adminPassword());
    // Both start from the current state of the practice (their own first sync is not timed).
    a.engine().setPageSize(2000);
    b.engine().setPageSize(2000);
    a.syncOnce(nullptr, 3600 * 1000);
    b.syncOnce(nullptr, 3600 * 1000);
    std::vector<double> send, receive;
    int round = 0;
    for (auto _ : state) {
        state.PauseTiming();
        for (int i = 0; i < 100; ++i)
            a.addClient(QStringLiteral("Inc"), QStringLiteral("R%1-%2").arg(round).arg(i),
                        QStringLiteral("inc%1-%2@example.com").arg(round).arg(i));
        ++round;
        state.ResumeTiming();
        QElapsedTimer t;
        t.start();
        a.syncOnce();
        send.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        t.restart();
        b.syncOnce();
        receive.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        if (b.engine().lastSummary().pulled < 100)
            state.SkipWithError("the changes did not arrive");
    }
    std::sort(send.begin(), send.end());
    std::sort(receive.begin(), receive.end());
    state.counters["send_100_median_ms"] = send[send.size() / 2];
    state.counters["receive_100_median_ms"] = receive[receive.size() / 2];
}
BENCHMARK(BM_IncrementalSync100)->Iterations(10)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    pd::test::ServerProcess server;
    if (const QString problem = server.start(); !problem.isEmpty()) {
        std::fprintf(stderr, "bench_sync: %s\n", qPrintable(problem));
        return 1;
    }
    g_server = &server;
    // The practice: 100,000 demo clients loaded through a desk (practicedesk-cli).
    QTemporaryDir dir;
    const QString desk = dir.filePath(QStringLiteral("loader"));
    QElapsedTimer t;
    t.start();
    if (cli(desk, {QStringLiteral("init"), QStringLiteral("--demo"), QString::number(kClients)},
            "bench passphrase\n") != 0)
        return 1;
    std::setvbuf(stdout, nullptr, _IONBF, 0);
    std::printf("demo desk made in %.1f s\n", static_cast<double>(t.restart()) / 1000.0);
    if (cli(desk,
            {QStringLiteral("login"), QStringLiteral("--server"), server.url().toString(), QStringLiteral("--user"),
             QStringLiteral("admin"), QStringLiteral("--password-stdin")},
            "bench passphrase\n" + pd::test::ServerProcess::adminPassword().toUtf8() + "\n") != 0)
        return 1;
    t.restart();
    if (cli(desk, {QStringLiteral("sync")}, "bench passphrase\n") != 0)
        return 1;
    std::printf("loaded through practicedesk-cli sync in %.1f s (push and pull back, end to end)\n",
                static_cast<double>(t.elapsed()) / 1000.0);
    {
        // What autovacuum does within a minute of a bulk load; timed right after the load,
        // the planner would otherwise still see the empty tables of a new practice.
        t.restart();
        auto db = pd::server::PgDatabase::forThisThread(server.databaseUrl());
        QSqlQuery analyze(*db);
        if (!analyze.exec(QStringLiteral("ANALYZE")))
            return 1;
        std::printf("ANALYZE after the load: %.1f s\n", static_cast<double>(t.elapsed()) / 1000.0);
    }
    {
        httplib::Client c("127.0.0.1", server.url().port());
        auto r = c.Post("/v1/auth/login", R"({"username":"admin","password":"admin-password","device":"bench"})",
                        "application/json");
        g_token = QJsonDocument::fromJson(QByteArray::fromStdString(r->body))
                      .object()
                      .value(QStringLiteral("access_token"))
                      .toString();
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
