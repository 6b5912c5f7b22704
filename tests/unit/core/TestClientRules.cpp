// C6 minor needs a guardian, C7 primary contact, C2/P1 portal invite needs an email,
// P1 defaults per relation type, names and notes.
#include "core/ClientRules.h"
#include "core/RelationTypes.h"
#include "core/Text.h"

#include <QTest>

using namespace pd;

namespace {
const QDate kToday(2026, 11, 22);

RelatedPerson person(RelationType type, const QString& first, const QString& email = {}, const QString& phone = {})
{
    RelatedPerson p;
    p.relation = defaultRelation(type);
    p.relation.meta.id = first.toLower();
    p.firstName = first;
    p.lastName = QStringLiteral("Pérez");
    p.email = email;
    p.phone = phone;
    return p;
}

Client minor()
{
    Client c;
    c.firstName = QStringLiteral("Lía");
    c.lastName = QStringLiteral("Pérez");
    c.isMinor = true;
    c.dateOfBirth = QDate(2016, 4, 4);
    return c;
}
} // namespace

class TestClientRules : public QObject
{
    Q_OBJECT
private slots:
    void relationTypeKeysRoundTripAndLabels()
    {
        for (RelationType t : allRelationTypes()) {
            QCOMPARE(relationTypeFromKey(relationTypeKey(t)), std::optional<RelationType>(t));
            QVERIFY(!relationTypeLabel(t).isEmpty());
        }
        QCOMPARE(relationTypeFromKey(QStringLiteral("uncle")), std::nullopt);
        QCOMPARE(allRelationTypes().size(), 8);
    }

