#pragma once

#include "core/Clock.h"

#include <QObject>
#include <QTimer>

namespace pd {

// D4: locks PracticeDesk after the organization's idle minutes. Any key press, mouse
// button, wheel or touch anywhere in the application counts as activity. Time comes from an
// injected clock; a coarse timer only decides when to look at it, so a test can move the
// clock and call check().
class AutoLock : public QObject
{
    Q_OBJECT
public:
    explicit AutoLock(const Clock& clock, QObject* parent = nullptr);
    ~AutoLock() override;

    // Starts watching with the given idle limit (minutes <= 0: never lock).
    void start(int idleMinutes);
    void stop();
    bool isRunning() const { return m_running; }
    int idleMinutes() const { return m_minutes; }
    // Locks now when the limit has passed since the last activity.
    void check();

signals:
    void idleTimeout();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    const Clock& m_clock;
    QTimer m_timer;
    qint64 m_lastActivityMs = 0;
    int m_minutes = 0;
    bool m_running = false;
};

} // namespace pd
