#pragma once

#include <QDateTime>

namespace pd {

// Time comes from an injectable clock so tests can move it (STYLE.md; KeePassXC Clock).
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
    qint64 nowMs() const { return nowUtc().toMSecsSinceEpoch(); }
    QDate today() const { return nowUtc().toLocalTime().date(); }

    // The process-wide system clock; callers still take a Clock& so tests can pass their own.
    static const Clock& system();
};

class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
};

// A clock that only moves when told to.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC)) : m_now(std::move(start))
    {}
    QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime& t) { m_now = t.toUTC(); }
    void advanceMs(qint64 ms) { m_now = m_now.addMSecs(ms); }
    void advanceDays(int days) { m_now = m_now.addDays(days); }

private:
    QDateTime m_now;
};

} // namespace pd
