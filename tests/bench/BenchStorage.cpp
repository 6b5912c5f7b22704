// Storage benchmarks (issue 2, docs/benchmarks.md): 100,000 clients and ~300,000
// relations, encrypted (SQLCipher raw key) and the same workload on the same libsqlcipher
// opened without a key, so the ratio is the cost of encryption alone.
//   scripts/bench                     (or build/release/tests/bench/bench_storage)
#include "core/Clock.h"
#include "storage/ClientImporter.h"
#include "storage/DemoData.h"
#include "storage/Store.h"
#include "storage/driver/SqlCipherDriver.h"
#include "storage/vault/SecureBytes.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <QSqlDriver>

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

constexpr int kClients = 100000;

struct Fixture
{
    QTemporaryDir dir;
    pd::SecureBytes key = pd::SecureBytes::random(32);
    QString encryptedPath;
    QString plainPath;
    QStringList prefixes; // search texts: name, email and phone prefixes
};

std::unique_ptr<pd::Store> openStore(const QString& path, const pd::SecureBytes* key)
{
    auto db = key ? pd::Database::open(path, *key) : pd::Database::createUnencryptedForBenchmark(path);
    if (!db) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(db.message()));
        std::abort();
    }
    return std::make_unique<pd::Store>(std::move(db).value(), pd::Clock::system(), pd::Actor{QStringLiteral("bench")});
}

void populate(pd::Store& store, bool first)
{
    pd::DemoOptions options;
    options.clients = kClients;
    options.relationsPerClient = 3;
    auto summary = pd::generateDemoData(store, options);
    if (!summary)
        std::abort();
    // One client with 50 relations for the profile benchmark.
    auto cs = store.changeSet();
    (void)cs->begin();
    pd::Client c;
    c.firstName = QStringLiteral("Profile");
    c.lastName = QStringLiteral("Fifty");
    c.email = QStringLiteral("profile.fifty@example.com");
    (void)store.clients().save(*cs, c);
    for (int i = 0; i < 50; ++i) {
        pd::Contact person;
        person.firstName = QStringLiteral("Person%1").arg(i);
        person.lastName = QStringLiteral("Fifty");
        person.email = QStringLiteral("p%1@example.com").arg(i);
        (void)store.relations().saveContact(*cs, person, c.meta.id);
        pd::Relation r;
        r.clientId = c.meta.id;
        r.contactId = person.meta.id;
        r.type = pd::RelationType::EmergencyContact;
        (void)store.relations().save(*cs, r);
    }
    (void)cs->commit();
    if (first) {
        std::printf("populated %d clients, %d contacts, %d relations (+1 client with 50)\n", summary->clients,
                    summary->contacts, summary->relations);
    }
}

Fixture& fixture()
{
    // Destroyed at exit, so that its folder (1.5 GB) is removed and not left in /tmp.
    static const std::unique_ptr<Fixture> f = [] {
        auto fx = std::make_unique<Fixture>();
        fx->encryptedPath = fx->dir.filePath(QStringLiteral("enc.db"));
        fx->plainPath = fx->dir.filePath(QStringLiteral("plain.db"));
        {
            auto created = pd::Database::create(fx->encryptedPath, fx->key);
            pd::Store store(std::move(created).value(), pd::Clock::system(), pd::Actor{QStringLiteral("bench")});
            populate(store, true);
            // Search texts taken from the data itself: 3-letter name prefixes, email and phone prefixes.
            QSqlQuery q(store.sql());
            q.exec(QStringLiteral(
                "SELECT first_name, last_name, email, mobile_phone FROM clients ORDER BY random() LIMIT 400"));
            while (q.next()) {
                fx->prefixes << q.value(0).toString().left(3) << q.value(1).toString().left(4)
                             << q.value(2).toString().left(5) << q.value(3).toString().mid(2, 6);
            }
            fx->prefixes.removeAll(QString());
        }
        {
            auto plain = pd::Database::createUnencryptedForBenchmark(fx->plainPath);
            pd::Store store(std::move(plain).value(), pd::Clock::system(), pd::Actor{QStringLiteral("bench")});
            populate(store, false);
        }
        return fx;
    }();
    return *f;
}

