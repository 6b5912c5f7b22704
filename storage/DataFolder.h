#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "storage/ChangeSet.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace pd {

class SecureBytes;
class Store;

// A desk's data folder: practicedesk.db (SQLCipher) and, when a passphrase protects it,
// practicedesk.keyslot. Unlocks the database key from the OS keychain or the passphrase
// slot (storage/vault) and opens the store. Asynchronous because the keychain is.
class DataFolder : public QObject
{
    Q_OBJECT
public:
    explicit DataFolder(QString dir, const Clock& clock = Clock::system(), Actor actor = defaultActor(),
                        QObject* parent = nullptr);
    ~DataFolder() override;

    using StoreCallback = std::function<void(Result<std::unique_ptr<Store>>)>;
    using StatusCallback = std::function<void(Status)>;

    QString databasePath() const;
    QString keySlotPath() const;
    bool hasDatabase() const;

    // A new database with a new random key, kept in the keychain and, if a passphrase is
    // given, in the passphrase slot. Refused if the folder already has a database.
    void create(const SecureBytes* passphrase, StoreCallback done);
    // Opens the existing database: with the passphrase slot when a passphrase is given,
    // else from the keychain.
    void open(const SecureBytes* passphrase, StoreCallback done);
    // Re-encrypts the open store with a new key and updates every key slot.
    void rekey(Store& store, const SecureBytes* passphrase, StatusCallback done);
    // Replaces the database with a backup (after proving the backup opens with this
    // folder's key); the current database is kept as practicedesk.db.before-restore-<time>.
    void restore(const QString& backupFile, const SecureBytes* passphrase, StatusCallback done);

    // Writes an encrypted backup of the store this folder opened (and a copy of the
    // passphrase slot as FILE.keyslot, so the backup can be restored on a new machine).
    Status backup(Store& store, const QString& file);

    static Actor defaultActor();

private:
    void unlockKey(const SecureBytes* passphrase, std::function<void(Result<SecureBytes>)> done);
    void finishRestore(const QString& backupFile, const SecureBytes* passphrase, const SecureBytes& key,
                       bool keyFromBackupSlot, StatusCallback done);

    QString m_dir;
    const Clock& m_clock;
    Actor m_actor;
    std::unique_ptr<SecureBytes> m_key; // the unlocked database key (locked memory)
};

} // namespace pd
