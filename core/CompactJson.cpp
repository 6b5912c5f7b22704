#include "core/CompactJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace pd::json {

namespace {

// Any other value: as Qt would write it, taken from a one-element array "[…]".
void appendOther(QByteArray& out, const QVariant& v)
{
    const QByteArray array = QJsonDocument(QJsonArray{QJsonValue::fromVariant(v)}).toJson(QJsonDocument::Compact);
    out += array.mid(1, array.size() - 2);
}

} // namespace

void appendString(QByteArray& out, const QString& s)
{
    static constexpr char hex[] = "0123456789abcdef";
    const QByteArray utf8 = s.toUtf8();
    out += '"';
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xf];
            } else {
                out += ch; // UTF-8 passes through, as JSON allows
            }
        }
    }
    out += '"';
}

QByteArray compactObject(const QVariantMap& fields)
{
    QByteArray out;
    out.reserve(64 + fields.size() * 32);
    out += '{';
    bool first = true;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (!first)
            out += ',';
        first = false;
        appendString(out, it.key());
        out += ':';
        const QVariant& v = it.value();
        if (!v.isValid() || v.typeId() == QMetaType::Nullptr) {
            out += "null";
            continue;
        }
        switch (v.typeId()) {
        case QMetaType::QString:
            appendString(out, *static_cast<const QString*>(v.constData()));
            break;
        case QMetaType::Bool:
            out += v.toBool() ? "true" : "false";
            break;
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::Short:
        case QMetaType::Char:
        case QMetaType::SChar:
        case QMetaType::Long: {
            // JSON numbers are doubles: beyond 2^53 Qt writes the nearest double, and so do we.
            const qlonglong n = v.toLongLong();
            if (n > (1LL << 53) || n < -(1LL << 53))
                appendOther(out, v);
            else
                out += QByteArray::number(n);
            break;
        }
        default:
            appendOther(out, v);
        }
    }
    out += '}';
    return out;
}

} // namespace pd::json
