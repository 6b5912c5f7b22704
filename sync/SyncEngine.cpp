#include "sync/SyncEngine.h"

#include "storage/sync/SyncStore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSysInfo>

#include <algorithm>
#include <memory>

namespace pd {

namespace {
constexpr int kMaxBackoffMs = 5 * 60 * 1000;
} // namespace

SyncEngine::SyncEngine(SyncStore& store, Transport& transport, const Clock& clock, QObject* parent)
    : QObject(parent), m_store(store), m_transport(transport), m_clock(clock),
      m_random(QRandomGenerator::securelySeeded())
{
    m_decoder.setMaxThreadCount(1); // pages come out decoded in the order they went in
    m_retry.setSingleShot(true);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(3000);
    // During a backoff the interval and a local change wait for it: the retry timer syncs when
    // the backoff (or the server's Retry-After) is over. Only syncNow() itself goes sooner.
    const auto unlessBackingOff = [this] {
        if (!m_retry.isActive())
            syncNow();
    };
    connect(&m_interval, &QTimer::timeout, this, unlessBackingOff);
    connect(&m_retry, &QTimer::timeout, this, &SyncEngine::syncNow);
    connect(&m_debounce, &QTimer::timeout, this, unlessBackingOff);
}

SyncEngine::~SyncEngine()
{
    m_decoder.waitForDone(); // its pages are dropped with this engine
    m_store.abortPull();     // an unfinished pull keeps nothing; the next one asks again
}

void SyncEngine::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    emit stateChanged(s);
}

bool SyncEngine::takeTokens(const QByteArray& body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QByteArray access = o.value(QStringLiteral("access_token")).toString().toUtf8();
    const QByteArray refresh = o.value(QStringLiteral("refresh_token")).toString().toUtf8();
    const int expires = o.value(QStringLiteral("access_expires_in")).toInt();
    if (access.isEmpty() || refresh.isEmpty() || expires <= 0)
        return false;
    m_access = access;
    // Refresh a little early so a request never leaves with a token about to expire.
    m_accessExpiresMs = m_clock.nowMs() + qint64(expires) * 1000 - 30'000;
    m_refresh = refresh;
    const QString role = o.value(QStringLiteral("user")).toObject().value(QStringLiteral("role")).toString();
    if (!role.isEmpty())
        m_role = role;
    emit refreshTokenChanged(m_refresh);
    return true;
}

void SyncEngine::signIn(const QString& username, const QString& password, std::function<void(Status)> done)
{
    HttpRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/v1/auth/login");
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("username"), username},
                                       {QStringLiteral("password"), password},
                                       {QStringLiteral("device"), m_store.nodeId()}})
                 .toJson(QJsonDocument::Compact);
    m_transport.send(r, [this, done = std::move(done)](const HttpResponse& response) {
        if (response.status == 200 && takeTokens(response.body)) {
            m_failures = 0;
            setState(State::Idle);
            return done({});
        }
        if (response.status == 0)
            return done(Error::make(Error::Kind::Unavailable,
                                    tr("The practice server could not be reached (%1).").arg(response.networkError)));
        const auto error = wire::decodeError(response.body);
        if (error && error->error == QLatin1String("rate_limited"))
            return done(Error::invalid(tr("Too many failed sign-ins for this account. Try again later.")));
        if (response.status == 401)
            return done(Error::invalid(tr("The user name or password is not correct."), QStringLiteral("password")));
        return done(Error::make(Error::Kind::Internal,
                                error ? error->message : tr("The server answered %1.").arg(response.status)));
    });
}

void SyncEngine::setRefreshToken(const QByteArray& token)
{
    m_refresh = token;
    m_access.clear();
    m_accessExpiresMs = 0;
    setState(token.isEmpty() ? State::SignedOut : State::Idle);
}

