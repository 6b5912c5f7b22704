#include "app/desktop/DeskSync.h"

#include "storage/Store.h"
#include "storage/sync/SyncStore.h"
#include "sync/TokenVault.h"
#include "sync/Transport.h"
#include "ui/ConflictsDialog.h"
#include "ui/MainWindow.h"
#include "ui/SignInDialog.h"

#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QStatusBar>

namespace pd {

DeskSync::DeskSync(Store& store, MainWindow& window, const Clock& clock, QObject* parent)
    : QObject(parent), m_store(store), m_window(window), m_clock(clock), m_sync(std::make_unique<SyncStore>(store)),
      m_tokens(std::make_unique<TokenVault>(*m_sync))
{
    QMenu* menu = window.menuBar()->addMenu(tr("&Sync"));
    QAction* signIn = menu->addAction(tr("Sign &in to the practice server…"), this, &DeskSync::signIn);
    signIn->setObjectName(QStringLiteral("signInAction"));
    m_syncNow = menu->addAction(tr("Sync &now"), this, &DeskSync::syncNow);
    m_syncNow->setShortcut(QKeySequence(Qt::Key_F5));
    QAction* conflicts = menu->addAction(tr("&Conflicts…"), this, &DeskSync::showConflicts);
    conflicts->setObjectName(QStringLiteral("conflictsAction"));
    menu->addSeparator();
    m_signOut = menu->addAction(tr("Sign &out"), this, &DeskSync::signOut);
    m_status = new QLabel(&window);
    m_status->setObjectName(QStringLiteral("syncStatus"));
    window.statusBar()->addWidget(m_status, 1);
    connect(&window, &MainWindow::dataChanged, this, [this] {
        if (m_engine)
            m_engine->notifyLocalChange();
        updateStatus();
    });
    updateStatus();
}

DeskSync::~DeskSync()
{
    if (m_engine)
        m_engine->stopBackground();
}

void DeskSync::makeEngine(const QUrl& server)
{
    m_engine.reset();
    m_transport = std::make_unique<NetworkTransport>(server);
    m_engine = std::make_unique<SyncEngine>(*m_sync, *m_transport, m_clock);
    // Pulled pages are written on this (the UI) thread: small pages, one per transaction,
    // keep each write short (a page of 500 takes tens of milliseconds; the CLI's 2,000-change
    // pages took about 0.1 s here) instead of batching pages into pauses a person notices.
    m_engine->setPageSize(500);
    m_engine->setChangesPerTransaction(0);
    connect(m_engine.get(), &SyncEngine::stateChanged, this, &DeskSync::updateStatus);
    connect(m_engine.get(), &SyncEngine::progress, this, &DeskSync::updateStatus);
    connect(m_engine.get(), &SyncEngine::finished, this, [this](bool) {
        updateStatus();
        // Only when clients may have changed here: the list reloads as far as it was read,
        // which is work a sync with nothing new (one a minute) need not cause.
        if (m_engine->lastSummary().pulled > 0)
            m_window.refreshClients();
    });
    connect(m_engine.get(), &SyncEngine::refreshTokenChanged, this,
            [this](const QByteArray& token) { m_tokens->write(token, [](Status) {}); });
}

void DeskSync::start()
{
    const QUrl server(m_sync->state(QStringLiteral("server_url")));
    if (server.isEmpty())
        return updateStatus();
    makeEngine(server);
    m_tokens->read([this, alive = QPointer<DeskSync>(this)](QByteArray token) {
        if (!alive || !m_engine)
            return;
        m_engine->setRefreshToken(token);
        if (!token.isEmpty())
            m_engine->startBackground();
        updateStatus();
    });
}

void DeskSync::signIn()
{
    if (m_signIn) {
        m_signIn->raise();
        return;
    }
    m_signIn = new SignInDialog(m_sync->state(QStringLiteral("server_url")), m_sync->state(QStringLiteral("username")),
                                &m_window);
    m_signIn->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_signIn, &SignInDialog::signInRequested, this, [this](const QUrl& server, const QString& user) {
        makeEngine(server);
        m_signIn->setBusy(true);
        QString password = m_signIn->takePassword();
        m_engine->signIn(user, password, [this, server, user](Status s) {
            if (!m_signIn)
                return;
            m_signIn->setBusy(false);
            if (!s)
                return m_signIn->setError(s.message());
            (void)m_sync->setState(QStringLiteral("server_url"), server.toString());
            (void)m_sync->setState(QStringLiteral("username"), user);
            (void)m_sync->setState(QStringLiteral("role"), m_engine->role());
            m_signIn->accept();
            m_engine->startBackground();
            updateStatus();
        });
        password.fill(QLatin1Char(' '));
    });
    m_signIn->open();
}

