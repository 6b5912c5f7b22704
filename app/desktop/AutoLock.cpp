#include "app/desktop/AutoLock.h"

#include <QCoreApplication>
#include <QEvent>

namespace pd {

AutoLock::AutoLock(const Clock& clock, QObject* parent) : QObject(parent), m_clock(clock)
{
    // Looking at the clock every 15 s is cheap and locks at most 15 s late.
    m_timer.setInterval(15'000);
    connect(&m_timer, &QTimer::timeout, this, &AutoLock::check);
}

AutoLock::~AutoLock()
{
    stop();
}

void AutoLock::start(int idleMinutes)
{
    m_minutes = idleMinutes;
    m_lastActivityMs = m_clock.nowMs();
    if (m_minutes <= 0)
        return stop();
    if (!m_running)
        QCoreApplication::instance()->installEventFilter(this);
    m_running = true;
    m_timer.start();
}

void AutoLock::stop()
{
    if (m_running && QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
    m_running = false;
    m_timer.stop();
}

void AutoLock::check()
{
    if (!m_running)
        return;
    if (m_clock.nowMs() - m_lastActivityMs >= qint64(m_minutes) * 60'000) {
        stop();
        emit idleTimeout();
    }
}

bool AutoLock::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TabletPress:
        // Activity past the limit does not revive a session that should already be locked:
        // the timer may look late (a sleeping laptop), so check first.
        check();
        if (m_running)
            m_lastActivityMs = m_clock.nowMs();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace pd
