#include "storage/Columns.h"

#include "core/Text.h"

namespace pd {

void ColumnSink::date(const QString& name, const QDate& value)
{
    if (value.isValid())
        text(name, text::isoDate(value));
    else
        null(name);
}

void ColumnMap::integer(const QString& name, qint64 value)
{
    map.insert(name, QVariant(static_cast<qlonglong>(value)));
}

void ColumnMap::text(const QString& name, const QString& value)
{
    map.insert(name, value);
}

void ColumnMap::null(const QString& name)
{
    map.insert(name, QVariant(QMetaType::fromType<QString>())); // what storedForm() makes of a null
}

} // namespace pd
