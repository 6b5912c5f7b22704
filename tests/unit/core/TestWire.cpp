// The sync wire format (docs/protocol.md): what one side encodes the other decodes, and
// anything malformed is refused with a reason instead of being half-read.
#include "core/Ids.h"
#include "core/sync/Wire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace pd;
using namespace pd::wire;

class TestWire : public QObject
{
    Q_OBJECT

    static Op op(OpKind kind = OpKind::Upsert)
    {
        Op o;
        o.opId = newId();
        o.entity = QStringLiteral("client");
        o.entityId = newId();
        o.kind = kind;
        o.fields = {{QStringLiteral("first_name"), QStringLiteral("Zoë")}, {QStringLiteral("is_minor"), true}};
        o.baseVersion = 17;
        o.hlc = QStringLiteral("0000000001-0000-desk");
        return o;
    }

private slots:
    // What a field name and a record id may be: anything else in a push or a page is refused.
    void fieldNamesAndIds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("fieldName");
        QTest::addColumn<bool>("id");
        QTest::newRow("column name") << QStringLiteral("first_name") << true << false;
        QTest::newRow("one letter") << QStringLiteral("a") << true << false;
        QTest::newRow("digits after the first") << QStringLiteral("a1_2") << true << false;
        QTest::newRow("64 characters") << QStringLiteral("a").repeated(64) << true << false;
        QTest::newRow("65 characters") << QStringLiteral("a").repeated(65) << false << false;
        QTest::newRow("empty") << QString() << false << false;
        QTest::newRow("starts with a digit") << QStringLiteral("1a") << false << false;
        QTest::newRow("starts with underscore") << QStringLiteral("_a") << false << false;
        QTest::newRow("upper case") << QStringLiteral("First_name") << false << false;
        QTest::newRow("dash") << QStringLiteral("first-name") << false << false;
        QTest::newRow("sql") << QStringLiteral("a; DROP TABLE x") << false << false;
        QTest::newRow("accented") << QStringLiteral("caf\u00e9") << false << false;
        QTest::newRow("uuid") << QStringLiteral("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b") << false << true;
        QTest::newRow("uuid upper case") << QStringLiteral("0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B") << false << false;
        QTest::newRow("uuid dash moved") << QStringLiteral("0190a1b2c-3d4-7e5f-8a9b-0c1d2e3f4a5b") << false << false;
        QTest::newRow("uuid one short") << QStringLiteral("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5") << false << false;
        QTest::newRow("uuid one long") << QStringLiteral("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5bb") << false << false;
        QTest::newRow("uuid with g") << QStringLiteral("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5g") << false << false;
        QTest::newRow("uuid in braces") << QStringLiteral("{0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a}") << false << false;
    }

    void fieldNamesAndIds()
    {
        QFETCH(QString, text);
        QFETCH(bool, fieldName);
        QFETCH(bool, id);
        QCOMPARE(isFieldName(text), fieldName);
        QCOMPARE(isId(text), id);
        QCOMPARE(isId(newId()), true);
    }

    void pushRequestRoundTrips()
    {
        PushRequest r;
        r.nodeId = QStringLiteral("desk-1");
        r.ops << op() << op(OpKind::Delete);
        r.ops[1].fields = {};
        r.ops[0].resolves = newId();
        auto back = decodePushRequest(encode(r));
        QVERIFY2(back.ok(), qPrintable(back.message()));
        QCOMPARE(back->nodeId, r.nodeId);
        QCOMPARE(back->ops.size(), 2);
        QCOMPARE(back->ops[0].fields, r.ops[0].fields);
        QCOMPARE(back->ops[0].resolves, r.ops[0].resolves);
        QCOMPARE(back->ops[1].kind, OpKind::Delete);
        QCOMPARE(back->ops[0].baseVersion, 17);
    }

    void pushResponseRoundTripsWithConflicts()
    {
        PushResponse r;
        OpResult applied{newId(), OpStatus::Applied, 5, std::nullopt, {}};
        Conflict c{newId(),
                   QStringLiteral("client"),
                   newId(),
                   {FieldConflict{QStringLiteral("email"), QStringLiteral("a@x.org"), QStringLiteral("b@x.org")}},
                   false,
                   false,
                   QStringLiteral("2026-11-23T00:00:00Z")};
        OpResult conflict{newId(), OpStatus::Conflict, 6, c, {}};
        OpResult rejected{newId(), OpStatus::Rejected, 0, std::nullopt, QStringLiteral("Only administrators…")};
        r.results << applied << conflict << rejected;
        auto back = decodePushResponse(encode(r));
        QVERIFY2(back.ok(), qPrintable(back.message()));
        QCOMPARE(back->results.size(), 3);
        QCOMPARE(back->results[1].conflict->fields[0].server.toString(), QStringLiteral("a@x.org"));
        QCOMPARE(back->results[1].conflict->fields[0].desk.toString(), QStringLiteral("b@x.org"));
        QCOMPARE(back->results[2].reason, QStringLiteral("Only administrators…"));
    }

    void pullPageRoundTrips()
    {
        PullPage p;
        p.changes << Change{3,        QStringLiteral("relation"),
                            newId(),  3,
                            false,    {{QStringLiteral("custody"), QStringLiteral("joint")}},
                            QString()}
                  << Change{9, QStringLiteral("client"), newId(), 9, true, {}, QString()};
        p.cursor = 9;
        p.more = true;
        auto back = decodePullPage(encode(p));
        QVERIFY2(back.ok(), qPrintable(back.message()));
        QCOMPARE(back->changes.size(), 2);
        QVERIFY(back->changes[1].deleted);
        QVERIFY(back->more);
        QCOMPARE(back->cursor, 9);
    }

    // The server writes pages around the fields' JSON text as PostgreSQL gives it (jsonb:
    // spaces after ':' and ','); the desk reads the same page as from the generic encoder.
    void rawPullPageReadsLikeTheGenericOne()
    {
        const QString id = newId();
        const QString hlc = QStringLiteral("0000018f3c2a1b00-0001-desk \"a\"\\b"); // escaped on the way out
        RawPullPage raw;
        raw.changes << RawChange{41,
                                 QStringLiteral("client"),
                                 id,
                                 7,
                                 false,
                                 QByteArray(
                                     "{\"email\": \"zo\u00eb@example.com\", \"first_name\": \"Zo\u00eb \\\"Z\\\"\", "
                                     "\"is_minor\": 0, \"notes\": null}"),
                                 hlc}
                    << RawChange{42, QStringLiteral("relation"), newId(), 2, true, QByteArray(), QString()};
        raw.cursor = 42;
        raw.more = true;
        auto back = decodePullPage(encode(raw));
        QVERIFY2(back.ok(), qPrintable(back.message()));
        QCOMPARE(back->changes.size(), 2);
        const Change& c = back->changes.first();
        QCOMPARE(c.seq, 41);
        QCOMPARE(c.entityId, id);
        QCOMPARE(c.version, 7);
        QCOMPARE(c.hlc, hlc);
        QCOMPARE(c.fields.value(QStringLiteral("first_name")).toString(), QStringLiteral("Zoë \"Z\""));
        QCOMPARE(c.fields.value(QStringLiteral("email")).toString(), QStringLiteral("zoë@example.com"));
        QVERIFY(c.fields.value(QStringLiteral("notes")).isNull());
        QVERIFY(back->changes.at(1).deleted);
        QVERIFY(back->changes.at(1).fields.isEmpty());
        QVERIFY(back->more);
        QCOMPARE(back->cursor, 42);

        // And the generic encoder writes exactly what Qt's JSON writer would.
        PullPage page;
        page.changes << c;
        page.cursor = 41;
        const QJsonObject change{{QStringLiteral("seq"), c.seq},
                                 {QStringLiteral("entity"), c.entity},
                                 {QStringLiteral("entity_id"), c.entityId},
                                 {QStringLiteral("version"), c.version},
                                 {QStringLiteral("deleted"), c.deleted},
                                 {QStringLiteral("fields"), c.fields},
                                 {QStringLiteral("hlc"), c.hlc}};
        const QJsonObject expected{{QStringLiteral("changes"), QJsonArray{change}},
                                   {QStringLiteral("cursor"), 41},
                                   {QStringLiteral("more"), false}};
        QCOMPARE(encode(page), QJsonDocument(expected).toJson(QJsonDocument::Compact));
    }

    void malformedInputIsRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("kind"); // which decoder
        QTest::newRow("empty") << QByteArray() << "push";
        QTest::newRow("truncated") << QByteArray("{\"protocol\":1,\"schema\":1,\"node_id\":\"d\",\"ops\":[{\"op_")
                                   << "push";
        QTest::newRow("garbage") << QByteArray("\x00\xff<html>502 Bad Gateway</html>", 30) << "push";
        QTest::newRow("array") << QByteArray("[]") << "push";
        QTest::newRow("ops not list") << QByteArray("{\"protocol\":1,\"schema\":1,\"node_id\":\"d\",\"ops\":{}}")
                                      << "push";
        QTest::newRow("bad op id")
            << QByteArray(
                   "{\"protocol\":1,\"schema\":1,\"node_id\":\"d\",\"ops\":[{\"op_id\":\"x\",\"entity\":\"client\","
                   "\"entity_id\":\"x\",\"kind\":\"upsert\",\"fields\":{},\"base_version\":0}]}")
            << "push";
        QTest::newRow("fractional version") << QByteArray("{\"protocol\":1,\"schema\":1,\"node_id\":\"d\",\"ops\":[{"
                                                          "\"op_id\":\"01234567-89ab-cdef-0123-456789abcdef\","
                                                          "\"entity\":\"client\",\"entity_id\":\"x\",\"kind\":"
                                                          "\"upsert\",\"fields\":{},\"base_version\":1.5}]}")
                                            << "push";
        QTest::newRow("nested field") << QByteArray("{\"protocol\":1,\"schema\":1,\"node_id\":\"d\",\"ops\":[{\"op_"
                                                    "id\":\"01234567-89ab-cdef-0123-456789abcdef\","
                                                    "\"entity\":\"client\",\"entity_id\":\"x\",\"kind\":\"upsert\","
                                                    "\"fields\":{\"a\":{\"b\":1}},\"base_version\":1}]}")
                                      << "push";
        QTest::newRow("bad field name") << QByteArray("{\"protocol\":1,\"schema\":1,\"node_id\":\"d\",\"ops\":[{\"op_"
                                                      "id\":\"01234567-89ab-cdef-0123-456789abcdef\","
                                                      "\"entity\":\"client\",\"entity_id\":\"x\",\"kind\":\"upsert\","
                                                      "\"fields\":{\"Robert'); DROP\":1},\"base_version\":1}]}")
                                        << "push";
        QTest::newRow("unknown status") << QByteArray(
                                               "{\"results\":[{\"op_id\":\"a\",\"status\":\"won\",\"version\":1}]}")
                                        << "response";
        QTest::newRow("conflict without body")
            << QByteArray("{\"results\":[{\"op_id\":\"a\",\"status\":\"conflict\",\"version\":1}]}") << "response";
        QTest::newRow("changes out of order")
            << QByteArray("{\"cursor\":5,\"more\":false,\"changes\":["
                          "{\"seq\":4,\"entity\":\"client\",\"entity_id\":\"01234567-89ab-cdef-0123-456789abcdef\","
                          "\"version\":4,\"deleted\":false,\"fields\":{}},"
                          "{\"seq\":3,\"entity\":\"client\",\"entity_id\":\"01234567-89ab-cdef-0123-456789abcdef\","
                          "\"version\":3,\"deleted\":false,\"fields\":{}}]}")
            << "pull";
        QTest::newRow("change beyond cursor")
            << QByteArray("{\"cursor\":2,\"more\":false,\"changes\":["
                          "{\"seq\":4,\"entity\":\"client\",\"entity_id\":\"01234567-89ab-cdef-0123-456789abcdef\","
                          "\"version\":4,\"deleted\":false,\"fields\":{}}]}")
            << "pull";
        QTest::newRow("unknown entity") << QByteArray(
                                               "{\"cursor\":4,\"more\":false,\"changes\":["
                                               "{\"seq\":4,\"entity\":\"invoice\",\"entity_id\":\"01234567-89ab-cdef-"
                                               "0123-456789abcdef\",\"version\":4,\"deleted\":false,\"fields\":{}}]}")
                                        << "pull";
        QTest::newRow("huge cursor") << QByteArray("{\"cursor\":1e300,\"more\":false,\"changes\":[]}") << "pull";
        QTest::newRow("negative cursor") << QByteArray("{\"cursor\":-1,\"more\":false,\"changes\":[]}") << "pull";
    }

    void malformedInputIsRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, kind);
        QString message;
        if (kind == QLatin1String("push"))
            message = decodePushRequest(body).message();
        else if (kind == QLatin1String("response"))
            message = decodePushResponse(body).message();
        else
            message = decodePullPage(body).message();
        QVERIFY2(message.startsWith(QLatin1String("The sync message is not valid")), qPrintable(message));
    }

    void tooManyOpsIsPayloadTooLarge()
    {
        PushRequest r;
        r.nodeId = QStringLiteral("d");
        for (int i = 0; i < 11; ++i)
            r.ops << op();
        Limits limits;
        limits.maxOps = 10;
        auto back = decodePushRequest(encode(r), limits);
        QVERIFY(!back);
        QCOMPARE(back.error().field, QStringLiteral("payload_too_large"));
    }

    void errorBodies()
    {
        auto e = decodeError(encode(ErrorBody{QStringLiteral("resync_required"), QStringLiteral("Start again")}));
        QVERIFY(e);
        QCOMPARE(e->error, QStringLiteral("resync_required"));
        QVERIFY(!decodeError("<html>503</html>"));
        QVERIFY(!decodeError("{\"message\":\"no code\"}"));
    }
};

QTEST_GUILESS_MAIN(TestWire)
#include "TestWire.moc"
