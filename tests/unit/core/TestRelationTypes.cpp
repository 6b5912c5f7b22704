// C2 relation types: stable storage keys, labels staff see, and P1 defaults per type.
#include "core/RelationTypes.h"

#include <QTest>

using namespace pd;

Q_DECLARE_METATYPE(pd::RelationType)

class TestRelationTypes : public QObject
{
    Q_OBJECT
private slots:
    void keysAndLabels_data()
    {
        QTest::addColumn<RelationType>("type");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("label");
        QTest::newRow("parent") << RelationType::Parent << QStringLiteral("parent") << QStringLiteral("Parent");
        QTest::newRow("legal guardian") << RelationType::LegalGuardian << QStringLiteral("legal_guardian")
                                        << QStringLiteral("Legal Guardian");
        QTest::newRow("responsible party") << RelationType::ResponsibleParty << QStringLiteral("responsible_party")
                                           << QStringLiteral("Responsible Party");
        QTest::newRow("emergency contact") << RelationType::EmergencyContact << QStringLiteral("emergency_contact")
                                           << QStringLiteral("Emergency Contact");
        QTest::newRow("spouse/partner") << RelationType::SpousePartner << QStringLiteral("spouse_partner")
                                        << QStringLiteral("Spouse/Partner");
        QTest::newRow("sibling") << RelationType::Sibling << QStringLiteral("sibling") << QStringLiteral("Sibling");
        QTest::newRow("caseworker") << RelationType::Caseworker << QStringLiteral("caseworker")
                                    << QStringLiteral("Caseworker");
        QTest::newRow("other") << RelationType::Other << QStringLiteral("other") << QStringLiteral("Other");
    }
    void keysAndLabels()
    {
        QFETCH(RelationType, type);
        QFETCH(QString, key);
        QFETCH(QString, label);
        QCOMPARE(relationTypeKey(type), key);
        QCOMPARE(relationTypeFromKey(key), std::optional<RelationType>(type));
        const auto parsed = parseRelationTypeKey(key);
        QVERIFY2(parsed, qPrintable(parsed.message()));
        QCOMPARE(*parsed, type);
        QCOMPARE(relationTypeLabel(type), label);
    }

    void everyTypeIsListedOnceWithADistinctKey()
    {
        const QList<RelationType> all = allRelationTypes();
        QCOMPARE(all.size(), 8);
        QStringList keys;
        for (RelationType t : all)
            keys << relationTypeKey(t);
        keys.removeDuplicates();
        QCOMPARE(keys.size(), all.size());
    }

    void unknownKeysAreErrors_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("empty") << QString();
        QTest::newRow("label instead of key") << QStringLiteral("Legal Guardian");
        QTest::newRow("wrong case") << QStringLiteral("Parent");
        QTest::newRow("padded") << QStringLiteral(" parent");
        QTest::newRow("not a type") << QStringLiteral("uncle");
        QTest::newRow("injection") << QStringLiteral("parent'; DROP TABLE relations;--");
        QTest::newRow("format string") << QStringLiteral("%s%n");
    }
    void unknownKeysAreErrors()
    {
        QFETCH(QString, key);
        QCOMPARE(relationTypeFromKey(key), std::nullopt);
        const auto r = parseRelationTypeKey(key);
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QCOMPARE(r.error().field, QStringLiteral("relationType"));
        QVERIFY2(r.message().contains(QLatin1Char('"') + key + QLatin1Char('"')), qPrintable(r.message()));
        QVERIFY2(r.message().contains(QLatin1String("legal_guardian")), qPrintable(r.message())); // says what is valid
    }

    void defaults_data()
    {
        QTest::addColumn<RelationType>("type");
        QTest::addColumn<bool>("invite");
        QTest::addColumn<bool>("reminders");
        QTest::addColumn<bool>("confirmations");
        QTest::addColumn<bool>("anyPermission");
        // P1: the invite is on by default for Legal Guardian and Responsible Party only.
        QTest::newRow("legal guardian") << RelationType::LegalGuardian << true << true << true << true;
        QTest::newRow("responsible party") << RelationType::ResponsibleParty << true << true << true << true;
        QTest::newRow("parent") << RelationType::Parent << false << true << true << false;
        QTest::newRow("emergency contact") << RelationType::EmergencyContact << false << false << false << false;
        QTest::newRow("spouse/partner") << RelationType::SpousePartner << false << true << false << false;
        QTest::newRow("sibling") << RelationType::Sibling << false << false << false << false;
        QTest::newRow("caseworker") << RelationType::Caseworker << false << true << false << false;
        QTest::newRow("other") << RelationType::Other << false << false << false << false;
    }
    void defaults()
    {
        QFETCH(RelationType, type);
        QFETCH(bool, invite);
        QFETCH(bool, reminders);
        QFETCH(bool, confirmations);
        QFETCH(bool, anyPermission);
        const Relation r = defaultRelation(type);
        QCOMPARE(r.type, type);
        QCOMPARE(r.portalInvite, invite);
        QCOMPARE(r.notifications.testFlag(NotifyToggle::Reminders), reminders);
        QCOMPARE(r.notifications.testFlag(NotifyToggle::Confirmations), confirmations);
        QCOMPARE(r.permissions != PortalPermissions(), anyPermission);
        // "Can manage appointments" (C5) and the portal permission (P2) never disagree.
        QCOMPARE(r.canManageAppointments, r.permissions.testFlag(PortalPermission::ManageAppointments));
        // A new relation is a blank link: no person, no expiry, not deleted.
        QVERIFY(r.contactId.isEmpty() && r.relatedClientId.isEmpty());
        QVERIFY(!r.validUntil.isValid());
        QVERIFY(!r.meta.deleted);
    }

    void guardianGetsTheUsualPortalPermissions()
    {
        const Relation g = defaultRelation(RelationType::LegalGuardian);
        for (PortalPermission p : {PortalPermission::ViewForms, PortalPermission::CompleteForms,
                                   PortalPermission::ManageAppointments, PortalPermission::SecureMessaging})
            QVERIFY(g.permissions.testFlag(p));
    }
};

QTEST_GUILESS_MAIN(TestRelationTypes)
#include "TestRelationTypes.moc"
