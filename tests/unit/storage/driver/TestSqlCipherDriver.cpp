// Conformance tests of the QSQLCIPHER Qt SQL driver (DESIGN.md §3): opening and its options,
// value types and NULLs, blobs, Unicode, bound values, prepared-statement reuse, transactions,
// errors, lastInsertId, numRowsAffected, iteration, metadata and encryption with a raw key.
// Real files in a temporary folder; Qt's QSQLITE plugin is never loaded.
#include "storage/driver/SqlCipherDriver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSqlResult>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <limits>

using namespace pd;

namespace {

// One named QSQLCIPHER connection that is removed again when the test ends. Declare it before
// the QSqlQuery objects that use it, so that the queries go first.
class Connection
{
public:
    explicit Connection(const QString& path, const QString& options = QString())
        : m_name(QStringLiteral("driver-test-%1").arg(++s_count))
    {
        db = QSqlDatabase::addDatabase(SqlCipherDriver::driverName(), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(options);
    }
    ~Connection()
    {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    bool open() { return db.open(); }
    sqlite3* handle() const { return static_cast<SqlCipherDriver*>(db.driver())->nativeHandle(); }
    SqlCipherDriver* driver() const { return static_cast<SqlCipherDriver*>(db.driver()); }

    // Applies a raw 32-byte key the way the storage layer does: x'64 hex digits'.
    bool applyKey(const QByteArray& rawKey) const
    {
        const QByteArray literal = "x'" + rawKey.toHex() + "'";
        return sqlite3_key(handle(), literal.constData(), static_cast<int>(literal.size())) == SQLITE_OK;
    }

    QSqlDatabase db;

private:
    QString m_name;
    static inline int s_count = 0;
};

// Runs one statement; an empty string on success, else the error text.
QString run(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery q(db);
    return q.exec(sql) ? QString() : q.lastError().text();
}

#define RUN(db, sql)                                                                                                   \
    do {                                                                                                               \
        const QString error_ = run((db), (sql));                                                                       \
        QVERIFY2(error_.isEmpty(), qPrintable(error_));                                                                \
    } while (false)

QVariant scalar(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return QVariant();
    return q.value(0);
}

QByteArray randomBytes(qsizetype n)
{
    QByteArray bytes(n, Qt::Uninitialized);
    for (qsizetype i = 0; i < n; ++i)
        bytes[i] = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return bytes;
}

QByteArray randomKey()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(key.data()), 8);
    return key;
}

sqlite3_stmt* statementOf(const QSqlQuery& q)
{
    return q.result()->handle().value<sqlite3_stmt*>();
}

bool mapsContain(const char* needle)
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains(needle);
}

int openDescriptorsTo(const QString& path)
{
    int n = 0;
    const QString target = QFileInfo(path).canonicalFilePath();
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString& fd : fds.entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System))
        if (QFileInfo(fds.filePath(fd)).symLinkTarget() == target)
            ++n;
    return n;
}

} // namespace

