// The outbox's changed-fields JSON (json::compactObject): for every kind of value a synced
// column holds, the same text Qt's own JSON writer produces, so what a desk queued offline
// reads back and syncs exactly as typed — quotes, control characters, emoji and right-to-left
// names included.
#include "core/CompactJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pd;

class TestCompactJson : public QObject
{
    Q_OBJECT

    static QByteArray qtText(const QVariantMap& m)
    {
        return QJsonDocument(QJsonObject::fromVariantMap(m)).toJson(QJsonDocument::Compact);
    }

private slots:
    void sameTextAsQt_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::newRow("null (a column emptied)") << QVariant();
        QTest::newRow("null string (written as \"\" like Qt)") << QVariant(QMetaType::fromType<QString>());
        QTest::newRow("nullptr") << QVariant::fromValue(nullptr);
        QTest::newRow("empty string") << QVariant(QString());
        QTest::newRow("plain name") << QVariant(QStringLiteral("Ana García"));
        QTest::newRow("quotes and backslash") << QVariant(QStringLiteral("O'Brien \"Bob\" C:\\temp"));
        QTest::newRow("control characters") << QVariant(QStringLiteral("a\tb\nc\rd\be\ff\x01g\x1fh"));
        QTest::newRow("delete character") << QVariant(QStringLiteral("x\x7fy"));
        QTest::newRow("emoji and zwj") << QVariant(QStringLiteral("Zoë 🌈 👩\u200d👩\u200d👧"));
        QTest::newRow("right to left") << QVariant(QStringLiteral("محمد עברית"));
        QTest::newRow("slash and html") << QVariant(QStringLiteral("</script><b>&amp;"));
        QTest::newRow("format string") << QVariant(QStringLiteral("%s%n %1 {0}"));
        QTest::newRow("true") << QVariant(true);
        QTest::newRow("false") << QVariant(false);
        QTest::newRow("zero") << QVariant(0);
        QTest::newRow("int") << QVariant(15);
        QTest::newRow("negative") << QVariant(-42);
        QTest::newRow("long long") << QVariant(qlonglong(9007199254740991LL));
        QTest::newRow("beyond 2^53") << QVariant(qlonglong(9007199254740993LL));
        QTest::newRow("double") << QVariant(2.5);
        QTest::newRow("date") << QVariant(QDate(2010, 4, 1));
        QTest::newRow("escapes at both ends") << QVariant(QStringLiteral("\"middle\\"));
        QTest::newRow("only escapes") << QVariant(QStringLiteral("\n\n\""));
        QTest::newRow("long ascii text") << QVariant(QString(300, QLatin1Char('a')) + QStringLiteral("\"end"));
        QTest::newRow("long text, non-ascii at the end")
            << QVariant(QString(300, QLatin1Char('a')) + QStringLiteral("é"));
    }

    void sameTextAsQt()
    {
        QFETCH(QVariant, value);
        const QVariantMap m{{QStringLiteral("field"), value}};
        QCOMPARE(json::compactObject(m), qtText(m));
    }

    void manyFieldsInKeyOrderAndReadBack()
    {
        const QVariantMap m{{QStringLiteral("last_name"), QStringLiteral("Øster\"gaard")},
                            {QStringLiteral("client_number"), 1027},
                            {QStringLiteral("is_minor"), qlonglong(1)},
                            {QStringLiteral("primary_relation_id"), QVariant()},
                            {QStringLiteral("email"), QStringLiteral("a@example.com")}};
        const QByteArray text = json::compactObject(m);
        QCOMPARE(text, qtText(m));
        QJsonParseError error;
        const QJsonObject back = QJsonDocument::fromJson(text, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(back.value(QStringLiteral("last_name")).toString(), QStringLiteral("Øster\"gaard"));
        QCOMPARE(back.value(QStringLiteral("client_number")).toInt(), 1027);
        QVERIFY(back.value(QStringLiteral("primary_relation_id")).isNull());
    }

    void nonAsciiAndLongKeys()
    {
        const QVariantMap m{{QStringLiteral("año"), 1}, {QString(200, QLatin1Char('k')), QStringLiteral("v")}};
        QCOMPARE(json::compactObject(m), qtText(m));
    }

    void emptyMap() { QCOMPARE(json::compactObject({}), QByteArray("{}")); }
};

QTEST_GUILESS_MAIN(TestCompactJson)
#include "TestCompactJson.moc"
