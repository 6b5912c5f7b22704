#include "tests/testsupport/TemporaryStore.h"

#include "storage/vault/SecureBytes.h"

namespace pd::test {

TemporaryStore::TemporaryStore()
{
    auto db = Database::create(m_dir.filePath(QStringLiteral("test.db")), SecureBytes::random(32));
    if (db)
        m_store = std::make_unique<Store>(std::move(db).value(), m_clock, Actor{QStringLiteral("test")});
    else
        qWarning("TemporaryStore: %s", qPrintable(db.message()));
}

bool TemporaryStore::addClients(const QStringList& names)
{
    auto cs = m_store->changeSet();
    if (!cs->begin())
        return false;
    int n = 0;
    for (const QString& name : names) {
        Client c;
        c.firstName = name.section(QLatin1Char(' '), 0, 0);
        c.lastName = name.section(QLatin1Char(' '), 1);
        c.email = QStringLiteral("someone%1@example.com").arg(n++);
        if (!m_store->clients().save(*cs, c))
            return false;
    }
    return cs->commit().ok();
}

bool TemporaryStore::addNumberedClients(int count, const QString& firstName, const QString& lastName)
{
    QStringList names;
    for (int i = 0; i < count; ++i)
        names << QStringLiteral("%1%2 %3").arg(firstName).arg(i, 3, 10, QLatin1Char('0')).arg(lastName);
    return addClients(names);
}

} // namespace pd::test
