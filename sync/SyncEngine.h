#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/sync/Wire.h"
#include "storage/sync/SyncStore.h"
#include "sync/Transport.h"

#include <QDateTime>
#include <QObject>
#include <QRandomGenerator>
#include <QElapsedTimer>
#include <QThreadPool>
#include <QTimer>

#include <deque>
#include <functional>
#include <optional>

namespace pd {

// The desk's sync engine (DESIGN.md §4, docs/protocol.md): signs in, pushes the outbox in
// batches, pulls change-log pages from the cursor, each answer applied in one local
// transaction; runs in the background on an interval and soon after a local change, with
// exponential backoff and jitter after failures. Nothing here blocks: every step waits on
// the transport's callback.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    enum class State {
        SignedOut, // no valid sign-in: a person has to sign in
        Idle,      // in sync as of lastSync
        Syncing,
        Offline,     // the server could not be reached; retrying with backoff
        Error,       // the server answered with an error; retrying with backoff
        NeedsUpdate, // schema or protocol mismatch: update PracticeDesk (no retries)
    };
    Q_ENUM(State)

    struct Summary
    {
        int pushed = 0;
        int pulled = 0;
        int conflicts = 0;
        int rejected = 0;
    };

    SyncEngine(SyncStore& store, Transport& transport, const Clock& clock = Clock::system(), QObject* parent = nullptr);
    ~SyncEngine() override;

    // Signs in with a password (POST /v1/auth/login). On success the refresh token is
    // available from refreshToken() and refreshTokenChanged() was emitted.
    void signIn(const QString& username, const QString& password, std::function<void(Status)> done);
    // A refresh token kept from an earlier sign-in (keychain); the engine refreshes its
    // access token with it before the first sync.
    void setRefreshToken(const QByteArray& token);
    QByteArray refreshToken() const { return m_refresh; }
    // The signed-in user's role (admin, clinician, frontdesk) from the last sign-in.
    QString role() const { return m_role; }
    void signOut();

    // One full cycle now: push everything pending, then pull until up to date. finished()
    // follows. A cycle already running is not started twice.
    void syncNow();
    // Background sync: every intervalMs, and a few seconds after notifyLocalChange().
    void startBackground(int intervalMs = 60000);
    void stopBackground();
    void notifyLocalChange();

    State state() const { return m_state; }
    QString lastError() const { return m_lastError; }
    QDateTime lastSync() const { return m_lastSync; }
    Summary lastSummary() const { return m_summary; }
    int consecutiveFailures() const { return m_failures; }
    // How long the engine waits before retrying after the current failures (with jitter).
    int nextRetryMs() const { return m_nextRetryMs; }
    void setBatchSize(int ops) { m_batch = ops; }
    void setPageSize(int changes) { m_pageSize = changes; }
    // Received pages are written as they arrive into one local transaction, committed with the
    // last page's cursor once it holds this many changes, has been open about a second, or
    // the last page came. 0: each page in its own transaction — for a program that writes
    // anything else on this connection meanwhile (the desktop), since nothing else may write
    // through it while a pull transaction is open.
    void setChangesPerTransaction(int changes) { m_changesPerTransaction = changes; }
    void setJitterSeed(quint32 seed) { m_random.seed(seed); }

signals:
    void stateChanged(pd::SyncEngine::State state);
    void finished(bool ok, const QString& error);
    void refreshTokenChanged(const QByteArray& token);
    void signedOut(const QString& reason);
    // After every batch sent and page received (lastSummary() has the running counts).
    void progress();

private:
    // The page being written, and its next change to write.
    struct Writing
    {
        wire::PullPage page;
        QList<PreparedChange> prepared;
        qsizetype next = 0;
    };

    void setState(State s);
    void withAccess(std::function<void()> next);
    void refresh(std::function<void(bool)> done);
    void pushNext();
    // Asks for the first page after the stored cursor; later pages are asked for ahead of
    // the one being written (up to kPagesAhead), so the server reads while the desk decodes
    // and writes.
    void pullNext();
    void requestPage(qint64 from, bool first);
    // Handles the answers to pull requests in the order they were asked for, each once its
    // page is decoded and every answer before it handled.
    void handleReceived();
    // Asks for the page the last answer named, unless kPagesAhead pages are asked for or
    // received and not yet written (so memory stays bounded when the server is faster).
    void requestAhead();
    // Writes the page's changes from w.next up to `to` into the open pull transaction
    // (opening one); after the page's last change, commits when it is due (see
    // setChangesPerTransaction()).
    Status applyReceived(const Writing& w, qsizetype to);
    Status commitPulled();
    // After a failed request: stores the whole pages received before it, then fails.
    void keepPulledThen(const std::function<void()>& fail);
    void authorized(HttpRequest request, std::function<void(const HttpResponse&)> done, bool retried = false);
    void succeed();
    void fail(const HttpResponse& response, const QString& during);
    void failWith(State state, const QString& message, int retryAfterSeconds = -1);
    bool takeTokens(const QByteArray& body);
    void scheduleRetry(int retryAfterSeconds);

    SyncStore& m_store;
    Transport& m_transport;
    const Clock& m_clock;
    State m_state = State::SignedOut;
    QByteArray m_access;
    qint64 m_accessExpiresMs = 0;
    QByteArray m_refresh;
    QString m_role;
    bool m_running = false;
    quint64 m_cycle = 0; // answers to an earlier, failed cycle are dropped
    bool m_backgroundOn = false;
    bool m_again = false;
    int m_failures = 0;
    int m_nextRetryMs = 0;
    int m_batch = 500;
    int m_pageSize = wire::Limits{}.maxChanges; // the most a server gives: fewer round trips
    int m_changesPerTransaction = 0;
    qsizetype m_pulledChanges = 0; // written in the open pull transaction, not yet committed
    qint64 m_pulledCursor = 0;     // of the last page written
    QElapsedTimer m_pullOpened;    // since the open pull transaction began
    // A pull request, in the order they were sent: its answer when it came, its page once
    // decoded. Pages are decoded on m_decoder (one thread, so in order), off this thread,
    // while this thread writes the page before; an answer that names the next page's cursor
    // (wire::kNextCursorHeader) has that page asked for before it is decoded.
    struct PullRequest
    {
        quint64 id = 0;
        qint64 from = 0;
        bool first = false;
        bool answered = false;
        HttpResponse response;
        qint64 named = -1;      // the next page's cursor, as the answer's header named it (-1: none)
        bool askedNext = false; // the next page was asked for from there
        std::optional<Result<wire::PullPage>> page;
        QList<PreparedChange> prepared; // its changes made ready to write (SyncStore::prepare)
    };
    std::deque<PullRequest> m_pulls;
    PullRequest* findPull(quint64 id); // nullptr once dropped (a failed cycle)
    std::optional<Writing> m_writing;
    bool m_slicePosted = false;                     // the next slice of m_writing is queued
    static constexpr qsizetype kSliceChanges = 250; // about 10 ms of writing
    static constexpr qsizetype kPagesAhead = 3;
    quint64 m_nextPullId = 0;
    QThreadPool m_decoder;
    static constexpr qint64 kMaxPullOpenMs = 1000;
    QString m_lastError;
    QDateTime m_lastSync;
    Summary m_summary;
    QList<wire::Op> m_inFlight;
    QTimer m_interval;
    QTimer m_retry;
    QTimer m_debounce;
    QRandomGenerator m_random;
};

} // namespace pd
