#include "app/cli/TerminalProgress.h"

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#define PD_ISATTY _isatty
#define PD_FILENO _fileno
#else
#include <unistd.h>
#define PD_ISATTY isatty
#define PD_FILENO fileno
#endif

namespace pd {

namespace {

void writeErr(const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace

bool TerminalProgress::wanted()
{
    const QByteArray setting = qgetenv("PRACTICEDESK_PROGRESS");
    if (setting == "always")
        return true;
    if (setting == "never")
        return false;
    return PD_ISATTY(PD_FILENO(stderr)) != 0;
}

TerminalProgress::TerminalProgress() : m_enabled(wanted()) {}

TerminalProgress::~TerminalProgress()
{
    clear();
}

void TerminalProgress::show(const QString& text, bool force)
{
    if (!m_enabled || (!force && m_last.isValid() && m_last.elapsed() < 100))
        return;
    m_last.start();
    // Carriage return, the text, and spaces over whatever was longer before.
    const QString line =
        QLatin1Char('\r') + text + QString(qMax<qsizetype>(0, m_shown - text.size()), QLatin1Char(' '));
    m_shown = text.size();
    writeErr(line.toUtf8());
}

void TerminalProgress::clear()
{
    if (!m_enabled || m_shown == 0)
        return;
    writeErr(QByteArray("\r") + QByteArray(m_shown, ' ') + "\r");
    m_shown = 0;
}

} // namespace pd