void SyncEngine::signOut()
{
    if (!m_refresh.isEmpty()) {
        HttpRequest r;
        r.method = "POST";
        r.path = QStringLiteral("/v1/auth/logout");
        r.body = QJsonDocument(QJsonObject{{QStringLiteral("refresh_token"), QString::fromUtf8(m_refresh)}})
                     .toJson(QJsonDocument::Compact);
        m_transport.send(r, [](const HttpResponse&) {});
    }
    m_access.clear();
    m_refresh.clear();
    emit refreshTokenChanged({});
    stopBackground();
    setState(State::SignedOut);
}

void SyncEngine::refresh(std::function<void(bool)> done)
{
    HttpRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/v1/auth/refresh");
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("refresh_token"), QString::fromUtf8(m_refresh)}})
                 .toJson(QJsonDocument::Compact);
    m_transport.send(r, [this, done = std::move(done)](const HttpResponse& response) {
        if (response.status == 200 && takeTokens(response.body))
            return done(true);
        if (response.status == 401) {
            // Expired, revoked or reused: only a person can sign in again.
            m_access.clear();
            m_refresh.clear();
            emit refreshTokenChanged({});
            const QString message = tr("Signed out by the practice server; sign in again to sync.");
            const QPointer<SyncEngine> self(this);
            failWith(State::SignedOut, message);
            if (self)
                emit signedOut(message);
            return;
        }
        fail(response, tr("signing in"));
    });
}

void SyncEngine::withAccess(std::function<void()> next)
{
    if (!m_access.isEmpty() && m_clock.nowMs() < m_accessExpiresMs)
        return next();
    if (m_refresh.isEmpty())
        return failWith(State::SignedOut, tr("Not signed in to the practice server."));
    refresh([next = std::move(next)](bool ok) {
        if (ok)
            next();
    });
}

void SyncEngine::authorized(HttpRequest request, std::function<void(const HttpResponse&)> done, bool retried)
{
    request.bearer = m_access;
    m_transport.send(request, [this, request, done = std::move(done), retried](const HttpResponse& response) {
        const auto error = response.status == 401 ? wire::decodeError(response.body) : std::nullopt;
        if (!retried && error && error->error == QLatin1String("token_expired")) {
            m_access.clear();
            return refresh([this, request, done](bool ok) {
                if (ok)
                    authorized(request, done, true);
            });
        }
        done(response);
    });
}

void SyncEngine::syncNow()
{
    if (m_running) {
        m_again = true; // a change arrived during the cycle: run once more afterwards
        return;
    }
    if (m_refresh.isEmpty() && m_access.isEmpty()) {
        failWith(State::SignedOut, tr("Not signed in to the practice server."));
        return;
    }
    m_running = true;
    m_again = false;
    m_pulls.clear();
    m_writing.reset();
    m_summary = {};
    m_retry.stop();
    setState(State::Syncing);
    withAccess([this] { pushNext(); });
}

void SyncEngine::pushNext()
{
    auto ops = m_store.pendingOps(m_batch);
    if (!ops)
        return failWith(State::Error, ops.message());
    if (ops->isEmpty())
        return pullNext();
    m_inFlight = *ops;
    wire::PushRequest push;
    push.nodeId = m_store.nodeId();
    push.ops = m_inFlight;
    HttpRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/v1/sync/push");
    r.body = wire::encode(push);
    authorized(r, [this](const HttpResponse& response) {
        if (response.status == 413 && m_inFlight.size() > 1) {
            m_batch = qMax(1, static_cast<int>(m_inFlight.size()) / 2);
            return pushNext();
        }
        if (response.status != 200)
            return fail(response, tr("sending changes"));
        auto decoded = wire::decodePushResponse(response.body);
        if (!decoded) // garbage or cut short: nothing applied, try again later
            return failWith(State::Error, decoded.message());
        if (Status s = m_store.applyPushResults(m_inFlight, *decoded); !s)
            return failWith(State::Error, s.message());
        for (const wire::OpResult& result : decoded->results) {
            ++m_summary.pushed;
            m_summary.conflicts += result.status == wire::OpStatus::Conflict;
            m_summary.rejected += result.status == wire::OpStatus::Rejected;
        }
        if (decoded->results.isEmpty())
            return failWith(State::Error, tr("The server accepted none of the changes."));
        emit progress();
        pushNext();
    });
}

