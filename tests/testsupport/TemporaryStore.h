#pragma once

#include "core/Clock.h"
#include "storage/Store.h"

#include <QTemporaryDir>

#include <memory>

namespace pd::test {

// A real encrypted store (SQLCipher, random key) in a temporary folder, for tests of the
// layers above storage. Removed with the object.
class TemporaryStore
{
public:
    TemporaryStore();
    Store& store() { return *m_store; }
    bool isValid() const { return m_store != nullptr; }
    ManualClock& clock() { return m_clock; }
    // Saves clients named "First Last" with made-up emails, in one change set.
    bool addClients(const QStringList& names);
    // Saves count clients "<firstName>000 <lastName>", "<firstName>001 <lastName>", …
    bool addNumberedClients(int count, const QString& firstName, const QString& lastName);

private:
    QTemporaryDir m_dir;
    ManualClock m_clock;
    std::unique_ptr<Store> m_store;
};

} // namespace pd::test
