#pragma once

#include <QByteArray>
#include <QVariantMap>

namespace pd::json {

// A flat JSON object, compact, for the changed fields of an outbox operation. The same text a
// QJsonDocument would hold for null, bool, integer, floating-point and string values, written
// straight from the map: building a QJsonObject first was an eighth of a bulk import's time.
// Values of any other type go through QJsonValue::fromVariant().
QByteArray compactObject(const QVariantMap& fields);

// Appends s as a JSON string (quoted, escaped, UTF-8).
void appendString(QByteArray& out, const QString& s);
void appendUtf8String(QByteArray& out, QByteArrayView utf8);

// Appends one value as compactObject() writes it.
void appendValue(QByteArray& out, const QVariant& v);

} // namespace pd::json