class TestSqlCipherDriver : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_files)); }

    // A plain (unkeyed) database file with one table, for tests that need an existing file.
    QString existingDatabase()
    {
        const QString path = freshPath();
        Connection c(path);
        if (c.open())
            run(c.db, QStringLiteral("CREATE TABLE t(x INTEGER)"));
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SqlCipherDriver::registerDriver();
        SqlCipherDriver::registerDriver(); // idempotent
    }

    void cleanupTestCase()
    {
        // libsqlite3 and libsqlcipher export the same symbols: neither Qt's QSQLITE plugin nor
        // plain SQLite may ever be loaded next to the driver.
        QVERIFY(!mapsContain("libqsqlite"));
        QVERIFY(!mapsContain("libsqlite3.so"));
    }

    void registersTheDriver()
    {
        QCOMPARE(SqlCipherDriver::driverName(), QStringLiteral("QSQLCIPHER"));
        QCOMPARE(QLatin1String(SqlCipherDriver::kDriverName), QLatin1String("QSQLCIPHER"));
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.db.isValid());
        QVERIFY(qobject_cast<SqlCipherDriver*>(c.db.driver()));
        QVERIFY(c.open());
        const QSqlDriver* d = c.db.driver();
        for (auto feature :
             {QSqlDriver::Transactions, QSqlDriver::PreparedQueries, QSqlDriver::PositionalPlaceholders,
              QSqlDriver::NamedPlaceholders, QSqlDriver::LastInsertId, QSqlDriver::BLOB, QSqlDriver::Unicode,
              QSqlDriver::SimpleLocking, QSqlDriver::FinishQuery, QSqlDriver::LowPrecisionNumbers})
            QVERIFY2(d->hasFeature(feature), qPrintable(QString::number(feature)));
        for (auto feature : {QSqlDriver::QuerySize, QSqlDriver::EventNotifications, QSqlDriver::MultipleResultSets})
            QVERIFY2(!d->hasFeature(feature), qPrintable(QString::number(feature)));
    }

    void linkedLibraryIsSqlCipher()
    {
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        const QString version = scalar(c.db, QStringLiteral("PRAGMA cipher_version")).toString();
        QVERIFY2(!version.isEmpty(), "PRAGMA cipher_version did not answer: this is plain SQLite, not SQLCipher");
        qInfo("SQLCipher %s on SQLite %s", qPrintable(version), sqlite3_libversion());
        QVERIFY(!mapsContain("libqsqlite"));
        QVERIFY(!mapsContain("libsqlite3.so"));
    }

    void handles()
    {
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        const QVariant h = c.db.driver()->handle();
        QCOMPARE(QByteArray(h.typeName()), QByteArray("sqlite3*"));
        QVERIFY(h.value<sqlite3*>() != nullptr);
        QCOMPARE(h.value<sqlite3*>(), c.handle());

        QSqlQuery q(c.db);
        QVERIFY(q.prepare(QStringLiteral("SELECT 1")));
        QCOMPARE(QByteArray(q.result()->handle().typeName()), QByteArray("sqlite3_stmt*"));
        QVERIFY(statementOf(q) != nullptr);
        QCOMPARE(sqlite3_db_handle(statementOf(q)), c.handle());

        c.db.close();
        QCOMPARE(c.handle(), nullptr);
    }

    void openOptions_data()
    {
        QTest::addColumn<QString>("options");
        QTest::addColumn<bool>("fileExists");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("opens");
        QTest::addColumn<QString>("errorContains");

        QTest::newRow("default creates a missing file") << QString() << false << QString() << true << QString();
        QTest::newRow("no create, missing file") << QStringLiteral("QSQLCIPHER_NO_CREATE") << false << QString()
                                                 << false << QStringLiteral("unable to open database file");
        QTest::newRow("no create, existing file")
            << QStringLiteral("QSQLCIPHER_NO_CREATE") << true << QString() << true << QString();
        QTest::newRow("read-only, missing file") << QStringLiteral("QSQLCIPHER_OPEN_READONLY") << false << QString()
                                                 << false << QStringLiteral("unable to open database file");
        QTest::newRow("read-only, existing file")
            << QStringLiteral("QSQLCIPHER_OPEN_READONLY") << true << QString() << true << QString();
        QTest::newRow("busy timeout and no create")
            << QStringLiteral(" QSQLCIPHER_BUSY_TIMEOUT=250 ; QSQLCIPHER_NO_CREATE;") << true << QString() << true
            << QString();
        QTest::newRow("malformed busy timeout") << QStringLiteral("QSQLCIPHER_BUSY_TIMEOUT=soon") << false << QString()
                                                << false << QStringLiteral("QSQLCIPHER_BUSY_TIMEOUT=soon");
        QTest::newRow("misspelt option never creates") << QStringLiteral("QSQLCIPHER_NOCREATE") << false << QString()
                                                       << false << QStringLiteral("QSQLCIPHER_NOCREATE");
        QTest::newRow("a password is refused")
            << QString() << false << QStringLiteral("secret") << false << QStringLiteral("does not take a password");
    }

    void openOptions()
    {
        QFETCH(QString, options);
        QFETCH(bool, fileExists);
        QFETCH(QString, password);
        QFETCH(bool, opens);
        QFETCH(QString, errorContains);

        const QString path = fileExists ? existingDatabase() : freshPath();
        QCOMPARE(QFileInfo::exists(path), fileExists);
        Connection c(path, options);
        c.db.setPassword(password);
        QCOMPARE(c.open(), opens);
        if (opens) {
            QVERIFY(c.handle() != nullptr);
            RUN(c.db, QStringLiteral("SELECT count(*) FROM sqlite_master"));
            QVERIFY(QFileInfo::exists(path));
        } else {
            QVERIFY(c.db.isOpenError());
            QCOMPARE(c.handle(), nullptr);
            QCOMPARE(c.db.lastError().type(), QSqlError::ConnectionError);
            QVERIFY2(c.db.lastError().text().contains(errorContains), qPrintable(c.db.lastError().text()));
            QVERIFY2(!QFileInfo::exists(path), "a failed open must never create the file");
        }
    }

    void missingFileReportsCantOpen()
    {
        const QString path = freshPath();
        Connection c(path, QStringLiteral("QSQLCIPHER_NO_CREATE"));
        QVERIFY(!c.open());
        QCOMPARE(c.db.lastError().nativeErrorCode(), QString::number(SQLITE_CANTOPEN));
        QVERIFY(c.db.lastError().text().contains(path));
    }

    void typesRoundTrip_data()
    {
        QTest::addColumn<QString>("declared");
        QTest::addColumn<QVariant>("bound");
        QTest::addColumn<QVariant>("expected");
        QTest::addColumn<QString>("storage"); // SQLite's typeof()

        const auto nullOf = [](QMetaType type) { return QVariant(type); };
        const qlonglong max = std::numeric_limits<qlonglong>::max();
        const qlonglong min = std::numeric_limits<qlonglong>::min();

        QTest::newRow("integer") << "INTEGER" << QVariant(qlonglong(42)) << QVariant(qlonglong(42)) << "integer";
        QTest::newRow("int64 max") << "INTEGER" << QVariant(max) << QVariant(max) << "integer";
        QTest::newRow("int64 min") << "INTEGER" << QVariant(min) << QVariant(min) << "integer";
        QTest::newRow("int") << "INTEGER" << QVariant(-7) << QVariant(qlonglong(-7)) << "integer";
        QTest::newRow("uint") << "INTEGER" << QVariant(4000000000u) << QVariant(qlonglong(4000000000LL)) << "integer";
        QTest::newRow("bool true") << "INTEGER" << QVariant(true) << QVariant(qlonglong(1)) << "integer";
        QTest::newRow("bool false") << "BOOLEAN" << QVariant(false) << QVariant(qlonglong(0)) << "integer";
        QTest::newRow("double") << "REAL" << QVariant(3.25) << QVariant(3.25) << "real";
        QTest::newRow("double 0.1+0.2") << "REAL" << QVariant(0.1 + 0.2) << QVariant(0.1 + 0.2) << "real";
        QTest::newRow("negative double") << "DOUBLE" << QVariant(-1e-300) << QVariant(-1e-300) << "real";
        QTest::newRow("text") << "TEXT" << QVariant(QStringLiteral("hello")) << QVariant(QStringLiteral("hello"))
                              << "text";
        QTest::newRow("empty text") << "TEXT" << QVariant(QStringLiteral("")) << QVariant(QStringLiteral("")) << "text";
        const QString arabic = QStringLiteral("مرحبا بالعالم، ١٢٣");
        QTest::newRow("arabic") << "TEXT" << QVariant(arabic) << QVariant(arabic) << "text";
        const QString rtlMixed = QStringLiteral("שלום Lea (12) \u200Fعربى");
        QTest::newRow("rtl mixed with marks") << "TEXT" << QVariant(rtlMixed) << QVariant(rtlMixed) << "text";
        // Decomposed (NFD) text must come back decomposed: the driver does not normalize.
        const QString combining = QStringLiteral("Cafe\u0301 n\u0303 A\u030A");
        QTest::newRow("combining marks") << "TEXT" << QVariant(combining) << QVariant(combining) << "text";
        const QString emoji = QStringLiteral("👩‍👩‍👧 🇳🇴 🎹 \U0001F600");
        QTest::newRow("emoji") << "TEXT" << QVariant(emoji) << QVariant(emoji) << "text";
        const QString withNul = QString::fromUtf16(u"a\0b\0c", 5);
        QTest::newRow("embedded NUL") << "TEXT" << QVariant(withNul) << QVariant(withNul) << "text";
        const QByteArray binary("\x00\x01\xfe\xff\x00", 5);
        QTest::newRow("blob") << "BLOB" << QVariant(binary) << QVariant(binary) << "blob";
        QTest::newRow("empty blob") << "BLOB" << QVariant(QByteArray("", 0)) << QVariant(QByteArray("", 0)) << "blob";
        QTest::newRow("date") << "DATE" << QVariant(QDate(2024, 2, 29)) << QVariant(QStringLiteral("2024-02-29"))
                              << "text";
        QTest::newRow("datetime utc") << "TEXT"
                                      << QVariant(QDateTime(QDate(2024, 3, 1), QTime(12, 34, 56, 789), Qt::UTC))
                                      << QVariant(QStringLiteral("2024-03-01T12:34:56.789Z")) << "text";
        QTest::newRow("untyped column keeps integer") << "" << QVariant(5) << QVariant(qlonglong(5)) << "integer";
        QTest::newRow("untyped column keeps text")
            << "" << QVariant(QStringLiteral("5")) << QVariant(QStringLiteral("5")) << "text";

        QTest::newRow("null integer") << "INTEGER" << nullOf(QMetaType::fromType<qlonglong>())
                                      << nullOf(QMetaType::fromType<qlonglong>()) << "null";
        QTest::newRow("null int bound") << "INTEGER" << nullOf(QMetaType::fromType<int>())
                                        << nullOf(QMetaType::fromType<qlonglong>()) << "null";
        QTest::newRow("null real") << "REAL" << nullOf(QMetaType::fromType<double>())
                                   << nullOf(QMetaType::fromType<double>()) << "null";
        QTest::newRow("null text") << "TEXT" << nullOf(QMetaType::fromType<QString>())
                                   << nullOf(QMetaType::fromType<QString>()) << "null";
        QTest::newRow("null blob") << "BLOB" << nullOf(QMetaType::fromType<QByteArray>())
                                   << nullOf(QMetaType::fromType<QByteArray>()) << "null";
        // A QString or QByteArray is a value even when it is null; only a null QVariant is NULL.
        QTest::newRow("null QString is empty text")
            << "TEXT" << QVariant(QString()) << QVariant(QStringLiteral("")) << "text";
        QTest::newRow("null QByteArray is an empty blob")
            << "BLOB" << QVariant(QByteArray()) << QVariant(QByteArray("", 0)) << "blob";
        QTest::newRow("null invalid QVariant")
            << "TEXT" << QVariant() << nullOf(QMetaType::fromType<QString>()) << "null";
        QTest::newRow("null date") << "DATE" << QVariant(QDate()) << nullOf(QMetaType::fromType<QString>()) << "null";
        QTest::newRow("invalid datetime")
            << "TEXT" << QVariant(QDateTime()) << nullOf(QMetaType::fromType<QString>()) << "null";
        QTest::newRow("null boolean") << "BOOLEAN" << nullOf(QMetaType::fromType<bool>())
                                      << nullOf(QMetaType::fromType<bool>()) << "null";
        QTest::newRow("null numeric") << "NUMERIC(10,2)" << QVariant() << nullOf(QMetaType::fromType<double>())
                                      << "null";
    }

    void typesRoundTrip()
    {
        QFETCH(QString, declared);
        QFETCH(QVariant, bound);
        QFETCH(QVariant, expected);
        QFETCH(QString, storage);

        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        RUN(c.db, QStringLiteral("CREATE TABLE t(v %1)").arg(declared));
        {
            QSqlQuery insert(c.db);
            QVERIFY(insert.prepare(QStringLiteral("INSERT INTO t(v) VALUES(?)")));
            insert.addBindValue(bound);
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        }
        for (const bool forwardOnly : {true, false}) {
            QSqlQuery q(c.db);
            q.setForwardOnly(forwardOnly);
            QVERIFY(q.exec(QStringLiteral("SELECT v, typeof(v) FROM t")));
            QVERIFY(q.next());
            QCOMPARE(q.value(1).toString(), storage);
            const QVariant value = q.value(0);
            QCOMPARE(value.metaType(), expected.metaType());
            QCOMPARE(q.isNull(0), storage == QLatin1String("null"));
            QCOMPARE(value.isNull(), expected.isNull());
            if (!expected.isNull())
                QCOMPARE(value, expected);
            // Empty and NULL stay apart for text and blobs.
            if (expected.typeId() == QMetaType::QString)
                QCOMPARE(value.toString().isNull(), storage == QLatin1String("null"));
            if (expected.typeId() == QMetaType::QByteArray)
                QCOMPARE(value.toByteArray().isNull(), storage == QLatin1String("null"));
            QVERIFY(!q.next());
        }
        // The same value read back through SQL shows what SQLite stored.
        if (expected.typeId() == QMetaType::QString && !expected.isNull())
            QCOMPARE(scalar(c.db, QStringLiteral("SELECT length(CAST(v AS BLOB)) FROM t")).toLongLong(),
                     qlonglong(expected.toString().toUtf8().size()));
    }

    void largeBlob()
    {
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        RUN(c.db, QStringLiteral("CREATE TABLE t(b BLOB)"));
        const QByteArray blob = randomBytes(1024 * 1024);
        QSqlQuery q(c.db);
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO t VALUES(:b)")));
        q.bindValue(QStringLiteral(":b"), blob);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QCOMPARE(scalar(c.db, QStringLiteral("SELECT length(b) FROM t")).toLongLong(), 1024 * 1024);
        QCOMPARE(scalar(c.db, QStringLiteral("SELECT b FROM t")).toByteArray(), blob);
    }

    // execBatch() binds row by row from lists, positional and named, and a value kept from
    // the previous exec() is reused when not bound again (as with Qt's own drivers).
    void batchAndReusedValues()
    {
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        RUN(c.db, QStringLiteral("CREATE TABLE t(a, b)"));
        QSqlQuery q(c.db);
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO t VALUES(?, ?)")));
        q.addBindValue(QVariantList{1, 2, 3});
        q.addBindValue(QVariantList{QStringLiteral("x"), QStringLiteral("y"), QVariant()});
        QVERIFY2(q.execBatch(), qPrintable(q.lastError().text()));
        QSqlQuery n(c.db);
        QVERIFY(n.prepare(QStringLiteral("INSERT INTO t VALUES(:a, :b)")));
        n.bindValue(QStringLiteral(":a"), QVariantList{4, 5});
        n.bindValue(QStringLiteral(":b"), QVariantList{QStringLiteral("p"), QStringLiteral("q")});
        QVERIFY2(n.execBatch(), qPrintable(n.lastError().text()));
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO t VALUES(?, ?)")));
        q.addBindValue(6);
        q.addBindValue(QStringLiteral("kept"));
        QVERIFY(q.exec());
        q.bindValue(0, 7); // only the first changes
        QVERIFY(q.exec());

        QSqlQuery s(c.db);
        QVERIFY(s.exec(QStringLiteral("SELECT a, b FROM t ORDER BY rowid")));
        QStringList rows;
        while (s.next())
            rows << s.value(0).toString() + QLatin1Char('=') +
                        (s.isNull(1) ? QStringLiteral("NULL") : s.value(1).toString());
        QCOMPARE(rows, QStringList({QStringLiteral("1=x"), QStringLiteral("2=y"), QStringLiteral("3=NULL"),
                                    QStringLiteral("4=p"), QStringLiteral("5=q"), QStringLiteral("6=kept"),
                                    QStringLiteral("7=kept")}));
    }

    void positionalBinding()
    {
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        RUN(c.db, QStringLiteral("CREATE TABLE t(a, b, c)"));
        QSqlQuery q(c.db);
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO t VALUES(?, ?, ?)")));
        q.addBindValue(1);
        q.addBindValue(QStringLiteral("two"));
        q.addBindValue(3.5);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        // Out of order by index.
        q.bindValue(2, QStringLiteral("c"));
        q.bindValue(0, QStringLiteral("a"));
        q.bindValue(1, QStringLiteral("b"));
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));

        QSqlQuery s(c.db);
        QVERIFY(s.exec(QStringLiteral("SELECT a, b, c FROM t ORDER BY rowid")));
        QVERIFY(s.next());
        QCOMPARE(s.value(0), QVariant(qlonglong(1)));
        QCOMPARE(s.value(1), QVariant(QStringLiteral("two")));
        QCOMPARE(s.value(2), QVariant(3.5));
        QVERIFY(s.next());
        QCOMPARE(s.value(0).toString(), QStringLiteral("a"));
        QCOMPARE(s.value(1).toString(), QStringLiteral("b"));
        QCOMPARE(s.value(2).toString(), QStringLiteral("c"));

        // A placeholder in a WHERE clause of a SELECT.
        QSqlQuery w(c.db);
        QVERIFY(w.prepare(QStringLiteral("SELECT c FROM t WHERE a = ? AND b = ?")));
        w.addBindValue(QStringLiteral("a"));
        w.addBindValue(QStringLiteral("b"));
        QVERIFY(w.exec());
        QVERIFY(w.next());
        QCOMPARE(w.value(0).toString(), QStringLiteral("c"));
    }

    void namedBinding()
    {
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        RUN(c.db, QStringLiteral("CREATE TABLE t(a, b, c)"));
        QSqlQuery q(c.db);
        // :a appears twice; the values are bound in another order than they appear.
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO t VALUES(:a, :b_2, :a)")));
        q.bindValue(QStringLiteral(":b_2"), QStringLiteral("middle"));
        q.bindValue(QStringLiteral(":a"), 7);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        q.bindValue(QStringLiteral(":a"), 8);
        q.bindValue(QStringLiteral(":b_2"), QVariant());
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));

        QSqlQuery s(c.db);
        QVERIFY(s.prepare(QStringLiteral("SELECT a, b, c FROM t WHERE a >= :low AND c <= :high ORDER BY a")));
        s.bindValue(QStringLiteral(":high"), 100);
        s.bindValue(QStringLiteral(":low"), 0);
        QVERIFY2(s.exec(), qPrintable(s.lastError().text()));
        QVERIFY(s.next());
        QCOMPARE(s.value(0), QVariant(qlonglong(7)));
        QCOMPARE(s.value(1), QVariant(QStringLiteral("middle")));
        QCOMPARE(s.value(2), QVariant(qlonglong(7)));
        QVERIFY(s.next());
        QCOMPARE(s.value(0), QVariant(qlonglong(8)));
        QVERIFY(s.isNull(1));
        QCOMPARE(s.value(2), QVariant(qlonglong(8)));
        QVERIFY(!s.next());

        // A string literal that looks like a placeholder is left alone.
        QSqlQuery lit(c.db);
        QVERIFY(lit.prepare(QStringLiteral("SELECT ':a', :a")));
        lit.bindValue(QStringLiteral(":a"), QStringLiteral("bound"));
        QVERIFY2(lit.exec(), qPrintable(lit.lastError().text()));
        QVERIFY(lit.next());
        QCOMPARE(lit.value(0).toString(), QStringLiteral(":a"));
        QCOMPARE(lit.value(1).toString(), QStringLiteral("bound"));
    }

    void parameterMismatchIsAnError()
    {
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        QSqlQuery q(c.db);
        QVERIFY(q.prepare(QStringLiteral("SELECT ?, ?")));
        q.addBindValue(1);
        QVERIFY(!q.exec());
        QVERIFY(!q.isActive());
        QVERIFY2(q.lastError().text().contains(QLatin1String("Parameter count mismatch")),
                 qPrintable(q.lastError().text()));

        QVERIFY(q.prepare(QStringLiteral("SELECT ?")));
        q.addBindValue(1);
        q.addBindValue(2);
        QVERIFY(!q.exec());
        QVERIFY(q.lastError().text().contains(QLatin1String("Parameter count mismatch")));

        // A direct exec() cannot bind anything.
        QSqlQuery direct(c.db);
        QVERIFY(!direct.exec(QStringLiteral("SELECT :x")));
        QVERIFY2(direct.lastError().text().contains(QLatin1String("placeholders")),
                 qPrintable(direct.lastError().text()));
    }

    void reusesThePreparedStatement()
    {
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        RUN(c.db, QStringLiteral("CREATE TABLE t(n INTEGER, label TEXT)"));
        QSqlQuery q(c.db);
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO t VALUES(:n, :label)")));
        sqlite3_stmt* const stmt = statementOf(q);
        QVERIFY(stmt);
        for (int i = 1; i <= 1000; ++i) {
            q.bindValue(QStringLiteral(":n"), i);
            q.bindValue(QStringLiteral(":label"), i % 2 ? QVariant(QStringLiteral("odd")) : QVariant());
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            QCOMPARE(q.numRowsAffected(), 1);
            QCOMPARE(statementOf(q), stmt); // no new sqlite3_prepare per row
        }
        QCOMPARE(scalar(c.db, QStringLiteral("SELECT count(*) FROM t")).toInt(), 1000);
        QCOMPARE(scalar(c.db, QStringLiteral("SELECT sum(n) FROM t")).toLongLong(), 500500);
        // The NULL of an even row did not stick to the next odd row (bindings are cleared).
        QCOMPARE(scalar(c.db, QStringLiteral("SELECT count(label) FROM t")).toInt(), 500);

        // A prepared SELECT runs again with new values.
        QSqlQuery s(c.db);
        QVERIFY(s.prepare(QStringLiteral("SELECT n FROM t WHERE n = ?")));
        for (int i : {3, 999, 1}) {
            s.addBindValue(i);
            QVERIFY(s.exec());
            QVERIFY(s.next());
            QCOMPARE(s.value(0).toInt(), i);
        }
    }

    void bulkImportOf100000RowsIsFast()
    {
        const QString path = freshPath();
        Connection c(path);
        QVERIFY(c.open());
        QVERIFY(c.applyKey(randomKey()));
        RUN(c.db, QStringLiteral("CREATE TABLE clients(id INTEGER PRIMARY KEY, name TEXT, email TEXT, born TEXT)"));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(c.db.transaction());
        QSqlQuery q(c.db);
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO clients(name, email, born) VALUES(?, ?, ?)")));
        for (int i = 0; i < 100000; ++i) {
            q.bindValue(0, QStringLiteral("Client %1 Ærøskøbing").arg(i));
            q.bindValue(1, QStringLiteral("c%1@example.org").arg(i));
            q.bindValue(2, QDate(1990, 1, 1).addDays(i % 9000));
            if (!q.exec())
                QFAIL(qPrintable(q.lastError().text()));
        }
        QVERIFY2(c.db.commit(), qPrintable(c.db.lastError().text()));
        const qint64 ms = timer.elapsed();
        qInfo("100000 prepared inserts into an encrypted database: %lld ms", ms);
        QCOMPARE(scalar(c.db, QStringLiteral("SELECT count(*) FROM clients")).toInt(), 100000);
        QCOMPARE(q.lastInsertId().toLongLong(), 100000);
        // Generous for a debug build on a slow machine; re-preparing per row or caching every
        // statement would show as minutes.
        QVERIFY2(ms < 60000, qPrintable(QString::number(ms)));
    }

    void transactions()
    {
        Connection c(freshPath());
        QVERIFY(c.open());
        RUN(c.db, QStringLiteral("CREATE TABLE t(x)"));

        QVERIFY(c.db.transaction());
        RUN(c.db, QStringLiteral("INSERT INTO t VALUES(1)"));
        QVERIFY2(c.db.commit(), qPrintable(c.db.lastError().text()));
        QCOMPARE(scalar(c.db, QStringLiteral("SELECT count(*) FROM t")).toInt(), 1);

        QVERIFY(c.db.transaction());
        RUN(c.db, QStringLiteral("INSERT INTO t VALUES(2)"));
        QCOMPARE(scalar(c.db, QStringLiteral("SELECT count(*) FROM t")).toInt(), 2);
        QVERIFY(c.db.rollback());
        QCOMPARE(scalar(c.db, QStringLiteral("SELECT count(*) FROM t")).toInt(), 1);

        // Commit and rollback without a transaction are errors with SQLite's words.
        QVERIFY(!c.db.commit());
        QCOMPARE(c.db.lastError().type(), QSqlError::TransactionError);
        QVERIFY2(c.db.lastError().text().contains(QLatin1String("no transaction is active")),
                 qPrintable(c.db.lastError().text()));
        QCOMPARE(c.db.lastError().nativeErrorCode(), QString::number(SQLITE_ERROR));
        QVERIFY(!c.db.rollback());
        QVERIFY(c.db.lastError().text().contains(QLatin1String("no transaction is active")));
        // Nested BEGIN is refused too.
        QVERIFY(c.db.transaction());
        QVERIFY(!c.db.transaction());
        QVERIFY(c.db.lastError().text().contains(QLatin1String("within a transaction")));
        QVERIFY(c.db.rollback());
    }

    void secondWriterFailsAtBegin()
    {
        const QString path = existingDatabase();
        Connection a(path);
        Connection b(path, QStringLiteral("QSQLCIPHER_BUSY_TIMEOUT=150"));
        QVERIFY(a.open());
        QVERIFY(b.open());
        QVERIFY(a.db.transaction()); // BEGIN IMMEDIATE: takes the write lock now
        RUN(a.db, QStringLiteral("INSERT INTO t VALUES(1)"));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!b.db.transaction());
        QVERIFY2(timer.elapsed() >= 100, "the busy timeout was not honoured");
        QCOMPARE(b.db.lastError().type(), QSqlError::TransactionError);
        QVERIFY2(b.db.lastError().text().contains(QLatin1String("database is locked")),
                 qPrintable(b.db.lastError().text()));
        QCOMPARE(b.db.lastError().nativeErrorCode(), QString::number(SQLITE_BUSY));
        QVERIFY(a.db.commit());
        QVERIFY(b.db.transaction());
        RUN(b.db, QStringLiteral("INSERT INTO t VALUES(2)"));
        QVERIFY(b.db.commit());
        QCOMPARE(scalar(a.db, QStringLiteral("SELECT count(*) FROM t")).toInt(), 2);
    }

    void statementErrors_data()
    {
        QTest::addColumn<QString>("failing");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("code");

        QTest::newRow("syntax error") << "SELEC 1"
                                      << "near \"SELEC\": syntax error" << SQLITE_ERROR;
        QTest::newRow("no such table") << "SELECT * FROM nowhere"
                                       << "no such table: nowhere" << SQLITE_ERROR;
        QTest::newRow("no such column") << "SELECT missing FROM t"
                                        << "no such column: missing" << SQLITE_ERROR;
        QTest::newRow("unique") << "INSERT INTO t(id, code, name, n) VALUES(2, 'A', 'x', 1)"
                                << "UNIQUE constraint failed: t.code" << SQLITE_CONSTRAINT_UNIQUE;
        QTest::newRow("primary key") << "INSERT INTO t(id, code, name, n) VALUES(1, 'B', 'x', 1)"
                                     << "UNIQUE constraint failed: t.id" << SQLITE_CONSTRAINT_PRIMARYKEY;
        QTest::newRow("not null") << "INSERT INTO t(id, code, name, n) VALUES(3, 'C', NULL, 1)"
                                  << "NOT NULL constraint failed: t.name" << SQLITE_CONSTRAINT_NOTNULL;
        QTest::newRow("check") << "UPDATE t SET n = -1"
                               << "CHECK constraint failed" << SQLITE_CONSTRAINT_CHECK;
        QTest::newRow("foreign key") << "INSERT INTO child(parent) VALUES(99)"
                                     << "FOREIGN KEY constraint failed" << SQLITE_CONSTRAINT_FOREIGNKEY;
        QTest::newRow("runtime error") << "SELECT abs(-9223372036854775807 - 1)"
                                       << "integer overflow" << SQLITE_ERROR;
    }

    void statementErrors()
    {
        QFETCH(QString, failing);
        QFETCH(QString, message);
        QFETCH(int, code);

        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        RUN(c.db, QStringLiteral("PRAGMA foreign_keys = ON"));
        RUN(c.db, QStringLiteral("CREATE TABLE t(id INTEGER PRIMARY KEY, code TEXT UNIQUE, name TEXT NOT NULL, "
                                 "n INTEGER CHECK (n > 0))"));
        RUN(c.db, QStringLiteral("CREATE TABLE child(parent INTEGER REFERENCES t(id))"));
        RUN(c.db, QStringLiteral("INSERT INTO t VALUES(1, 'A', 'first', 1)"));

        for (const bool prepared : {false, true}) {
            QSqlQuery q(c.db);
            bool ok = false;
            if (prepared)
                ok = q.prepare(failing) && q.exec();
            else
                ok = q.exec(failing);
            QVERIFY(!ok);
            QVERIFY(!q.isActive());
            const QSqlError e = q.lastError();
            QVERIFY(e.isValid());
            QCOMPARE(e.type(), QSqlError::StatementError);
            QVERIFY2(e.text().contains(message), qPrintable(e.text()));
            QCOMPARE(e.nativeErrorCode(), QString::number(code));
        }
        // The connection is still usable afterwards.
        QCOMPARE(scalar(c.db, QStringLiteral("SELECT count(*) FROM t")).toInt(), 1);
    }

    void errorWhileIterating_data()
    {
        QTest::addColumn<bool>("forwardOnly");
        QTest::newRow("forward-only") << true;
        QTest::newRow("scrollable") << false;
    }

    void errorWhileIterating()
    {
        QFETCH(bool, forwardOnly);
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        RUN(c.db, QStringLiteral("CREATE TABLE t(x INTEGER)"));
        RUN(c.db, QStringLiteral("INSERT INTO t VALUES(1), (2), (3), (4)"));
        QSqlQuery q(c.db);
        q.setForwardOnly(forwardOnly);
        // abs() fails with "integer overflow" on the third row only (x = 3 gives INT64_MIN). No
        // ORDER BY: a sorter would compute every row before the first one is returned.
        QVERIFY2(q.exec(QStringLiteral("SELECT x, abs(x - 3 - 9223372036854775807 - 1) FROM t")),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        QVERIFY(!q.next());
        QVERIFY(!q.isActive());
        QVERIFY2(q.lastError().text().contains(QLatin1String("integer overflow")), qPrintable(q.lastError().text()));
        QCOMPARE(q.lastError().type(), QSqlError::StatementError);
    }

    void oneStatementPerExec()
    {
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        QSqlQuery q(c.db);
        QVERIFY(!q.exec(QStringLiteral("CREATE TABLE a(x); CREATE TABLE b(x)")));
        QVERIFY2(q.lastError().text().contains(QLatin1String("more than one SQL statement")),
                 qPrintable(q.lastError().text()));
        QVERIFY(!c.db.tables().contains(QStringLiteral("a")));
        // A trailing ';' and comments are not a second statement.
        QVERIFY2(q.exec(QStringLiteral("CREATE TABLE a(x); -- the first table\n /* done */ ;")),
                 qPrintable(q.lastError().text()));
        QVERIFY(!q.exec(QStringLiteral("   -- nothing but a comment")));

        QVERIFY(c.driver()->executeScript(QStringLiteral("CREATE TABLE b(x);\nINSERT INTO b VALUES(1);\n"
                                                         "INSERT INTO b VALUES(2);")));
        QCOMPARE(scalar(c.db, QStringLiteral("SELECT count(*) FROM b")).toInt(), 2);
        QVERIFY(!c.driver()->executeScript(QStringLiteral("INSERT INTO b VALUES(3); SELEC 4;")));
        QVERIFY2(c.driver()->lastError().text().contains(QLatin1String("syntax error")),
                 qPrintable(c.driver()->lastError().text()));
        QCOMPARE(c.driver()->lastError().nativeErrorCode(), QString::number(SQLITE_ERROR));
    }

    void lastInsertId()
    {
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        RUN(c.db, QStringLiteral("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)"));
        QSqlQuery first(c.db);
        QVERIFY(first.exec(QStringLiteral("INSERT INTO t(v) VALUES('a')")));
        QCOMPARE(first.lastInsertId(), QVariant(qlonglong(1)));
        QSqlQuery second(c.db);
        QVERIFY(second.prepare(QStringLiteral("INSERT INTO t(id, v) VALUES(?, ?)")));
        second.addBindValue(100);
        second.addBindValue(QStringLiteral("b"));
        QVERIFY(second.exec());
        QCOMPARE(second.lastInsertId(), QVariant(qlonglong(100)));
        QVERIFY(first.exec(QStringLiteral("INSERT INTO t(v) VALUES('c')")));
        QCOMPARE(first.lastInsertId(), QVariant(qlonglong(101)));
        // Each query keeps the id of its own insert.
        QCOMPARE(second.lastInsertId(), QVariant(qlonglong(100)));
        QSqlQuery select(c.db);
        QVERIFY(select.exec(QStringLiteral("SELECT 1")));
        QVERIFY(!select.lastInsertId().isValid());
    }

    void numRowsAffected()
    {
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        QSqlQuery q(c.db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE t(x INTEGER)")));
        QCOMPARE(q.numRowsAffected(), 0);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO t VALUES(1), (2), (3), (4), (5)")));
        QCOMPARE(q.numRowsAffected(), 5);
        QVERIFY(q.exec(QStringLiteral("UPDATE t SET x = x * 10 WHERE x > 2")));
        QCOMPARE(q.numRowsAffected(), 3);
        QVERIFY(q.exec(QStringLiteral("UPDATE t SET x = 0 WHERE x > 1000")));
        QCOMPARE(q.numRowsAffected(), 0);
        QVERIFY(q.exec(QStringLiteral("CREATE INDEX t_x ON t(x)")));
        QCOMPARE(q.numRowsAffected(), 0); // not the 0 rows of the UPDATE, not the 5 of the INSERT
        QVERIFY(q.exec(QStringLiteral("DELETE FROM t WHERE x < 3")));
        QCOMPARE(q.numRowsAffected(), 2);
        QVERIFY(q.exec(QStringLiteral("SELECT * FROM t")));
        QCOMPARE(q.numRowsAffected(), -1);
        QCOMPARE(q.size(), -1); // QuerySize is not supported
    }

    void forwardOnlyStreams10000Rows()
    {
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        RUN(c.db, QStringLiteral("CREATE TABLE t(n INTEGER, label TEXT)"));
        QVERIFY(c.db.transaction());
        {
            QSqlQuery insert(c.db);
            QVERIFY(insert.prepare(QStringLiteral("INSERT INTO t VALUES(?, ?)")));
            for (int i = 1; i <= 10000; ++i) {
                insert.addBindValue(i);
                insert.addBindValue(QStringLiteral("row %1").arg(i));
                QVERIFY(insert.exec());
            }
        }
        QVERIFY(c.db.commit());

        QSqlQuery q(c.db);
        q.setForwardOnly(true);
        QVERIFY(q.exec(QStringLiteral("SELECT n, label FROM t ORDER BY n")));
        QCOMPARE(q.at(), int(QSql::BeforeFirstRow));
        qlonglong sum = 0;
        int rows = 0;
        while (q.next()) {
            ++rows;
            QCOMPARE(q.at(), rows - 1);
            QCOMPARE(q.value(0).toInt(), rows);
            if (rows % 1000 == 0)
                QCOMPARE(q.value(1).toString(), QStringLiteral("row %1").arg(rows));
            if (rows == 5000) // still streaming from SQLite, not read in advance
                QVERIFY(sqlite3_stmt_busy(statementOf(q)));
            sum += q.value(0).toLongLong();
        }
        QCOMPARE(rows, 10000);
        QCOMPARE(sum, 10000LL * 10001 / 2);
        QCOMPARE(q.at(), int(QSql::AfterLastRow));
        QVERIFY(q.lastError().type() == QSqlError::NoError);
        QVERIFY2(!sqlite3_stmt_busy(statementOf(q)), "the finished statement still holds its read lock");
    }

    void forwardOnlyLast()
    {
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        RUN(c.db, QStringLiteral("CREATE TABLE t(n INTEGER)"));
        RUN(c.db, QStringLiteral("INSERT INTO t VALUES(1), (2), (3)"));
        QSqlQuery q(c.db);
        q.setForwardOnly(true);
        QVERIFY(q.exec(QStringLiteral("SELECT n FROM t ORDER BY n")));
        QVERIFY(q.last());
        QCOMPARE(q.at(), 2);
        QCOMPARE(q.value(0).toInt(), 3);
        QVERIFY(!q.next());

        QVERIFY(q.exec(QStringLiteral("SELECT n FROM t WHERE n > 10")));
        QVERIFY(!q.last());
    }

    void randomAccess()
    {
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        RUN(c.db, QStringLiteral("CREATE TABLE t(n INTEGER)"));
        RUN(c.db, QStringLiteral("WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < 99) "
                                 "INSERT INTO t SELECT i FROM s"));
        QSqlQuery q(c.db);
        QVERIFY(!q.isForwardOnly());
        QVERIFY(q.exec(QStringLiteral("SELECT n, 'v' || n FROM t ORDER BY n")));
        QVERIFY(q.seek(50));
        QCOMPARE(q.value(0).toInt(), 50);
        QVERIFY(q.previous());
        QCOMPARE(q.value(0).toInt(), 49);
        QCOMPARE(q.value(1).toString(), QStringLiteral("v49"));
        QVERIFY(q.first());
        QCOMPARE(q.at(), 0);
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(!q.previous());
        QCOMPARE(q.at(), int(QSql::BeforeFirstRow));
        QVERIFY(q.last());
        QCOMPARE(q.at(), 99);
        QCOMPARE(q.value(0).toInt(), 99);
        QVERIFY(q.seek(10));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 11);
        QVERIFY(q.seek(-5, true));
        QCOMPARE(q.value(0).toInt(), 6);
        QVERIFY(!q.seek(100));
        QCOMPARE(q.at(), int(QSql::AfterLastRow));
        QVERIFY(q.previous());
        QCOMPARE(q.value(0).toInt(), 99);
        QCOMPARE(q.size(), -1);

        QVERIFY(q.exec(QStringLiteral("SELECT n FROM t WHERE n < 0")));
        QVERIFY(!q.first());
        QVERIFY(!q.last());
        QVERIFY(!q.next());
    }

    void finishReleasesTheStatement()
    {
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        RUN(c.db, QStringLiteral("CREATE TABLE t(n INTEGER)"));
        RUN(c.db, QStringLiteral("INSERT INTO t VALUES(1), (2), (3)"));
        QSqlQuery q(c.db);
        QVERIFY(q.prepare(QStringLiteral("SELECT n FROM t ORDER BY n")));
        QVERIFY(q.exec());
        QVERIFY(q.next());
        QVERIFY(sqlite3_stmt_busy(statementOf(q)));
        q.finish();
        QVERIFY(!q.isActive());
        QVERIFY(!sqlite3_stmt_busy(statementOf(q)));
        QVERIFY(q.exec()); // still prepared
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void closeReallyClosesTheFile()
    {
        const QString path = existingDatabase();
        Connection c(path);
        QVERIFY(c.open());
        QSqlQuery q(c.db);
        q.setForwardOnly(true);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM t")));
        QVERIFY(q.next()); // the statement is live
        QVERIFY(openDescriptorsTo(path) >= 1);
        c.db.close();
        QCOMPARE(openDescriptorsTo(path), 0);
        QVERIFY(!q.isActive());
        QVERIFY(c.open());
        QVERIFY(!q.exec()); // its statement belonged to the old connection
        QVERIFY2(q.exec(QStringLiteral("SELECT count(*) FROM t")), qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        // The same query object, prepared again on the new connection, is closed with it too.
        c.db.close();
        QCOMPARE(openDescriptorsTo(path), 0);
    }

    void recordAndMetadata()
    {
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        RUN(c.db, QStringLiteral("CREATE TABLE people(id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'x', "
                                 "photo BLOB, score REAL, born DATE, active BOOLEAN, notes VARCHAR(20))"));
        RUN(c.db, QStringLiteral("CREATE TABLE pair(a TEXT, b TEXT, PRIMARY KEY (b, a))"));
        RUN(c.db, QStringLiteral("CREATE VIEW adults AS SELECT * FROM people"));
        RUN(c.db, QStringLiteral("CREATE TEMP TABLE scratch(x)"));
        RUN(c.db, QStringLiteral("INSERT INTO people(id, name) VALUES(1, 'Ann')"));

        QSqlQuery q(c.db);
        QVERIFY(q.prepare(QStringLiteral("SELECT id, name AS display, photo, score, born, active, notes, "
                                         "id * 2 AS twice FROM people")));
        QSqlRecord rec = q.record(); // known after prepare
        QCOMPARE(rec.count(), 8);
        QCOMPARE(rec.fieldName(1), QStringLiteral("display"));
        QVERIFY(q.exec());
        QVERIFY(q.next());
        rec = q.record();
        const QStringList names = {QStringLiteral("id"),    QStringLiteral("display"), QStringLiteral("photo"),
                                   QStringLiteral("score"), QStringLiteral("born"),    QStringLiteral("active"),
                                   QStringLiteral("notes"), QStringLiteral("twice")};
        const QList<QMetaType> types = {QMetaType::fromType<qlonglong>(),  QMetaType::fromType<QString>(),
                                        QMetaType::fromType<QByteArray>(), QMetaType::fromType<double>(),
                                        QMetaType::fromType<QString>(),    QMetaType::fromType<bool>(),
                                        QMetaType::fromType<QString>(),    QMetaType::fromType<qlonglong>()};
        for (int i = 0; i < names.size(); ++i) {
            QCOMPARE(rec.fieldName(i), names.at(i));
            QCOMPARE(rec.field(i).metaType(), types.at(i));
        }
        QCOMPARE(rec.indexOf(QStringLiteral("display")), 1);
        QCOMPARE(rec.value(QStringLiteral("display")).toString(), QStringLiteral("Ann"));
        QCOMPARE(rec.value(QStringLiteral("twice")), QVariant(qlonglong(2)));
        // NULLs carry the column's type.
        for (int i : {2, 3, 4, 5, 6}) {
            QVERIFY(q.isNull(i));
            QVERIFY(q.value(i).isNull());
            QCOMPARE(q.value(i).metaType(), types.at(i));
        }

        const QSqlRecord table = c.db.record(QStringLiteral("people"));
        QCOMPARE(table.count(), 7);
        QCOMPARE(table.fieldName(0), QStringLiteral("id"));
        QCOMPARE(table.field(0).metaType(), QMetaType::fromType<qlonglong>());
        QVERIFY(table.field(0).isAutoValue());
        QCOMPARE(table.field(1).requiredStatus(), QSqlField::Required);
        QCOMPARE(table.field(2).requiredStatus(), QSqlField::Optional);
        QCOMPARE(table.field(2).metaType(), QMetaType::fromType<QByteArray>());
        QCOMPARE(table.field(3).metaType(), QMetaType::fromType<double>());
        QVERIFY(c.db.record(QStringLiteral("no_such_table")).isEmpty());

        const QSqlIndex pk = c.db.primaryIndex(QStringLiteral("people"));
        QCOMPARE(pk.count(), 1);
        QCOMPARE(pk.fieldName(0), QStringLiteral("id"));
        const QSqlIndex pairKey = c.db.primaryIndex(QStringLiteral("pair"));
        QCOMPARE(pairKey.count(), 2);
        QCOMPARE(pairKey.fieldName(0), QStringLiteral("b"));
        QCOMPARE(pairKey.fieldName(1), QStringLiteral("a"));

        QCOMPARE(c.db.tables(QSql::Tables),
                 QStringList({QStringLiteral("pair"), QStringLiteral("people"), QStringLiteral("scratch")}));
        QCOMPARE(c.db.tables(QSql::Views), QStringList({QStringLiteral("adults")}));
        QVERIFY(c.db.tables(QSql::SystemTables).contains(QStringLiteral("sqlite_master")));
        QCOMPARE(c.db.tables(QSql::AllTables).size(), 5);
    }

    void escapeIdentifier()
    {
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        const QString weird = QStringLiteral("we\"ird name");
        const QString escaped = c.db.driver()->escapeIdentifier(weird, QSqlDriver::TableName);
        QCOMPARE(escaped, QStringLiteral("\"we\"\"ird name\""));
        QCOMPARE(c.db.driver()->escapeIdentifier(escaped, QSqlDriver::TableName), escaped); // already escaped
        RUN(c.db, QStringLiteral("CREATE TABLE %1(%2 INTEGER)")
                      .arg(escaped, c.db.driver()->escapeIdentifier(QStringLiteral("select"), QSqlDriver::FieldName)));
        QVERIFY(c.db.tables().contains(weird));
        QCOMPARE(c.db.record(weird).fieldName(0), QStringLiteral("select"));
    }

    void formatValue_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QVariant>("expected");
        QTest::newRow("quote") << QVariant(QStringLiteral("O'Brien")) << QVariant(QStringLiteral("O'Brien"));
        QTest::newRow("unicode") << QVariant(QStringLiteral("Ærø 🎹")) << QVariant(QStringLiteral("Ærø 🎹"));
        QTest::newRow("null") << QVariant(QMetaType::fromType<QString>()) << QVariant();
        QTest::newRow("empty text") << QVariant(QStringLiteral("")) << QVariant(QStringLiteral(""));
        QTest::newRow("blob") << QVariant(QByteArray("\x00\xff'", 3)) << QVariant(QByteArray("\x00\xff'", 3));
        QTest::newRow("bool") << QVariant(true) << QVariant(qlonglong(1));
        QTest::newRow("integer") << QVariant(qlonglong(-42)) << QVariant(qlonglong(-42));
        QTest::newRow("double") << QVariant(2.5) << QVariant(2.5);
        QTest::newRow("date") << QVariant(QDate(2023, 12, 31)) << QVariant(QStringLiteral("2023-12-31"));
    }

    void formatValue()
    {
        QFETCH(QVariant, value);
        QFETCH(QVariant, expected);
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        QSqlField field(QStringLiteral("f"), value.metaType());
        field.setValue(value);
        const QString literal = c.db.driver()->formatValue(field);
        QSqlQuery q(c.db);
        QVERIFY2(q.exec(QStringLiteral("SELECT ") + literal), qPrintable(literal));
        QVERIFY(q.next());
        QCOMPARE(q.isNull(0), !expected.isValid());
        if (expected.isValid())
            QCOMPARE(q.value(0), expected);
    }

    void numericalPrecisionPolicy()
    {
        Connection c(QStringLiteral(":memory:"));
        QVERIFY(c.open());
        QSqlQuery q(c.db);
        QVERIFY(q.exec(QStringLiteral("SELECT 7, 2.75")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).typeId(), int(QMetaType::LongLong));
        QCOMPARE(q.value(1).typeId(), int(QMetaType::Double));

        q.setNumericalPrecisionPolicy(QSql::LowPrecisionInt32);
        QVERIFY(q.exec(QStringLiteral("SELECT 7, 2.75")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0), QVariant(7));
        QCOMPARE(q.value(1), QVariant(2));

        q.setNumericalPrecisionPolicy(QSql::LowPrecisionInt64);
        QVERIFY(q.exec(QStringLiteral("SELECT 7, 2.75")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0), QVariant(qlonglong(7)));
        QCOMPARE(q.value(1), QVariant(qlonglong(2)));

        q.setNumericalPrecisionPolicy(QSql::HighPrecision);
        QVERIFY(q.exec(QStringLiteral("SELECT 9007199254740993")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0), QVariant(qlonglong(9007199254740993LL))); // exact, not via double
    }

    void readOnlyConnectionRefusesWrites()
    {
        const QString path = existingDatabase();
        Connection c(path, QStringLiteral("QSQLCIPHER_OPEN_READONLY"));
        QVERIFY(c.open());
        QCOMPARE(scalar(c.db, QStringLiteral("SELECT count(*) FROM t")).toInt(), 0);
        QSqlQuery q(c.db);
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO t VALUES(1)")));
        QVERIFY(!q.isActive());
        QVERIFY2(q.lastError().text().contains(QLatin1String("readonly")), qPrintable(q.lastError().text()));
        QCOMPARE(q.lastError().nativeErrorCode().toInt() & 0xff, SQLITE_READONLY);
    }

    void fullDatabaseIsReported()
    {
        Connection c(freshPath());
        QVERIFY(c.open());
        RUN(c.db, QStringLiteral("CREATE TABLE t(b BLOB)"));
        const int pages = scalar(c.db, QStringLiteral("PRAGMA page_count")).toInt();
        RUN(c.db, QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 3));
        QSqlQuery q(c.db);
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO t VALUES(?)")));
        bool failed = false;
        for (int i = 0; i < 100 && !failed; ++i) {
            q.addBindValue(QByteArray(4096, 'x'));
            failed = !q.exec();
        }
        QVERIFY(failed);
        QVERIFY2(q.lastError().text().contains(QLatin1String("database or disk is full")),
                 qPrintable(q.lastError().text()));
        QCOMPARE(q.lastError().nativeErrorCode(), QString::number(SQLITE_FULL));
    }

    void notADatabaseAfterKey()
    {
        const QString path = freshPath();
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray junk;
            while (junk.size() < 8192)
                junk += "These are meeting notes, not a database. ";
            f.write(junk);
        }
        Connection c(path, QStringLiteral("QSQLCIPHER_NO_CREATE"));
        QVERIFY(c.open()); // SQLite reads nothing at open
        QVERIFY(c.applyKey(randomKey()));
        QSqlQuery q(c.db);
        QVERIFY(!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")));
        // SQLCipher words SQLITE_NOTADB as "file is encrypted or is not a database".
        QVERIFY2(q.lastError().text().contains(QLatin1String("not a database")), qPrintable(q.lastError().text()));
        QCOMPARE(q.lastError().nativeErrorCode(), QString::number(SQLITE_NOTADB));
        QVERIFY(!c.db.transaction());
        QVERIFY2(c.db.lastError().text().contains(QLatin1String("not a database")),
                 qPrintable(c.db.lastError().text()));
        QCOMPARE(c.db.lastError().nativeErrorCode(), QString::number(SQLITE_NOTADB));
    }

    void encryptsWithARawKey()
    {
        const QString path = freshPath();
        const QByteArray key = randomKey();
        const QByteArray secret = "confidential-marker-7f3a";
        {
            Connection c(path);
            QVERIFY(c.open());
            QVERIFY(c.applyKey(key));
            RUN(c.db, QStringLiteral("CREATE TABLE notes(body TEXT)"));
            QSqlQuery q(c.db);
            QVERIFY(q.prepare(QStringLiteral("INSERT INTO notes VALUES(?)")));
            for (int i = 0; i < 50; ++i) {
                q.addBindValue(QString::fromLatin1(secret));
                QVERIFY(q.exec());
            }
        }
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY(bytes.size() > 1024);
            QVERIFY2(!bytes.startsWith(QByteArray("SQLite format 3\0", 16)), "the file is not encrypted");
            QVERIFY(!bytes.contains(secret));
        }
        const auto readBack = [&](const QByteArray* withKey, QString* error) {
            Connection c(path, QStringLiteral("QSQLCIPHER_NO_CREATE"));
            if (!c.open())
                return QString();
            if (withKey && !c.applyKey(*withKey))
                return QString();
            QSqlQuery q(c.db);
            if (!q.exec(QStringLiteral("SELECT body FROM notes LIMIT 1")) || !q.next()) {
                *error = q.lastError().text() + QLatin1Char('/') + q.lastError().nativeErrorCode();
                return QString();
            }
            return q.value(0).toString();
        };
        QString error;
        const QByteArray otherKey = randomKey();
        QVERIFY(readBack(&otherKey, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("not a database")), qPrintable(error));
        QVERIFY2(error.endsWith(QLatin1String("/26")), qPrintable(error));
        error.clear();
        QVERIFY(readBack(nullptr, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("not a database")), qPrintable(error));
        error.clear();
        QCOMPARE(readBack(&key, &error), QString::fromLatin1(secret));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSqlCipherDriver)
#include "TestSqlCipherDriver.moc"
