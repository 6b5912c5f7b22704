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
    // Column names and most values are ASCII: then each UTF-16 unit is its own UTF-8 byte
    // and no converted copy is needed.
    const auto* units = reinterpret_cast<const char16_t*>(s.constData());
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (units[i] >= 0x80)
            return appendUtf8String(out, s.toUtf8());
    }
    char ascii[128];
    if (n > qsizetype(sizeof ascii))
        return appendUtf8String(out, s.toUtf8());
    for (qsizetype i = 0; i < n; ++i)
        ascii[i] = static_cast<char>(units[i]);
    appendUtf8String(out, QByteArrayView(ascii, n));
}

void appendUtf8String(QByteArray& out, QByteArrayView utf8)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    qsizetype plain = 0; // start of the run of bytes that need no escape
    const auto flush = [&](qsizetype to) { out.append(utf8.data() + plain, to - plain); };
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue; // UTF-8 passes through, as JSON allows
        flush(i);
        plain = i + 1;
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
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    flush(utf8.size());
    out += '"';
}

void appendValue(QByteArray& out, const QVariant& v)
{
    if (!v.isValid() || v.typeId() == QMetaType::Nullptr) {
        out += "null";
        return;
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
        appendValue(out, it.value());
    }
    out += '}';
    return out;
}

} // namespace pd::json