void SyncEngine::pullNext()
{
    auto cursor = m_store.cursor();
    if (!cursor)
        return failWith(State::Error, cursor.message());
    requestPage(*cursor, true);
}

void SyncEngine::requestPage(qint64 from, bool first)
{
    HttpRequest r;
    r.path = QStringLiteral("/v1/sync/pull");
    r.query.addQueryItem(QStringLiteral("cursor"), QString::number(from));
    r.query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    r.query.addQueryItem(QStringLiteral("schema"), QString::number(wire::kSchema));
    const quint64 id = m_nextPullId++;
    PullRequest request;
    request.id = id;
    request.from = from;
    request.first = first;
    m_pulls.push_back(std::move(request));
    authorized(r, [this, id, cycle = m_cycle](const HttpResponse& response) {
        if (cycle != m_cycle || !m_running)
            return; // asked for ahead of a page that then failed to apply
        // A pointer, not an iterator: asking for the next page below appends to m_pulls, which
        // keeps references to a deque's elements valid but not its iterators.
        PullRequest* pull = findPull(id);
        if (!pull)
            return;
        pull->answered = true;
        pull->response = response;
        if (response.status != 200)
            return handleReceived();
        // The next page is asked for now when the answer names it (and not too many are
        // ahead), so the server reads it while this one is decoded and the one before written.
        bool named = false;
        const qint64 next = response.header(wire::kNextCursorHeader).toLongLong(&named);
        if (named && next > pull->from) {
            pull->named = next;
            requestAhead();
        }
        const QByteArray body = std::exchange(pull->response.body, {});
        m_decoder.start([this, id, cycle, body] {
            auto page = std::make_shared<Result<wire::PullPage>>(wire::decodePullPage(body));
            auto prepared = std::make_shared<QList<PreparedChange>>();
            if (*page)
                *prepared = SyncStore::prepare((*page)->changes);
            // Runs on this engine's thread; dropped if the engine is gone by then.
            QMetaObject::invokeMethod(
                this,
                [this, id, cycle, page, prepared] {
                    if (cycle != m_cycle)
                        return;
                    if (PullRequest* decoded = findPull(id)) {
                        decoded->page = std::move(*page);
                        decoded->prepared = std::move(*prepared);
                    }
                    handleReceived();
                },
                Qt::QueuedConnection);
        });
    });
}

SyncEngine::PullRequest* SyncEngine::findPull(quint64 id)
{
    const auto it = std::find_if(m_pulls.begin(), m_pulls.end(), [id](const PullRequest& p) { return p.id == id; });
    return it == m_pulls.end() ? nullptr : &*it;
}

void SyncEngine::requestAhead()
{
    if (m_pulls.empty() || static_cast<qsizetype>(m_pulls.size()) + (m_writing ? 1 : 0) >= kPagesAhead)
        return;
    PullRequest& last = m_pulls.back();
    if (last.named < 0 || last.askedNext)
        return;
    last.askedNext = true;
    requestPage(last.named, false);
}

