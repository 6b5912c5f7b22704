#pragma once

#include <QElapsedTimer>
#include <QString>

namespace pd {

// One line of progress on standard error, rewritten in place ("Writing clients: 12,288 of
// 100,000"), for a person watching a long command. Only when standard error is a terminal:
// scripts, pipes and logs get no progress text, only the command's own messages. At most
// ten updates a second; the line is erased before anything else is printed and when this
// goes.
class TerminalProgress
{
public:
    TerminalProgress();
    ~TerminalProgress();
    TerminalProgress(const TerminalProgress&) = delete;
    TerminalProgress& operator=(const TerminalProgress&) = delete;

    bool enabled() const { return m_enabled; }
    // Shows text, unless the last text went up less than a tenth of a second ago (force
    // shows it anyway: a new stage).
    void show(const QString& text, bool force = false);
    void clear();

    // PRACTICEDESK_PROGRESS=always shows progress without a terminal too (for tests of the
    // text); =never hides it on a terminal.
    static bool wanted();

private:
    bool m_enabled = false;
    qsizetype m_shown = 0; // characters on the line now
    QElapsedTimer m_last;
};

} // namespace pd
