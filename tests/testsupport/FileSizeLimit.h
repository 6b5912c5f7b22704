#pragma once
// A write that the disk refuses, for tests on POSIX systems (Linux, macOS).
#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/resource.h>

namespace pd::test {

// While it is limited, no file of this process may be written at or beyond `bytes` (the
// soft RLIMIT_FSIZE; the hard limit is left alone): such a write fails with EFBIG, which
// SQLite reports as a disk I/O error, like a write a failing disk refuses (SIGXFSZ is
// ignored meanwhile). Restored when it goes, so that a failed check cannot leave the rest of
// the tests unable to write.
class FileSizeLimit
{
public:
    FileSizeLimit() = default;
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;
    ~FileSizeLimit() { restore(); }

    bool limit(rlim_t bytes)
    {
        if (m_active || getrlimit(RLIMIT_FSIZE, &m_old) != 0)
            return false;
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = m_old;
        limited.rlim_cur = bytes;
        if (setrlimit(RLIMIT_FSIZE, &limited) != 0) {
            std::signal(SIGXFSZ, m_oldHandler);
            return false;
        }
        m_active = true;
        return true;
    }
    bool restore()
    {
        if (!m_active)
            return true;
        m_active = false;
        const bool restored = setrlimit(RLIMIT_FSIZE, &m_old) == 0;
        std::signal(SIGXFSZ, m_oldHandler);
        return restored;
    }

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = SIG_DFL;
    bool m_active = false;
};

} // namespace pd::test
#endif