    void portalInviteDefaults_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("invite");
        QTest::newRow("legal guardian") << int(RelationType::LegalGuardian) << true;
        QTest::newRow("responsible party") << int(RelationType::ResponsibleParty) << true;
        QTest::newRow("parent") << int(RelationType::Parent) << false;
        QTest::newRow("emergency contact") << int(RelationType::EmergencyContact) << false;
        QTest::newRow("caseworker") << int(RelationType::Caseworker) << false;
        QTest::newRow("other") << int(RelationType::Other) << false;
    }
    void portalInviteDefaults()
    {
        QFETCH(int, type);
        QFETCH(bool, invite);
        const Relation r = defaultRelation(static_cast<RelationType>(type));
        QCOMPARE(r.portalInvite, invite);
        QCOMPARE(r.permissions != PortalPermissions(), invite);
        if (static_cast<RelationType>(type) == RelationType::EmergencyContact)
            QCOMPARE(r.notifications, NotifyToggles()); // only called when something is wrong
    }

    void minorNeedsALegalGuardian()
    {
        const Client c = minor();
        const QList<RelatedPerson> onlyParent = {
            person(RelationType::Parent, QStringLiteral("Luis"), QStringLiteral("luis@example.com"))};
        Status s = rules::validateClient(c, onlyParent, kToday);
        QVERIFY(!s);
        QCOMPARE(s.error().field, QStringLiteral("isMinor"));
        QVERIFY(s.message().contains(QLatin1String("Legal Guardian")));

        QList<RelatedPerson> withGuardian = onlyParent;
        withGuardian << person(RelationType::LegalGuardian, QStringLiteral("Marta"),
                               QStringLiteral("marta@example.com"));
        QVERIFY(rules::validateClient(c, withGuardian, kToday));
    }

    void expiredGuardianDoesNotCount()
    {
        QList<RelatedPerson> people = {
            person(RelationType::LegalGuardian, QStringLiteral("Marta"), QStringLiteral("m@example.com"))};
        people[0].relation.validUntil = kToday.addDays(-1);
        QVERIFY(!rules::validateClient(minor(), people, kToday));
        people[0].relation.validUntil = kToday; // valid through the last day
        QVERIFY(rules::validateClient(minor(), people, kToday));
        people[0].relation.validFrom = kToday.addDays(1); // not yet valid
        QVERIFY(!rules::validateClient(minor(), people, kToday));
    }

    void clientWithoutEmailOrPhoneNeedsAContact()
    {
        Client c;
        c.firstName = QStringLiteral("Bo");
        Status s = rules::validateClient(c, {}, kToday);
        QVERIFY(!s);
        QVERIFY(s.message().contains(QLatin1String("primary contact")));
        // A contact nobody can reach does not count: messages would go nowhere.
        QVERIFY(!rules::validateClient(c, {person(RelationType::Parent, QStringLiteral("Ana"))}, kToday));
        QVERIFY(rules::validateClient(
            c, {person(RelationType::Parent, QStringLiteral("Ana"), {}, QStringLiteral("+12025550100"))}, kToday));
        c.mobilePhone = QStringLiteral("+12025550111");
        QVERIFY(rules::validateClient(c, {}, kToday));
    }

    void portalInviteNeedsAnEmail()
    {
        Client c;
        c.firstName = QStringLiteral("Bo");
        c.email = QStringLiteral("bo@example.com");
        RelatedPerson g =
            person(RelationType::LegalGuardian, QStringLiteral("Marta"), {}, QStringLiteral("+12025550100"));
        Status s = rules::validateClient(c, {g}, kToday);
        QVERIFY(!s);
        QVERIFY(s.message().contains(QStringLiteral("Marta Pérez is invited to the portal but has no email")));
        g.relation.portalInvite = false;
        QVERIFY(rules::validateClient(c, {g}, kToday));
    }

    void namesNotesAndDates_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<int>("noteLength");
        QTest::addColumn<int>("birthOffsetDays");
        QTest::addColumn<QString>("error"); // empty = valid
        QTest::newRow("ok") << QStringLiteral("Ana") << 0 << -4000 << QString();
        QTest::newRow("no name") << QString() << 0 << -4000 << QStringLiteral("name");
        QTest::newRow("note at the limit") << QStringLiteral("Ana") << rules::kMaxNoteLength << -4000 << QString();
        QTest::newRow("note over the limit")
            << QStringLiteral("Ana") << rules::kMaxNoteLength + 1 << -4000 << QStringLiteral("10000 characters");
        QTest::newRow("born tomorrow") << QStringLiteral("Ana") << 0 << 1 << QStringLiteral("future");
        QTest::newRow("rtl name") << QStringLiteral("محمد") << 0 << -4000 << QString();
        QTest::newRow("emoji name") << QStringLiteral("Zoë 🌈") << 0 << -4000 << QString();
        QTest::newRow("injection text is just a name")
            << QStringLiteral("Robert'); DROP TABLE clients;--") << 0 << -4000 << QString();
    }
    void namesNotesAndDates()
    {
        QFETCH(QString, first);
        QFETCH(int, noteLength);
        QFETCH(int, birthOffsetDays);
        QFETCH(QString, error);
        Client c;
        c.firstName = first;
        c.email = QStringLiteral("x@example.com");
        c.notes = QString(noteLength, QLatin1Char('n'));
        c.dateOfBirth = kToday.addDays(birthOffsetDays);
        const Status s = rules::validateClient(c, {}, kToday);
        QCOMPARE(s.ok(), error.isEmpty());
        if (!error.isEmpty())
            QVERIFY2(s.message().contains(error), qPrintable(s.message()));
    }

    void textIsStoredNfcAndVerbatim_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("stored");
        QTest::newRow("combining acute") << QStringLiteral("Jose\u0301") << QStringLiteral("José");
        QTest::newRow("spaces folded") << QStringLiteral("  Ana   María ") << QStringLiteral("Ana María");
        QTest::newRow("format string kept") << QStringLiteral("%s%n%x") << QStringLiteral("%s%n%x");
        QTest::newRow("sql kept") << QStringLiteral("O'Brien\"; --") << QStringLiteral("O'Brien\"; --");
        QTest::newRow("arabic kept") << QStringLiteral("محمد") << QStringLiteral("محمد");
    }
    void textIsStoredNfcAndVerbatim()
    {
        QFETCH(QString, typed);
        QFETCH(QString, stored);
        QCOMPARE(text::clean(typed), stored);
        QCOMPARE(text::searchKey(typed), text::searchKey(stored));
    }

    void clientTextIsCleanedForStorage_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("stored");
        QTest::newRow("combining marks composed")
            << QStringLiteral(" Lı\u0301a  Pe\u0301rez ") << QStringLiteral("Lı\u0301a Pérez");
        QTest::newRow("decomposed e acute") << QStringLiteral("Rene\u0301e") << QStringLiteral("Renée");
        QTest::newRow("hebrew") << QStringLiteral(" דוד  כהן") << QStringLiteral("דוד כהן");
        QTest::newRow("arabic") << QStringLiteral("محمد   عبد الله ") << QStringLiteral("محمد عبد الله");
        QTest::newRow("emoji") << QStringLiteral("Zoë 🌈") << QStringLiteral("Zoë 🌈");
        QTest::newRow("format string verbatim") << QStringLiteral("%1 %s %n") << QStringLiteral("%1 %s %n");
        QTest::newRow("sql verbatim") << QStringLiteral("Robert'); DROP TABLE clients;--")
                                      << QStringLiteral("Robert'); DROP TABLE clients;--");
    }
    void clientTextIsCleanedForStorage()
    {
        QFETCH(QString, typed);
        QFETCH(QString, stored);
        Client c;
        c.firstName = typed;
        c.lastName = typed;
        c.confidentialReason = typed;
        const Client out = rules::withCleanText(c);
        QCOMPARE(out.firstName, stored);
        QCOMPARE(out.lastName, stored);
        QCOMPARE(out.confidentialReason, stored);

        RelatedPerson p;
        p.firstName = typed;
        p.relation.relationshipText = typed;
        const RelatedPerson cleaned = rules::withCleanText(p);
        QCOMPARE(cleaned.firstName, stored);
        QCOMPARE(cleaned.relation.relationshipText, stored);
    }

    void notesKeepTheirLineBreaks()
    {
        Client c;
        c.notes = QStringLiteral("  First line\n\n  Jose\u0301 called; 'DROP TABLE' %s  \n");
        QCOMPARE(rules::withCleanText(c).notes, QStringLiteral("First line\n\n  José called; 'DROP TABLE' %s"));
    }

    void aNameOfOnlySpacesIsNoName()
    {
        Client c;
        c.firstName = QStringLiteral(" \t ");
        c.email = QStringLiteral("x@example.com");
        const Status s = rules::validateClient(c, {}, kToday);
        QVERIFY(!s);
        QCOMPARE(s.error().field, QStringLiteral("firstName"));
    }

    void noteLimitCountsCharactersNotCodeUnits_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("ok");
        QTest::newRow("latin at limit") << QStringLiteral("a") << rules::kMaxNoteLength << true;
        QTest::newRow("emoji at limit") << QStringLiteral("🌈") << rules::kMaxNoteLength << true;
        QTest::newRow("emoji over limit") << QStringLiteral("🌈") << rules::kMaxNoteLength + 1 << false;
        QTest::newRow("hebrew over limit") << QStringLiteral("ש") << rules::kMaxNoteLength + 5 << false;
    }
    void noteLimitCountsCharactersNotCodeUnits()
    {
        QFETCH(QString, unit);
        QFETCH(int, count);
        QFETCH(bool, ok);
        Client c;
        c.firstName = QStringLiteral("Ana");
        c.email = QStringLiteral("ana@example.com");
        c.notes = unit.repeated(count);
        QCOMPARE(rules::characterCount(c.notes), qsizetype(count));
        const Status s = rules::validateClient(c, {}, kToday);
        QCOMPARE(s.ok(), ok);
        if (!ok) {
            QCOMPARE(s.error().field, QStringLiteral("notes"));
            // The message states the limit and how many characters there are, as a person counts them.
            QVERIFY2(s.message().contains(QString::number(rules::kMaxNoteLength)), qPrintable(s.message()));
            QVERIFY2(s.message().contains(QString::number(count)), qPrintable(s.message()));
        }
    }

    void primaryContactChoice()
    {
        Client c;
        c.firstName = QStringLiteral("Bo");
        QList<RelatedPerson> people = {
            person(RelationType::EmergencyContact, QStringLiteral("Eve"), QStringLiteral("eve@example.com")),
            person(RelationType::Parent, QStringLiteral("Luis"), QStringLiteral("luis@example.com")),
            person(RelationType::LegalGuardian, QStringLiteral("Unreachable")), // no email or phone
            person(RelationType::LegalGuardian, QStringLiteral("Marta"), QStringLiteral("marta@example.com")),
        };
        QCOMPARE(rules::primaryContactIndex(c, people, kToday), 3); // guardian preferred, if reachable
        c.primaryContactRelationId = QStringLiteral("luis");        // staff chose Luis
        QCOMPARE(rules::primaryContactIndex(c, people, kToday), 1);
        people[1].relation.validUntil = kToday.addDays(-3); // Luis's relation expired
        QCOMPARE(rules::primaryContactIndex(c, people, kToday), 3);
        QCOMPARE(rules::primaryContactIndex(c, {}, kToday), -1);
    }

    void whyAToggleCannotTakeEffect()
    {
        const RelatedPerson noEmail =
            person(RelationType::Parent, QStringLiteral("Luis"), {}, QStringLiteral("+12025550100"));
        QVERIFY(
            rules::notificationBlockReason(noEmail, ContactMethod::Email, kToday).contains(QLatin1String("No email")));
        QVERIFY(rules::notificationBlockReason(noEmail, ContactMethod::Sms, kToday).isEmpty());
        QVERIFY(rules::notificationBlockReason(noEmail, ContactMethod::Both, kToday).isEmpty());
        const RelatedPerson nothing = person(RelationType::Parent, QStringLiteral("Luis"));
        QVERIFY(!rules::notificationBlockReason(nothing, ContactMethod::Both, kToday).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestClientRules)
#include "TestClientRules.moc"