// 100,000 clients as CSV for the import benchmark (made without the database fixture, so
// `--benchmark_filter=Import` runs on its own).
const QByteArray& importCsv()
{
    static const QByteArray csv = [] {
        QByteArray out = "first_name,last_name,email,mobile_phone,date_of_birth,is_minor\n";
        for (int i = 0; i < kClients; ++i)
            out += QStringLiteral("Nombre%1,Apellido%2,c%1@example.com,+1202555%3,1980-01-01,no\n")
                       .arg(i)
                       .arg(i % 977)
                       .arg(i % 10000, 4, 10, QLatin1Char('0'))
                       .toUtf8();
        return out;
    }();
    return csv;
}

const pd::SecureBytes* keyFor(bool encrypted)
{
    return encrypted ? &fixture().key : nullptr;
}

QString pathFor(bool encrypted)
{
    return encrypted ? fixture().encryptedPath : fixture().plainPath;
}

// Page-cache counters of a store's connection since the last call (reset each time):
// how many pages a workload read from the file (each decrypted when encrypted) and wrote.
struct PageCounts
{
    int misses = 0, writes = 0, hits = 0;
};
PageCounts takePageCounts(pd::Store& store)
{
    sqlite3* db = store.sql().driver()->handle().value<sqlite3*>();
    PageCounts c;
    int high = 0;
    sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_MISS, &c.misses, &high, 1);
    sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_WRITE, &c.writes, &high, 1);
    sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_HIT, &c.hits, &high, 1);
    return c;
}

void setLabel(benchmark::State& state)
{
    state.SetLabel(state.range(0) ? "sqlcipher" : "plain");
}

// Open with a raw key to the first query answered. Target <= 20 ms.
void BM_OpenToFirstQuery(benchmark::State& state)
{
    const bool enc = state.range(0) != 0;
    const QString path = pathFor(enc);
    qint64 read = 0;
    qint64 readOpening = 0;
    for (auto _ : state) {
        auto store = openStore(path, keyFor(enc));
        readOpening += takePageCounts(*store).misses;
        auto list = store->clients().search(QString(), 25);
        benchmark::DoNotOptimize(list.ok());
        read += takePageCounts(*store).misses;
    }
    // From the file: decrypted when encrypted (the schema, the migration check, the list).
    state.counters["pages_read"] =
        benchmark::Counter(static_cast<double>(read + readOpening), benchmark::Counter::kAvgIterations);
    state.counters["pages_opening"] =
        benchmark::Counter(static_cast<double>(readOpening), benchmark::Counter::kAvgIterations);
    setLabel(state);
}
BENCHMARK(BM_OpenToFirstQuery)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

// Scroll the whole client list (text "") or all of a search's hits from a fresh
// connection, a page of 200 at a time as the desktop's list model fetches them, to the end.
void scrollToTheEnd(benchmark::State& state, const QString& text)
{
    const bool enc = state.range(0) != 0;
    const QString path = pathFor(enc); // made before the clock starts
    qint64 read = 0;
    qint64 rows = 0;
    for (auto _ : state) {
        auto store = openStore(path, keyFor(enc));
        pd::ClientListPosition position;
        for (bool atEnd = false; !atEnd;) {
            auto page = store->clients().page(text, 200, position);
            if (!page) {
                state.SkipWithError("page failed");
                break;
            }
            rows += page->clients.size();
            position = page->next;
            atEnd = page->atEnd;
        }
        read += takePageCounts(*store).misses;
    }
    state.counters["rows"] = benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kAvgIterations);
    state.counters["pages_read"] = benchmark::Counter(static_cast<double>(read), benchmark::Counter::kAvgIterations);
    setLabel(state);
}
void BM_ScrollWholeList(benchmark::State& state)
{
    scrollToTheEnd(state, QString());
}
BENCHMARK(BM_ScrollWholeList)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->Iterations(5);
// Every client found by "m" (first, last and full names, emails): a broad search.
void BM_ScrollSearchHits(benchmark::State& state)
{
    scrollToTheEnd(state, QStringLiteral("m"));
}
BENCHMARK(BM_ScrollSearchHits)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->Iterations(5);

