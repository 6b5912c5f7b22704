// Desktop benchmarks (issue 3, DESIGN.md §6) on 100,000 clients and ~300,000 relations:
//  - cold start to a usable window: open the encrypted database with its raw key, build the
//    client list model with its first page, create and show the main window, paint it;
//  - keystroke to updated results: one key press in the search field until the list has
//    its new first page and has been repainted, typed letter by letter like a person.
// Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
#include "models/ClientListModel.h"
#include "storage/Database.h"
#include "storage/DemoData.h"
#include "storage/Store.h"
#include "storage/vault/SecureBytes.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace {

constexpr int kClients = 100000;

struct Fixture
{
    QTemporaryDir dir;
    pd::SecureBytes key = pd::SecureBytes::random(32);
    QString path;
    QStringList words; // what a person types: name, email and phone beginnings
};

Fixture& fixture()
{
    // Destroyed at exit, so that its folder (1.5 GB) is removed and not left in /tmp.
    static const std::unique_ptr<Fixture> f = [] {
        auto fx = std::make_unique<Fixture>();
        fx->path = fx->dir.filePath(QStringLiteral("desk.db"));
        auto created = pd::Database::create(fx->path, fx->key);
        if (!created)
            std::abort();
        pd::Store store(std::move(created).value(), pd::Clock::system(), pd::Actor{QStringLiteral("bench")});
        pd::DemoOptions options;
        options.clients = kClients;
        options.relationsPerClient = 3;
        auto summary = pd::generateDemoData(store, options);
        if (!summary)
            std::abort();
        std::printf("populated %d clients, %d relations\n", summary->clients, summary->relations);
        QSqlQuery q(store.sql());
        q.exec(QStringLiteral("SELECT last_name, email, mobile_phone FROM clients ORDER BY random() LIMIT 60"));
        while (q.next())
            fx->words << q.value(0).toString().left(5) << q.value(1).toString().left(6)
                      << q.value(2).toString().mid(2, 5);
        fx->words.removeAll(QString());
        return fx;
    }();
    return *f;
}

std::unique_ptr<pd::Store> openStore()
{
    auto db = pd::Database::open(fixture().path, fixture().key);
    if (!db)
        std::abort();
    return std::make_unique<pd::Store>(std::move(db).value(), pd::Clock::system(), pd::Actor{QStringLiteral("bench")});
}

void BM_ColdStartToUsableWindow(benchmark::State& state)
{
    fixture();
    for (auto _ : state) {
        QElapsedTimer t;
        t.start();
        auto store = openStore();
        pd::ClientListModel model(store->clients());
        model.setFilter({});
        auto window = std::make_unique<pd::MainWindow>(*store, model);
        window->show();
        window->clientTable()->viewport()->repaint();
        QCoreApplication::processEvents();
        const double ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
        if (model.rowCount() == 0)
            state.SkipWithError("the list is empty");
        state.SetIterationTime(ms / 1000.0);
        state.counters["rows_shown"] = model.rowCount();
        state.counters["total_clients"] = static_cast<double>(model.totalClients());
        window.reset();
    }
}
BENCHMARK(BM_ColdStartToUsableWindow)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(20);

void BM_KeystrokeToResults(benchmark::State& state)
{
    auto store = openStore();
    pd::ClientListModel model(store->clients());
    model.setFilter({});
    pd::MainWindow window(*store, model);
    window.show();
    QCoreApplication::processEvents();
    std::vector<double> ms;
    for (auto _ : state) {
        for (const QString& word : fixture().words) {
            window.searchField()->clear();
            for (const QChar c : word) {
                QElapsedTimer t;
                t.start();
                QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
                QCoreApplication::sendEvent(window.searchField(), &press);
                window.clientTable()->viewport()->repaint();
                ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
            }
        }
    }
    std::sort(ms.begin(), ms.end());
    state.counters["keystrokes"] = static_cast<double>(ms.size());
    state.counters["median_ms"] = ms[ms.size() / 2];
    state.counters["p95_ms"] = ms[ms.size() * 95 / 100];
    state.counters["max_ms"] = ms.back();
}
BENCHMARK(BM_KeystrokeToResults)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
