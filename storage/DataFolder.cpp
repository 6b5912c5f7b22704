#include "storage/DataFolder.h"

#include "storage/Store.h"
#include "storage/vault/KeyVault.h"
#include "storage/vault/SecureBytes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace pd {

namespace {

const QString kDatabaseFile = QStringLiteral("practicedesk.db");

// The vault proved the key (keychain entry or authenticated passphrase slot), so a
// database that still does not decrypt is damaged, not locked with another key.
Error explainOpenFailure(const Error& e, const QString& path)
{
    if (e.kind == Error::Kind::WrongKey || e.kind == Error::Kind::Corrupt)
        return Error::make(Error::Kind::Corrupt,
                           QCoreApplication::translate(
                               "pd::DataFolder",
                               "The database %1 is damaged or is not a PracticeDesk database (%2). It was left exactly "
                               "as it is; restore it from a backup with `practicedesk-cli restore FILE`.")
                               .arg(QDir::toNativeSeparators(path), e.message));
    return e;
}

} // namespace

DataFolder::DataFolder(QString dir, const Clock& clock, Actor actor, QObject* parent)
    : QObject(parent), m_dir(std::move(dir)), m_clock(clock), m_actor(std::move(actor))
{}

DataFolder::~DataFolder() = default;

Actor DataFolder::defaultActor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return Actor{QStringLiteral("cli:") + (user.isEmpty() ? QStringLiteral("unknown") : user)};
}

QString DataFolder::databasePath() const
{
    return QDir(m_dir).filePath(kDatabaseFile);
}

QString DataFolder::keySlotPath() const
{
    return KeyVault::passphraseSlotPath(m_dir);
}

bool DataFolder::hasDatabase() const
{
    return QFileInfo::exists(databasePath());
}

