#pragma once

#include <QDate>
#include <QString>
#include <QVariantMap>

namespace pd {

// The columns of one synced row, as its repository defines them, each in the form SQLite
// stores it: an integer (numbers and flags), a text, or NULL. A repository lists its columns
// once (ClientRepository::writeColumns and the like); RowWriter takes them as a QVariantMap
// (ColumnMap), a bulk import straight into UTF-8 (BulkWriter's NewRow), so both write the
// same row without a second list of columns to keep in step.
class ColumnSink
{
public:
    virtual ~ColumnSink() = default;

    virtual void integer(const QString& name, qint64 value) = 0;
    // Stored as given: an empty text stays '' (not NULL).
    virtual void text(const QString& name, const QString& value) = 0;
    virtual void null(const QString& name) = 0;
    // YYYY-MM-DD, NULL when the date is not valid.
    virtual void date(const QString& name, const QDate& value);

    void flag(const QString& name, bool value) { integer(name, value ? 1 : 0); }
    // An optional reference or value: NULL when empty.
    void textOrNull(const QString& name, const QString& value)
    {
        if (value.isEmpty())
            null(name);
        else
            text(name, value);
    }
};

// The columns as RowWriter takes them: name -> stored value (storedForm() leaves each as it is).
class ColumnMap final : public ColumnSink
{
public:
    void integer(const QString& name, qint64 value) override;
    void text(const QString& name, const QString& value) override;
    void null(const QString& name) override;

    QVariantMap map;
};

} // namespace pd
