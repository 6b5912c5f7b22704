#pragma once

#include <QList>
#include <QMetaType>
#include <QSqlRecord>
#include <QSqlResult>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace pd {

class SqlCipherDriver;

// One prepared statement of the QSQLCIPHER driver (see SqlCipherDriver.h).
//
// exec() resets the statement (sqlite3_reset + sqlite3_clear_bindings), binds boundValues()
// and steps to the first row, so a statement that fails at its first step leaves the query
// inactive with the error set. Re-executing a prepared query reuses the same sqlite3_stmt.
//
// Forward-only queries stream: values are read from the statement on demand and nothing is
// kept. Other queries keep the rows read so far (a plain list of rows) so that seek(),
// previous(), first() and last() work. An error while stepping sets lastError() and makes
// the query inactive. When the last row has been read, the statement is reset so that it
// holds no lock.
//
// Values: NULL -> a null QVariant of the column's type; INTEGER -> qlonglong (int under
// QSql::LowPrecisionInt32; the default LowPrecisionDouble policy leaves integers exact);
// FLOAT -> double (int/qlonglong under the Int32/Int64 policies); TEXT -> QString; BLOB ->
// QByteArray (a zero-length blob is an empty, non-null QByteArray).
// Bound values: a null QVariant (QVariant(), QVariant(QMetaType::fromType<QString>()), …) and
// a null QDate/QTime/invalid QDateTime -> NULL; QByteArray -> blob (also when empty or null);
// QString -> text (also when empty or null: unlike Qt's bundled drivers, a null QString is not
// NULL, because our schema's NOT NULL DEFAULT '' columns are written from QString()); bool ->
// 0/1; integers -> int64; float/double -> double; QDate/QTime/QDateTime -> ISO 8601 text;
// anything else convertible to QString -> text.
// lastInsertId() is sqlite3_last_insert_rowid() taken right after this query's exec() of a
// non-SELECT statement (invalid when 0). numRowsAffected() is sqlite3_changes() for a
// statement that changed rows, 0 for one that did not (e.g. CREATE TABLE) and -1 for a SELECT.
class SqlCipherResult : public QSqlResult
{
public:
    explicit SqlCipherResult(const SqlCipherDriver* driver);
    ~SqlCipherResult() override;

    // The statement as QVariant::fromValue<sqlite3_stmt*>(…), nullptr if none.
    QVariant handle() const override;

    // Helpers shared with the driver.
    static QMetaType typeForDeclared(const QString& declared); // SQLite affinity rules
    static bool isNullValue(const QVariant& value);            // also a null QString, QDate…
    static QString isoText(const QVariant& value);             // QDate/QTime/QDateTime as ISO 8601

protected:
    bool reset(const QString& query) override;
    bool prepare(const QString& query) override;
    bool exec() override;
    bool fetch(int i) override;
    bool fetchNext() override;
    bool fetchPrevious() override;
    bool fetchFirst() override;
    bool fetchLast() override;
    QVariant data(int field) override;
    bool isNull(int field) override;
    int size() override;
    int numRowsAffected() override;
    QVariant lastInsertId() const override;
    QSqlRecord record() const override;
    void detachFromResultSet() override;
    // Positional values (QSqlQuery::addBindValue() lands here too) are kept here rather than in QSqlResult, whose
    // bookkeeping formats a placeholder name for every value bound (":0", ":1", …) — a fifth of a bulk import's time.
    void bindValue(int index, const QVariant& value, QSql::ParamType type) override;
    bool execBatch(bool arrayBind) override;

private:
    friend class SqlCipherDriver;

    sqlite3* connection() const;
    void connectionClosing();
    void finalize();
    void clearRows();
    bool bindValues();
    bool mapPlaceholders(int valueCount);
    bool bindOne(int index, const QVariant& value);
    bool runFirstStep();
    bool stepRow();
    void statementFinished();
    QVariant columnValue(int column) const;
    QVariantList readRow() const;
    void setError(int rc, const QString& driverText);
    const QVariantList* bufferedRow() const;

    sqlite3_stmt* m_stmt = nullptr;
    QSqlRecord m_record;
    QList<QMetaType> m_types;    // per column: the type of a NULL value
    QList<bool> m_typeFromValue; // per column: no declared type, take it from the first value
    QList<int> m_placeholderOf;  // per bound value: its sqlite3 parameter index
    QVariantList m_values;       // positional values (addBindValue/bindValue(int))
    bool m_positional = false;   // m_values, not QSqlResult's named values, are bound
    QList<QVariantList> m_rows;  // rows read so far (not forward-only)
    QVariantList m_lastRow;      // forward-only last(): the last row, kept after stepping past it
    bool m_onLastRow = false;    // forward-only: data() reads m_lastRow
    int m_stmtRow = -1;          // the row the statement is positioned on
    bool m_exhausted = true;     // no more rows (done, error or not executed)
    int m_changes = -1;
    QVariant m_lastInsertId;
    bool m_closed = false; // the connection was closed under this result
};

} // namespace pd