// Prefix search by name, email and phone; p95 reported. Target p95 <= 2 ms.
void BM_SearchPrefix(benchmark::State& state)
{
    const bool enc = state.range(0) != 0;
    auto store = openStore(pathFor(enc), keyFor(enc));
    const QStringList& prefixes = fixture().prefixes;
    std::vector<double> ms;
    qsizetype i = 0;
    (void)takePageCounts(*store);
    for (auto _ : state) {
        QElapsedTimer t;
        t.start();
        auto hits = store->clients().search(prefixes.at(i++ % prefixes.size()), 50);
        benchmark::DoNotOptimize(hits.ok());
        ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    state.counters["pages_read"] =
        benchmark::Counter(takePageCounts(*store).misses, benchmark::Counter::kAvgIterations);
    std::sort(ms.begin(), ms.end());
    state.counters["p50_ms"] = ms[ms.size() / 2];
    state.counters["p95_ms"] = ms[ms.size() * 95 / 100];
    setLabel(state);
}
BENCHMARK(BM_SearchPrefix)->Arg(1)->Arg(0)->Unit(benchmark::kMicrosecond);

// Load one client and its 50 relations (with each person's details). Target <= 5 ms.
void BM_LoadProfile50(benchmark::State& state)
{
    const bool enc = state.range(0) != 0;
    auto store = openStore(pathFor(enc), keyFor(enc));
    const QString id = store->clients().search(QStringLiteral("profile fifty"), 1)->first().id;
    for (auto _ : state) {
        auto c = store->clients().get(id);
        auto people = store->relations().forClient(c->meta.id);
        if (people->size() != 50)
            state.SkipWithError("expected 50 relations");
    }
    setLabel(state);
}
BENCHMARK(BM_LoadProfile50)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

// Save one relation (changed toggles) with its outbox and audit rows, synchronous=FULL.
// Target median <= 5 ms.
void BM_SaveRelation(benchmark::State& state)
{
    const bool enc = state.range(0) != 0;
    auto store = openStore(pathFor(enc), keyFor(enc));
    auto people = store->relations().forClient(store->clients().search(QStringLiteral("profile fifty"), 1)->first().id);
    pd::Relation r = people->first().relation;
    bool flip = false;
    (void)takePageCounts(*store);
    for (auto _ : state) {
        flip = !flip;
        r.notifications = flip ? pd::allNotifyToggles() : pd::NotifyToggles();
        auto cs = store->changeSet();
        (void)cs->begin();
        if (!store->relations().save(*cs, r) || !cs->commit())
            state.SkipWithError("save failed");
    }
    const PageCounts pages = takePageCounts(*store);
    const auto perSave = [&](int n) { return benchmark::Counter(n, benchmark::Counter::kAvgIterations); };
    state.counters["pages_read"] = perSave(pages.misses); // from the file: decrypted when encrypted
    state.counters["pages_written"] = perSave(pages.writes);
    state.counters["pages_cached"] = perSave(pages.hits);
    setLabel(state);
}
BENCHMARK(BM_SaveRelation)
    ->Arg(1)
    ->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->ComputeStatistics("median_of_reps", [](const std::vector<double>& v) {
        std::vector<double> s = v;
        std::sort(s.begin(), s.end());
        return s[s.size() / 2];
    });

// Bulk import of 100,000 clients from CSV into an empty database (validation, search
// terms, outbox and audit rows included). Target <= 3 s.
void BM_ImportCsv100k(benchmark::State& state)
{
    const bool enc = state.range(0) != 0;
    static int n = 0; // a new database file for every run
    static QTemporaryDir dir;
    static const pd::SecureBytes key = pd::SecureBytes::random(32);
    const QByteArray& csv = importCsv();
    for (auto _ : state) {
        state.PauseTiming();
        const QString path = dir.filePath(QStringLiteral("import-%1-%2.db").arg(enc).arg(n++));
        auto db = enc ? pd::Database::create(path, key) : pd::Database::createUnencryptedForBenchmark(path);
        if (!db) {
            state.SkipWithError(qPrintable(db.message()));
            break;
        }
        pd::Store store(std::move(db).value(), pd::Clock::system(), pd::Actor{QStringLiteral("bench")});
        state.ResumeTiming();
        auto report = pd::importClientsCsv(store, csv, {});
        if (!report || report->imported != kClients)
            state.SkipWithError(report ? "rows refused" : qPrintable(report.message()));
    }
    state.counters["rows_per_s"] = benchmark::Counter(kClients, benchmark::Counter::kIsIterationInvariantRate);
    setLabel(state);
}
BENCHMARK(BM_ImportCsv100k)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5);

