// The passphrase key slot and the secure byte buffer under it (DESIGN.md §3). No keychain
// is involved; slots are made at the interactive Argon2id cost except where the cost is
// the subject.
#include "storage/vault/PassphraseSlot.h"
#include "storage/vault/SecureBytes.h"
#include "tests/unit/storage/vault/VaultTestSupport.h"

#include <QElapsedTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sodium.h>

using pd::Error;
using pd::KdfCost;
using pd::PassphraseSlot;
using pd::SecureBytes;

namespace {

const QString kPassphrase = QStringLiteral("correct horse battery");

quint64 u64At(const QByteArray& b, int at)
{
    quint64 v = 0;
    for (int i = 0; i < 8; ++i)
        v |= quint64(static_cast<unsigned char>(b.at(at + i))) << (8 * i);
    return v;
}

void setU64At(QByteArray& b, int at, quint64 v)
{
    for (int i = 0; i < 8; ++i)
        b[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

// Recomputes the trailing checksum, as someone editing the file on purpose would.
void fixChecksum(QByteArray& b)
{
    crypto_generichash(reinterpret_cast<unsigned char*>(b.data()) + 110, 16,
                       reinterpret_cast<const unsigned char*>(b.constData()), 110, nullptr, 0);
}

SecureBytes utf8(const QString& s)
{
    const QByteArray b = s.toUtf8(); // deliberately not normalised
    return SecureBytes(b.constData(), static_cast<size_t>(b.size()));
}

} // namespace

class TestPassphraseSlot : public QObject
{
    Q_OBJECT

    SecureBytes m_key = SecureBytes::random(32);
    QByteArray m_slot; // kPassphrase, m_key, interactive

private slots:
    void initTestCase()
    {
        auto slot = PassphraseSlot::create(kPassphrase, m_key, KdfCost::Interactive);
        QVERIFY2(slot, qPrintable(slot.message()));
        m_slot = *slot;
    }

    // --- SecureBytes -------------------------------------------------------------------

    void secureBytesRandomEqualsAndCopy()
    {
        const SecureBytes a = SecureBytes::random(32);
        const SecureBytes b = SecureBytes::random(32);
        QCOMPARE(a.size(), size_t(32));
        QVERIFY(!a.equals(b));
        QVERIFY(a.equals(a.copy()));
        QVERIFY(a.copy().data() != a.data()); // a second buffer, not an alias
        QVERIFY(!a.equals(SecureBytes(a.data(), 31)));
        SecureBytes flipped = a.copy();
        flipped.data()[31] ^= 1;
        QVERIFY(!a.equals(flipped));
    }

    void secureBytesMoveAndClear()
    {
        SecureBytes a = SecureBytes::random(32);
        const unsigned char* buffer = a.data();
        SecureBytes b = std::move(a);
        QCOMPARE(b.data(), buffer); // moved, not copied
        QVERIFY(a.isEmpty());       // NOLINT(bugprone-use-after-move): the moved-from state is the point
        QVERIFY(a.data() == nullptr);
        b.clear();
        QVERIFY(b.isEmpty());
        QVERIFY(b.data() == nullptr);
        SecureBytes c(8);
        for (size_t i = 0; i < c.size(); ++i)
            QCOMPARE(c.data()[i], static_cast<unsigned char>(0)); // zero-filled
    }

    void secureBytesWipeHeapCopies()
    {
        QByteArray bytes("secret passphrase");
        QByteArray alias = bytes; // shares the buffer until one of them is written to
        SecureBytes::wipe(bytes);
        QCOMPARE(bytes, QByteArray(17, '\0'));
        QCOMPARE(alias, QByteArray("secret passphrase")); // a shared copy is detached, never scribbled on

        QString text = QStringLiteral("secret");
        text.detach();
        const QChar* chars = text.constData();
        SecureBytes::wipe(text);
        QCOMPARE(text.constData(), chars); // wiped in place
        QCOMPARE(text, QString(6, QChar(0)));
    }

    void secureBytesHexKeyLiteral()
    {
        const SecureBytes key = SecureBytes::random(32);
        const SecureBytes literal = key.toHexKeyLiteral();
        QCOMPARE(literal.size(), size_t(67));
        const QString text = QString::fromLatin1(literal.chars(), static_cast<qsizetype>(literal.size()));
        QVERIFY2(QRegularExpression(QStringLiteral("^x'[0-9a-f]{64}'$")).match(text).hasMatch(), qPrintable(text));
        const QByteArray raw(key.chars(), 32);
        QCOMPARE(text.mid(2, 64).toLatin1(), raw.toHex());
        const unsigned char fixed[3] = {0x00, 0xab, 0xff};
        const SecureBytes small = SecureBytes(fixed, 3).toHexKeyLiteral();
        QCOMPARE(QByteArray(small.chars(), static_cast<qsizetype>(small.size())), QByteArray("x'00abff'"));
    }

    void secureBytesBase64()
    {
        const SecureBytes key = SecureBytes::random(32);
        const SecureBytes encoded = key.toBase64();
        QCOMPARE(encoded.size(), size_t(44));
        const QByteArray raw(key.chars(), 32);
        QCOMPARE(QByteArray(encoded.chars(), 44), raw.toBase64());
        const auto decoded = SecureBytes::fromBase64(encoded.data(), encoded.size());
        QVERIFY(decoded);
        QVERIFY(decoded->equals(key));
        QVERIFY(!SecureBytes::fromBase64("not base64!", 11));
        QVERIFY(!SecureBytes::fromBase64("QUJD RA==", 9));
    }

    void secureBytesFromTextIsNfc()
    {
        const QString nfd = QStringLiteral("Cafe\u0301");
        const SecureBytes b = SecureBytes::fromText(nfd);
        QCOMPARE(QByteArray(b.chars(), static_cast<qsizetype>(b.size())), QByteArray("Caf\xc3\xa9"));
    }

    // --- the slot ----------------------------------------------------------------------

    void roundTrip()
    {
        auto key = PassphraseSlot::open(m_slot, kPassphrase);
        QVERIFY2(key, qPrintable(key.message()));
        QVERIFY(key->equals(m_key));
        // The SecureBytes overload, as the CLI passes it (UTF-8 from standard input).
        auto again = PassphraseSlot::open(m_slot, utf8(kPassphrase));
        QVERIFY(again);
        QVERIFY(again->equals(m_key));
    }

    void formatAndStoredCost_data()
    {
        QTest::addColumn<KdfCost>("cost");
        QTest::addColumn<quint64>("ops");
        QTest::addColumn<quint64>("mem");
        QTest::newRow("interactive") << KdfCost::Interactive << quint64(crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE)
                                     << quint64(crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE);
        QTest::newRow("moderate") << KdfCost::Moderate << quint64(crypto_pwhash_argon2id_OPSLIMIT_MODERATE)
                                  << quint64(crypto_pwhash_argon2id_MEMLIMIT_MODERATE);
    }

    void formatAndStoredCost()
    {
        QFETCH(KdfCost, cost);
        QFETCH(quint64, ops);
        QFETCH(quint64, mem);
        auto slot = PassphraseSlot::create(kPassphrase, m_key, cost);
        QVERIFY(slot);
        QCOMPARE(slot->size(), PassphraseSlot::kFileSize);
        QVERIFY(slot->startsWith("PDKS1"));
        QCOMPARE(static_cast<int>(slot->at(5)), 1);
        QCOMPARE(u64At(*slot, 6), ops);
        QCOMPARE(u64At(*slot, 14), mem);
        // Opening uses what the file says, not today's default.
        auto key = PassphraseSlot::open(*slot, kPassphrase);
        QVERIFY2(key, qPrintable(key.message()));
        QVERIFY(key->equals(m_key));
    }

    void eachSlotIsSalted()
    {
        auto other = PassphraseSlot::create(kPassphrase, m_key, KdfCost::Interactive);
        QVERIFY(other);
        QVERIFY(*other != m_slot);
        QVERIFY(other->mid(22, 16) != m_slot.mid(22, 16)); // salt
        QVERIFY(other->mid(38, 24) != m_slot.mid(38, 24)); // nonce
    }

    void wrongPassphrase()
    {
        auto key = PassphraseSlot::open(m_slot, QStringLiteral("correct horse battery!"));
        QVERIFY(!key);
        QCOMPARE(key.error().kind, Error::Kind::WrongKey);
        QCOMPARE(key.message(), QStringLiteral("The passphrase is not correct."));
        auto empty = PassphraseSlot::open(m_slot, QString());
        QVERIFY(!empty);
        QCOMPARE(empty.error().kind, Error::Kind::WrongKey);
    }

    void keyNeverInTheFile()
    {
        for (const QByteArray& form : pd::test::keyForms(m_key))
            QVERIFY(!m_slot.contains(form));
        QVERIFY(!m_slot.contains(kPassphrase.toUtf8()));
    }

    // A flipped bit anywhere is damage: the checksum tells it from a wrong passphrase.
    void damagedFileIsCorrupt_data()
    {
        QTest::addColumn<int>("offset");
        for (int at : {0, 4, 5, 6, 14, 22, 38, 62, 100, 109, 110, 125})
            QTest::newRow(qPrintable(QStringLiteral("byte %1").arg(at))) << at;
    }

    void damagedFileIsCorrupt()
    {
        QFETCH(int, offset);
        QByteArray damaged = m_slot;
        damaged[offset] = static_cast<char>(damaged.at(offset) ^ 0x10);
        auto key = PassphraseSlot::open(damaged, kPassphrase);
        QVERIFY(!key);
        QVERIFY2(key.error().kind == Error::Kind::Corrupt, qPrintable(key.message()));
        QVERIFY(key.message() != QStringLiteral("The passphrase is not correct."));
    }

    // An edit with a recomputed checksum: the MAC refuses it like a wrong passphrase.
    void tamperedSealedPartIsWrongKey_data()
    {
        QTest::addColumn<int>("offset");
        QTest::newRow("salt") << 22;
        QTest::newRow("nonce") << 40;
        QTest::newRow("ciphertext") << 62;
        QTest::newRow("mac") << 100;
    }

    void tamperedSealedPartIsWrongKey()
    {
        QFETCH(int, offset);
        QByteArray tampered = m_slot;
        tampered[offset] = static_cast<char>(tampered.at(offset) ^ 0x01);
        fixChecksum(tampered);
        auto key = PassphraseSlot::open(tampered, kPassphrase);
        QVERIFY(!key);
        QCOMPARE(key.error().kind, Error::Kind::WrongKey);
    }

    void truncatedOrPaddedFileIsCorrupt_data()
    {
        QTest::addColumn<int>("length");
        for (int n : {0, 3, 5, 6, 61, 109, 125, 127, 200})
            QTest::newRow(qPrintable(QStringLiteral("%1 bytes").arg(n))) << n;
    }

    void truncatedOrPaddedFileIsCorrupt()
    {
        QFETCH(int, length);
        QByteArray bytes = m_slot.left(length);
        while (bytes.size() < length)
            bytes.append('\0');
        auto key = PassphraseSlot::open(bytes, kPassphrase);
        QVERIFY(!key);
        QVERIFY2(key.error().kind == Error::Kind::Corrupt, qPrintable(key.message()));
    }

    void foreignFiles()
    {
        QByteArray random(PassphraseSlot::kFileSize, '\0');
        randombytes_buf(random.data(), static_cast<size_t>(random.size()));
        QCOMPARE(PassphraseSlot::open(random, kPassphrase).error().kind, Error::Kind::Corrupt);
        QByteArray sqlite("SQLite format 3");
        sqlite.resize(PassphraseSlot::kFileSize);
        QCOMPARE(PassphraseSlot::open(sqlite, kPassphrase).error().kind, Error::Kind::Corrupt);
        // A later format version is "too new", not "damaged".
        QByteArray newer = m_slot;
        newer[4] = '2';
        QCOMPARE(PassphraseSlot::open(newer, kPassphrase).error().kind, Error::Kind::TooNew);
        QByteArray otherAlgorithm = m_slot;
        otherAlgorithm[5] = 7;
        fixChecksum(otherAlgorithm);
        QCOMPARE(PassphraseSlot::open(otherAlgorithm, kPassphrase).error().kind, Error::Kind::TooNew);
    }

    // Stored costs out of range are refused at once: no 64 GiB allocation, no hour of work.
    void absurdStoredCostRejected_data()
    {
        QTest::addColumn<int>("at");
        QTest::addColumn<quint64>("value");
        QTest::newRow("memlimit 64 GiB") << 14 << (quint64(64) << 30);
        QTest::newRow("memlimit 2^63") << 14 << (quint64(1) << 63);
        QTest::newRow("memlimit 0") << 14 << quint64(0);
        QTest::newRow("opslimit 1000000") << 6 << quint64(1000000);
        QTest::newRow("opslimit 0") << 6 << quint64(0);
    }

    void absurdStoredCostRejected()
    {
        QFETCH(int, at);
        QFETCH(quint64, value);
        QByteArray hostile = m_slot;
        setU64At(hostile, at, value);
        fixChecksum(hostile);
        QElapsedTimer timer;
        timer.start();
        auto key = PassphraseSlot::open(hostile, kPassphrase);
        QVERIFY(!key);
        QCOMPARE(key.error().kind, Error::Kind::Corrupt);
        QVERIFY2(key.message().contains(QLatin1String("out of range")), qPrintable(key.message()));
        QVERIFY(timer.elapsed() < 1000);
    }

    void passphrasePolicy_data()
    {
        QTest::addColumn<QString>("passphrase");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("7 ASCII") << QStringLiteral("1234567") << false;
        QTest::newRow("8 ASCII") << QStringLiteral("12345678") << true;
        // Characters, not bytes: 7 characters in 14 UTF-8 bytes are still too short.
        QTest::newRow("7 umlauts") << QStringLiteral("\u00e4\u00f6\u00fc\u00e4\u00f6\u00fc\u00e4") << false;
        QTest::newRow("8 umlauts") << QStringLiteral("\u00e4\u00f6\u00fc\u00e4\u00f6\u00fc\u00e4\u00f6") << true;
        // NFD "e" + combining accent is one character after NFC.
        QTest::newRow("7 after NFC") << QStringLiteral("abcdefe\u0301") << false;
    }

    void passphrasePolicy()
    {
        QFETCH(QString, passphrase);
        QFETCH(bool, accepted);
        auto slot = PassphraseSlot::create(passphrase, m_key, KdfCost::Interactive);
        QCOMPARE(slot.ok(), accepted);
        if (!accepted) {
            QCOMPARE(slot.error().kind, Error::Kind::Invalid);
            QCOMPARE(slot.message(), QStringLiteral("The passphrase is too short: use at least 8 characters."));
            QCOMPARE(slot.error().field, QStringLiteral("passphrase"));
        }
    }

    void invalidUtf8Refused()
    {
        const char bytes[] = "passphrase \xff\xfe latin";
        auto slot = PassphraseSlot::create(SecureBytes(bytes, sizeof bytes - 1), m_key, KdfCost::Interactive);
        QVERIFY(!slot);
        QCOMPARE(slot.error().kind, Error::Kind::Invalid);
        QVERIFY(slot.message().contains(QLatin1String("UTF-8")));
    }

    void nonAsciiAndNormalisationForms()
    {
        const QString nfc = QStringLiteral("Gr\u00fc\u00dfe, Zo\u00eb \u2014 \u65e5\u672c\u8a9e \u00c5ngstr\u00f6m");
        const QString nfd = nfc.normalized(QString::NormalizationForm_D);
        QVERIFY(nfd != nfc);
        QVERIFY(nfd.toUtf8() != nfc.toUtf8());

        auto fromNfd = PassphraseSlot::create(utf8(nfd), m_key, KdfCost::Interactive);
        QVERIFY2(fromNfd, qPrintable(fromNfd.message()));
        for (const QString& form : {nfc, nfd}) {
            auto key = PassphraseSlot::open(*fromNfd, utf8(form)); // raw bytes, as typed
            QVERIFY2(key, qPrintable(key.message()));
            QVERIFY(key->equals(m_key));
        }
        auto byQString = PassphraseSlot::open(*fromNfd, nfc);
        QVERIFY(byQString);
        QVERIFY(byQString->equals(m_key));
        // Look-alikes are different passphrases.
        auto lookalike = PassphraseSlot::open(*fromNfd, QString(nfc).replace(QChar(0x00fc), QLatin1Char('u')));
        QCOMPARE(lookalike.error().kind, Error::Kind::WrongKey);
    }

    void writeAndReadFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("practicedesk.keyslot"));
        QCOMPARE(PassphraseSlot::readFile(path).error().kind, Error::Kind::NotFound);
        QVERIFY(pd::test::writeAll(path, "old contents"));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        const auto written = PassphraseSlot::writeFile(path, m_slot);
        QVERIFY2(written, qPrintable(written.message()));
        QCOMPARE(QFile::permissions(path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        auto read = PassphraseSlot::readFile(path);
        QVERIFY(read);
        QCOMPARE(*read, m_slot);
        QCOMPARE(pd::test::filesBelow(dir.path()).size(), 1); // no temporary file left behind
        auto key = PassphraseSlot::open(*read, kPassphrase);
        QVERIFY(key);
        QVERIFY(key->equals(m_key));
    }

    void writeFailureIsAnIoError()
    {
        QTemporaryDir dir;
        const auto noFolder =
            PassphraseSlot::writeFile(dir.filePath(QStringLiteral("missing/practicedesk.keyslot")), m_slot);
        QVERIFY(!noFolder);
        QCOMPARE(noFolder.error().kind, Error::Kind::Io);
        QVERIFY(noFolder.message().contains(QLatin1String("cannot be written")));
        // A directory in the way is left as it was.
        const QString path = dir.filePath(QStringLiteral("practicedesk.keyslot"));
        QVERIFY(QDir().mkpath(path));
        QVERIFY(!PassphraseSlot::writeFile(path, m_slot));
        QVERIFY(QFileInfo(path).isDir());
        QCOMPARE(PassphraseSlot::open(pd::test::readAll(path), kPassphrase).error().kind, Error::Kind::Corrupt);
    }
};

QTEST_GUILESS_MAIN(TestPassphraseSlot)
#include "TestPassphraseSlot.moc"