void SyncEngine::handleReceived()
{
    // While a page is written slice by slice, its next slice carries on from here.
    if (m_slicePosted)
        return;
    const QPointer<SyncEngine> self(this); // finished() may destroy this engine
    const quint64 cycle = m_cycle;
    while (self && cycle == m_cycle && m_running) {
        if (m_writing) {
            // A page's changes are written in slices when nothing else writes meanwhile
            // (m_changesPerTransaction > 0), with a return to the event loop between them:
            // the next answer is taken in and sent off to be decoded while this page is written.
            Writing& w = *m_writing;
            const qsizetype size = w.page.changes.size();
            const qsizetype to = m_changesPerTransaction > 0 ? qMin(size, w.next + kSliceChanges) : size;
            if (Status s = applyReceived(w, to); !s)
                return failWith(State::Error, s.message());
            w.next = to;
            if (to < size) {
                m_slicePosted = true;
                QMetaObject::invokeMethod(
                    this,
                    [this, cycle] {
                        m_slicePosted = false;
                        if (cycle == m_cycle)
                            handleReceived();
                    },
                    Qt::QueuedConnection);
                return;
            }
            const bool more = w.page.more;
            // Freed on the decoding thread: a page of JSON objects takes a while to free.
            m_decoder.start([written = std::make_shared<Writing>(std::move(w))]() mutable { written.reset(); });
            m_writing.reset();
            requestAhead();
            emit progress();
            if (!more)
                return succeed();
            continue;
        }
        if (m_pulls.empty())
            return;
        PullRequest& front = m_pulls.front();
        if (!front.answered || (front.response.status == 200 && !front.page))
            return; // the answers after it wait for it
        PullRequest r = std::move(front);
        m_pulls.pop_front();
        const HttpResponse& response = r.response;
        if (response.status == 410 && r.first) {
            m_pulls.clear();
            if (Status s = m_store.resetCursor(); !s)
                return failWith(State::Error, s.message());
            return pullNext();
        }
        if (response.status != 200)
            return keepPulledThen([this, response] { fail(response, tr("receiving changes")); });
        Result<wire::PullPage>& page = *r.page;
        if (!page)
            return keepPulledThen([this, message = page.message()] { failWith(State::Error, message); });
        if (page->cursor < r.from)
            return keepPulledThen(
                [this] { failWith(State::Error, tr("The server's change log went backwards; nothing was applied.")); });
        const bool more = page->more;
        if (r.named >= 0 && (!more || page->cursor != r.named))
            return keepPulledThen([this] {
                failWith(State::Error, tr("The server's answer named another next page than its changes do; "
                                          "nothing of it was applied."));
            });
        // Not asked for yet (no header, or enough pages ahead): asked for now, before this
        // one is written.
        if (more && !r.askedNext)
            requestPage(page->cursor, false);
        m_writing = Writing{std::move(page.value()), std::move(r.prepared), 0};
    }
}

Status SyncEngine::applyReceived(const Writing& w, qsizetype to)
{
    // Written as it arrives, into a transaction that stays open for up to
    // m_changesPerTransaction changes (0: one page per transaction) and about a second: a
    // desktop open on the same data folder waits for it to save (its busy timeout is 5 s).
    // Only whole pages are committed, each with its cursor.
    if (!m_store.pullOpen()) {
        if (Status s = m_store.beginPull(); !s)
            return s;
        m_pullOpened.start();
    }
    if (Status s = m_store.applyPulledChanges(w.page.changes, w.prepared, w.next, to); !s) {
        m_pulledChanges = 0; // rolled back with the pages before it in the transaction
        return s;
    }
    m_pulledChanges += to - w.next;
    if (to < w.page.changes.size())
        return {};
    m_pulledCursor = w.page.cursor;
    if (!w.page.more || m_pulledChanges >= m_changesPerTransaction || m_pullOpened.elapsed() >= kMaxPullOpenMs)
        return commitPulled();
    return {};
}

Status SyncEngine::commitPulled()
{
    if (!m_store.pullOpen())
        return {};
    const qsizetype changes = std::exchange(m_pulledChanges, 0);
    if (Status s = m_store.finishPull(m_pulledCursor); !s)
        return s;
    m_summary.pulled += static_cast<int>(changes);
    return {};
}