// Google Benchmark's own table, then the encryption overhead of this run: for each
// benchmark, its sqlcipher figure divided by its plain one (the same libsqlcipher without a
// key, DESIGN.md §3), beside the benchmark's own target. Repeated runs count by their median.
class OverheadReporter : public benchmark::ConsoleReporter
{
public:
    using ConsoleReporter::ConsoleReporter;

    void ReportRuns(const std::vector<Run>& runs) override
    {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& run : runs) {
            if (run.run_type != Run::RT_Iteration || run.error_occurred)
                continue;
            const bool encrypted = run.run_name.args.rfind('1', 0) == 0;
            const std::string& name = run.run_name.function_name;
            if (m_figures.find(name) == m_figures.end())
                m_order.push_back(name); // the table follows the order the benchmarks ran in
            Figures& f = m_figures[name];
            const double ms = run.GetAdjustedRealTime() / benchmark::GetTimeUnitMultiplier(run.time_unit) * 1e3;
            f.time[encrypted].push_back(ms);
            if (const auto p95 = run.counters.find("p95_ms"); p95 != run.counters.end())
                f.p95[encrypted].push_back(p95->second.value);
        }
    }

    void Finalize() override
    {
        ConsoleReporter::Finalize();
        std::printf("\nEncryption overhead in this run (sqlcipher / plain, same libsqlcipher; target <= 1.15x)\n");
        std::printf("%-22s %-9s %12s %12s %8s   %s\n", "benchmark", "figure", "sqlcipher", "plain", "ratio",
                    "own target");
        for (const std::string& name : m_order) {
            const Figures& f = m_figures.at(name);
            const Target target = targetOf(name);
            line(name, "time", f.time, target.p95 ? 0 : target.ms);
            if (!f.p95[0].empty() || !f.p95[1].empty())
                line(name, "p95", f.p95, target.p95 ? target.ms : 0);
        }
        std::fflush(stdout);
    }

private:
    struct Figures
    {
        std::vector<double> time[2]; // [encrypted] ms per iteration, one entry per run
        std::vector<double> p95[2];
    };
    struct Target
    {
        double ms = 0; // 0: none
        bool p95 = false;
    };

    static Target targetOf(const std::string& name)
    {
        static const std::map<std::string, Target> targets = {{"BM_OpenToFirstQuery", {20, false}},
                                                              {"BM_SearchPrefix", {2, true}},
                                                              {"BM_LoadProfile50", {5, false}},
                                                              {"BM_SaveRelation", {5, false}},
                                                              {"BM_ImportCsv100k", {3000, false}}};
        const auto t = targets.find(name);
        return t == targets.end() ? Target{} : t->second;
    }

    static double median(std::vector<double> v)
    {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0 : v[v.size() / 2];
    }

    static void line(const std::string& name, const char* figure, const std::vector<double> (&values)[2],
                     double targetMs)
    {
        const double enc = median(values[1]);
        const double plain = median(values[0]);
        char target[64] = "-";
        if (targetMs > 0)
            std::snprintf(target, sizeof target, "<= %g ms: %s", targetMs, enc <= targetMs ? "met" : "NOT met");
        if (values[0].empty() || values[1].empty()) {
            std::printf("%-22s %-9s %12.3f %12s %8s   %s\n", name.c_str(), figure, values[1].empty() ? plain : enc,
                        values[1].empty() ? "(plain)" : "-", "-", target);
            return;
        }
        std::printf("%-22s %-9s %9.3f ms %9.3f ms %7.2fx   %s\n", name.c_str(), figure, enc, plain, enc / plain,
                    target);
    }

    std::map<std::string, Figures> m_figures;
    std::vector<std::string> m_order;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    OverheadReporter reporter(isatty(fileno(stdout)) ? OverheadReporter::OO_Color : OverheadReporter::OO_None);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