void DataFolder::create(const SecureBytes* passphrase, StoreCallback done)
{
    if (hasDatabase())
        return done(
            Error::make(Error::Kind::Invalid,
                        tr("%1 already has a database; it was left untouched.").arg(QDir::toNativeSeparators(m_dir))));
    if (!QDir().mkpath(m_dir))
        return done(Error::make(Error::Kind::Io,
                                tr("The folder %1 could not be created.").arg(QDir::toNativeSeparators(m_dir))));
    QFile::setPermissions(m_dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    KeyVault::create(m_dir, passphrase, [this, done](Result<SecureBytes> key) {
        if (!key)
            return done(key.error());
        m_key = std::make_unique<SecureBytes>(std::move(key).value());
        auto db = Database::create(databasePath(), *m_key);
        if (!db)
            return done(db.error());
        done(std::make_unique<Store>(std::move(db).value(), m_clock, m_actor));
    });
}

void DataFolder::unlockKey(const SecureBytes* passphrase, std::function<void(Result<SecureBytes>)> done)
{
    if (!hasDatabase())
        return done(
            Error::make(Error::Kind::NotFound,
                        tr("There is no PracticeDesk database in %1. Create one with `practicedesk-cli init`, or "
                           "choose the folder with --data-dir.")
                            .arg(QDir::toNativeSeparators(m_dir))));
    const qint64 size = QFileInfo(databasePath()).size();
    if (size == 0)
        return done(
            Error::make(Error::Kind::Corrupt,
                        tr("The database %1 is empty (0 bytes): it is damaged. It was left as it is; restore it "
                           "from a backup with `practicedesk-cli restore FILE`.")
                            .arg(QDir::toNativeSeparators(databasePath()))));
    KeyVault::unlock(m_dir, passphrase, std::move(done));
}

void DataFolder::open(const SecureBytes* passphrase, StoreCallback done)
{
    unlockKey(passphrase, [this, done](Result<SecureBytes> key) {
        if (!key)
            return done(key.error());
        m_key = std::make_unique<SecureBytes>(std::move(key).value());
        auto db = Database::open(databasePath(), *m_key);
        if (!db)
            return done(explainOpenFailure(db.error(), databasePath()));
        done(std::make_unique<Store>(std::move(db).value(), m_clock, m_actor));
    });
}

void DataFolder::rekey(Store& store, const SecureBytes* passphrase, StatusCallback done)
{
    SecureBytes newKey = SecureBytes::random(32);
    // Re-encrypt first, then store the new key in every slot. If a slot cannot be written,
    // the database is re-encrypted back with the old key, which the slots still hold, so
    // the database never ends up with a key no slot knows.
    if (Status s = store.database().rekey(newKey); !s)
        return done(s);
    auto shared = std::make_shared<SecureBytes>(std::move(newKey));
    KeyVault::replaceKey(m_dir, *shared, passphrase, [this, &store, shared, done](Status s) {
        if (!s) {
            Status back = store.database().rekey(*m_key);
            return done(Error::make(s.error().kind, tr("The new key could not be stored (%1); the database was %2.")
                                                        .arg(s.message(), back ? tr("left with its old key")
                                                                               : tr("NOT restored to its old key"))));
        }
        m_key = std::make_unique<SecureBytes>(shared->copy());
        done({});
    });
}

Status DataFolder::backup(Store& store, const QString& file)
{
    if (!m_key)
        return Error::make(Error::Kind::Internal, tr("The folder is not unlocked."));
    if (Status s = store.database().backupTo(file, *m_key); !s)
        return s;
    if (QFileInfo::exists(keySlotPath())) {
        QFile::remove(file + QStringLiteral(".keyslot"));
        if (!QFile::copy(keySlotPath(), file + QStringLiteral(".keyslot")))
            return Error::make(Error::Kind::Io, tr("The backup was written, but its key slot %1 could not be written.")
                                                    .arg(file + QStringLiteral(".keyslot")));
    }
    return {};
}

void DataFolder::restore(const QString& backupFile, const SecureBytes* passphrase, StatusCallback done)
{
    if (!QFileInfo(backupFile).isFile())
        return done(Error::make(Error::Kind::NotFound, tr("There is no backup file %1.").arg(backupFile)));
    const QString backupSlot = backupFile + QStringLiteral(".keyslot");
    auto tryBackupSlot = [this, backupFile, backupSlot, passphrase, done](const Error& why) {
        if (!passphrase || !QFileInfo::exists(backupSlot))
            return done(why);
        auto key = KeyVault::openSlotFile(backupSlot, *passphrase);
        if (!key)
            return done(key.error());
        finishRestore(backupFile, passphrase, *key, true, done);
    };
    if (!hasDatabase())
        return tryBackupSlot(Error::make(Error::Kind::NotFound,
                                         tr("This folder has no database yet: restoring needs the backup's key slot %1 "
                                            "and its passphrase (--passphrase-stdin).")
                                             .arg(backupSlot)));
    unlockKey(passphrase, [this, backupFile, passphrase, done, tryBackupSlot](Result<SecureBytes> key) {
        if (!key)
            return tryBackupSlot(key.error());
        m_key = std::make_unique<SecureBytes>(std::move(key).value());
        finishRestore(backupFile, passphrase, *m_key, false, [tryBackupSlot, done](Status s) {
            if (!s && s.error().kind == Error::Kind::WrongKey)
                return tryBackupSlot(s.error());
            done(s);
        });
    });
}

void DataFolder::finishRestore(const QString& backupFile, const SecureBytes* passphrase, const SecureBytes& key,
                               bool keyFromBackupSlot, StatusCallback done)
{
    // Work on a copy inside the folder: opening a database can write to it (WAL mode,
    // migrations), and the backup itself must stay as it was.
    const QString staging = databasePath() + QStringLiteral(".restoring");
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(staging + suffix);
    if (!QFile::copy(backupFile, staging))
        return done(Error::make(Error::Kind::Io, tr("The backup could not be copied into %1.").arg(m_dir)));
    {
        auto db = Database::open(staging, key);
        if (!db) {
            QFile::remove(staging);
            const Error e = db.error();
            if (e.kind == Error::Kind::WrongKey)
                return done(Error::make(Error::Kind::WrongKey,
                                        tr("%1 is not a PracticeDesk backup that opens with this folder's key (it may "
                                           "be damaged, or made before a rekey: give its passphrase with "
                                           "--passphrase-stdin to use %1.keyslot). Nothing was changed.")
                                            .arg(backupFile)));
            return done(e);
        }
        auto problems = db.value()->check();
        if (!problems || !problems->isEmpty()) {
            db.value().reset();
            QFile::remove(staging);
            return done(Error::make(Error::Kind::Corrupt,
                                    tr("The backup %1 is damaged; nothing was changed.").arg(backupFile)));
        }
    }
    const QString keep = databasePath() + QStringLiteral(".before-restore-") +
                         m_clock.nowUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (hasDatabase() && !QFile::rename(databasePath(), keep)) {
        QFile::remove(staging);
        return done(
            Error::make(Error::Kind::Io, tr("The current database could not be set aside; nothing was changed.")));
    }
    if (!QFile::rename(staging, databasePath())) {
        QFile::rename(keep, databasePath());
        return done(Error::make(Error::Kind::Io, tr("The backup could not be put in place; nothing was changed.")));
    }
    if (!keyFromBackupSlot)
        return done({});
    // The restored database uses the backup's key: store it in this folder's slots.
    auto shared = std::make_shared<SecureBytes>(key.copy());
    KeyVault::replaceKey(m_dir, *shared, passphrase, [shared, done](Status s) { done(s); });
}

} // namespace pd