void SyncEngine::keepPulledThen(const std::function<void()>& fail)
{
    // The whole pages received before a failed one are good: store them (with their
    // cursor) so the retry starts after them.
    if (Status s = commitPulled(); !s)
        return failWith(State::Error, s.message());
    fail();
}

void SyncEngine::succeed()
{
    m_running = false;
    m_failures = 0;
    m_nextRetryMs = 0;
    m_lastError.clear();
    m_lastSync = m_clock.nowUtc();
    (void)m_store.setState(QStringLiteral("last_sync"), m_lastSync.toString(Qt::ISODate));
    setState(State::Idle);
    const bool again = m_again;
    const QPointer<SyncEngine> self(this);
    emit finished(true, {}); // a receiver may destroy this engine
    if (self && again)
        QTimer::singleShot(0, this, &SyncEngine::syncNow);
}

void SyncEngine::fail(const HttpResponse& response, const QString& during)
{
    if (response.status == 0)
        return failWith(
            State::Offline,
            tr("The practice server could not be reached while %1 (%2).").arg(during, response.networkError));
    const auto error = wire::decodeError(response.body);
    const QString code = error ? error->error : QString();
    if (code == QLatin1String("schema_mismatch") || code == QLatin1String("unsupported_protocol"))
        return failWith(State::NeedsUpdate, tr("This PracticeDesk and the practice server do not speak the same "
                                               "version; update PracticeDesk. Your changes are kept on this desk."));
    if (response.status == 401) {
        m_access.clear();
        m_refresh.clear();
        emit refreshTokenChanged({});
        const QString message = tr("Signed out by the practice server; sign in again to sync.");
        const QPointer<SyncEngine> self(this);
        failWith(State::SignedOut, message);
        if (self)
            emit signedOut(message);
        return;
    }
    const QString message = error && !error->message.isEmpty()
                                ? error->message
                                : tr("The practice server answered %1 while %2.").arg(response.status).arg(during);
    failWith(State::Error, message, response.retryAfterSeconds);
}

void SyncEngine::failWith(State state, const QString& message, int retryAfterSeconds)
{
    ++m_cycle;
    m_running = false;
    m_pulls.clear(); // answers still on their way are dropped
    m_writing.reset();
    m_store.abortPull(); // pages of a failed cycle are asked for again from the stored cursor
    m_pulledChanges = 0;
    m_lastError = message;
    (void)m_store.setState(QStringLiteral("last_error"), message);
    setState(state);
    if (state == State::Offline || state == State::Error) {
        ++m_failures;
        scheduleRetry(retryAfterSeconds);
    }
    emit finished(false, message);
}

void SyncEngine::scheduleRetry(int retryAfterSeconds)
{
    // 1 s doubling to 5 minutes, ±50 % jitter so desks that went offline together do not
    // come back together; the server's Retry-After wins when it asks for longer.
    const qint64 base = qMin<qint64>(kMaxBackoffMs, 1000LL << qMin(m_failures - 1, 20));
    const double jitter = 0.5 + m_random.generateDouble();
    m_nextRetryMs = static_cast<int>(qMin<qint64>(kMaxBackoffMs, static_cast<qint64>(base * jitter)));
    if (retryAfterSeconds > 0)
        m_nextRetryMs = qMax(m_nextRetryMs, retryAfterSeconds * 1000);
    if (m_interval.isActive() || m_debounce.isActive() || m_retry.isActive() || m_backgroundOn)
        m_retry.start(m_nextRetryMs);
}

void SyncEngine::startBackground(int intervalMs)
{
    m_backgroundOn = true;
    m_interval.start(intervalMs);
    QTimer::singleShot(0, this, &SyncEngine::syncNow);
}

void SyncEngine::stopBackground()
{
    m_backgroundOn = false;
    m_interval.stop();
    m_retry.stop();
    m_debounce.stop();
}

void SyncEngine::notifyLocalChange()
{
    if (m_backgroundOn && !m_retry.isActive())
        m_debounce.start();
}

} // namespace pd