void DeskSync::syncNow()
{
    if (!m_engine)
        return signIn();
    m_engine->syncNow();
}

void DeskSync::showConflicts()
{
    auto* dialog = new ConflictsDialog(m_store, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConflictsDialog::resolved, this, [this] {
        if (m_engine)
            m_engine->notifyLocalChange();
        m_window.refreshClients();
        updateStatus();
    });
    dialog->open();
}

void DeskSync::signOut()
{
    if (m_engine)
        m_engine->signOut();
    m_tokens->write({}, [](Status) {});
    updateStatus();
}

QString DeskSync::statusText() const
{
    auto count = m_sync->pendingCount();
    const qint64 pending = count ? *count : 0;
    const QLocale locale;
    const QString waiting =
        pending == 1 ? tr("1 change waiting") : tr("%1 changes waiting").arg(locale.toString(pending));
    int conflicts = 0;
    if (auto open = m_sync->openConflicts())
        conflicts = static_cast<int>(open->size());
    QString text;
    const SyncEngine::State state = m_engine ? m_engine->state() : SyncEngine::State::SignedOut;
    switch (state) {
    case SyncEngine::State::SignedOut:
        text = tr("Not signed in to the practice server · %1").arg(waiting);
        break;
    case SyncEngine::State::Syncing: {
        const SyncEngine::Summary sum = m_engine->lastSummary();
        text = tr("Syncing: %1 sent, %2 received · %3")
                   .arg(locale.toString(sum.pushed), locale.toString(sum.pulled), waiting);
        break;
    }
    case SyncEngine::State::Idle: {
        const QDateTime last = m_engine->lastSync();
        text = last.isValid() ? tr("Online · synced %1 · %2")
                                    .arg(locale.toString(last.toLocalTime().time(), QLocale::ShortFormat), waiting)
                              : tr("Online · %1").arg(waiting);
        break;
    }
    case SyncEngine::State::Offline:
        text = tr("Offline · %1 · retrying").arg(waiting);
        break;
    case SyncEngine::State::Error:
        text = tr("Sync problem: %1 · %2").arg(m_engine->lastError(), waiting);
        break;
    case SyncEngine::State::NeedsUpdate:
        text = m_engine->lastError();
        break;
    }
    if (conflicts > 0)
        text += QStringLiteral(" · ") +
                (conflicts == 1 ? tr("1 conflict to resolve") : tr("%1 conflicts to resolve").arg(conflicts));
    return text;
}

void DeskSync::updateStatus()
{
    // S4: on a desk signed in to a practice, only administrators change organization
    // settings (the server enforces it; the menu says so before anyone tries).
    const QString role = m_sync->state(QStringLiteral("role"));
    const bool admin = role.isEmpty() || role == QLatin1String("admin");
    m_window.setOrganizationSettingsAllowed(
        admin, admin ? QString() : tr("Only administrators of the practice can change organization settings."));
    m_status->setText(statusText());
    m_syncNow->setEnabled(m_engine && m_engine->state() != SyncEngine::State::SignedOut);
    m_signOut->setEnabled(m_engine && m_engine->state() != SyncEngine::State::SignedOut);
    emit statusChanged();
}

} // namespace pd
