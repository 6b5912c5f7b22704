#pragma once

#include <QSqlRecord>
#include <QSqlResult>
#include <QVariantList>

struct sqlite3;
struct sqlite3_stmt;

namespace pd {

class SqlCipherDriver;

// One prepared statement. Forward-only queries stream rows straight from SQLite; other
// queries keep the rows read so far so that QSqlQuery can move back.
class SqlCipherResult : public QSqlResult
{
public:
    explicit SqlCipherResult(const SqlCipherDriver* driver);
    ~SqlCipherResult() override;

    QVariant handle() const override;

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

private:
    sqlite3* db() const;
    void finalize();
    bool step(); // reads the next row into m_row; false at the end or on error
    bool bindAll();
    const QVariantList& current() const;

    sqlite3_stmt* m_stmt = nullptr;
    QSqlRecord m_record;
    QVariantList m_row;          // the row just stepped to
    QList<QVariantList> m_cache; // rows read so far (only when not forward-only)
    bool m_pending = false;      // exec() already stepped to the first row
    bool m_done = false;
    int m_changes = 0;
};

} // namespace pd
