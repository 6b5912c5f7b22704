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

// Variations on a person, for the tables' rows.
RelatedPerson validUntil(RelatedPerson p, int daysFromToday)
{
    p.relation.validUntil = kToday.addDays(daysFromToday);
    return p;
}

RelatedPerson validFrom(RelatedPerson p, int daysFromToday)
{
    p.relation.validFrom = kToday.addDays(daysFromToday);
    return p;
}

RelatedPerson deleted(RelatedPerson p)
{
    p.relation.meta.deleted = true;
    return p;
}

RelatedPerson notInvited(RelatedPerson p) // keeps C2/P1 (an invitee needs an email) out of the way
{
    p.relation.portalInvite = false;
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

    // C6: a minor cannot be saved without a Legal Guardian relation that is valid today; an
    // adult needs none. The client has an email of its own, so C7 never decides these rows.
    void minorNeedsALegalGuardian_data()
    {
        QTest::addColumn<bool>("isMinor");
        QTest::addColumn<QList<RelatedPerson>>("people");
        QTest::addColumn<bool>("saved");
        const RelatedPerson marta =
            person(RelationType::LegalGuardian, QStringLiteral("Marta"), QStringLiteral("marta@example.com"));
        const RelatedPerson rosa =
            person(RelationType::LegalGuardian, QStringLiteral("Rosa"), QStringLiteral("rosa@example.com"));
        const RelatedPerson luis =
            person(RelationType::Parent, QStringLiteral("Luis"), QStringLiteral("luis@example.com"));
        const RelatedPerson paula =
            person(RelationType::ResponsibleParty, QStringLiteral("Paula"), QStringLiteral("paula@example.com"));
        RelatedPerson martaIsAClient = marta;
        martaIsAClient.isClient = true;

        QTest::newRow("minor with nobody related is refused") << true << QList<RelatedPerson>{} << false;
        QTest::newRow("minor with a parent but no legal guardian is refused")
            << true << QList<RelatedPerson>{luis} << false;
        QTest::newRow("minor with a parent and a responsible party but no legal guardian is refused")
            << true << QList<RelatedPerson>{luis, paula} << false;
        QTest::newRow("minor with a legal guardian is saved") << true << QList<RelatedPerson>{marta} << true;
        QTest::newRow("minor with a parent and a legal guardian is saved")
            << true << QList<RelatedPerson>{luis, marta} << true;
        QTest::newRow("minor whose legal guardian is a client of the practice is saved")
            << true << QList<RelatedPerson>{martaIsAClient} << true;
        QTest::newRow("minor whose guardian has a phone but no email (not invited) is saved")
            << true
            << QList<RelatedPerson>{notInvited(
                   person(RelationType::LegalGuardian, QStringLiteral("Marta"), {}, QStringLiteral("+12025550100")))}
            << true;
        QTest::newRow("minor whose guardian's relation expired yesterday is refused")
            << true << QList<RelatedPerson>{validUntil(marta, -1)} << false;
        QTest::newRow("minor whose guardian's relation ends today is saved (valid through its last day)")
            << true << QList<RelatedPerson>{validUntil(marta, 0)} << true;
        QTest::newRow("minor whose guardian's relation starts tomorrow is refused")
            << true << QList<RelatedPerson>{validFrom(marta, 1)} << false;
        QTest::newRow("minor whose guardian's relation starts today is saved")
            << true << QList<RelatedPerson>{validFrom(marta, 0)} << true;
        QTest::newRow("minor whose only guardian relation was deleted is refused")
            << true << QList<RelatedPerson>{luis, deleted(marta)} << false;
        QTest::newRow("minor with an expired guardian and a current one is saved")
            << true << QList<RelatedPerson>{validUntil(marta, -30), rosa} << true;
        QTest::newRow("adult with nobody related needs no guardian") << false << QList<RelatedPerson>{} << true;
        QTest::newRow("adult with only a parent needs no guardian") << false << QList<RelatedPerson>{luis} << true;
        QTest::newRow("adult whose guardian's relation expired needs no guardian")
            << false << QList<RelatedPerson>{validUntil(marta, -1)} << true;
    }
    void minorNeedsALegalGuardian()
    {
        QFETCH(bool, isMinor);
        QFETCH(QList<RelatedPerson>, people);
        QFETCH(bool, saved);
        Client c = minor();
        c.isMinor = isMinor;
        c.email = QStringLiteral("lia@example.com");
        const Status s = rules::validateClient(c, people, kToday);
        QVERIFY2(s.ok() == saved, qPrintable(s.message()));
        if (!saved) {
            QCOMPARE(s.error().field, QStringLiteral("isMinor"));
            // The editor says why: the minor needs a Legal Guardian.
            QVERIFY2(s.message().contains(QLatin1String("Legal Guardian")), qPrintable(s.message()));
        }
    }

    // C7: a client with neither email nor mobile phone is saved only when a contact whose
    // relation is valid today has an email or a mobile phone.
    void clientWithoutEmailOrPhoneNeedsAReachableContact_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QList<RelatedPerson>>("people");
        QTest::addColumn<bool>("saved");
        const RelatedPerson anaPhone =
            person(RelationType::Parent, QStringLiteral("Ana"), {}, QStringLiteral("+12025550100"));
        const RelatedPerson anaEmail = person(RelationType::Parent, QStringLiteral("Ana"), QStringLiteral("ana@x.org"));
        const RelatedPerson unreachable = person(RelationType::Parent, QStringLiteral("Luis"));
        const QString email = QStringLiteral("bo@example.com");
        const QString phone = QStringLiteral("+12025550111");

        QTest::newRow("no email, no phone, no contacts: refused")
            << QString() << QString() << QList<RelatedPerson>{} << false;
        QTest::newRow("no email, no phone, only a contact without email or phone: refused")
            << QString() << QString() << QList<RelatedPerson>{unreachable} << false;
        QTest::newRow("no email, no phone, a contact with only a phone: saved")
            << QString() << QString() << QList<RelatedPerson>{anaPhone} << true;
        QTest::newRow("no email, no phone, a contact with only an email: saved")
            << QString() << QString() << QList<RelatedPerson>{anaEmail} << true;
        QTest::newRow("no email, no phone, an unreachable contact and a reachable one: saved")
            << QString() << QString() << QList<RelatedPerson>{unreachable, anaPhone} << true;
        QTest::newRow("no email, no phone, an emergency contact with a phone counts: saved")
            << QString() << QString()
            << QList<RelatedPerson>{person(RelationType::EmergencyContact, QStringLiteral("Eve"), {},
                                           QStringLiteral("+12025550102"))}
            << true;
        QTest::newRow("no email, no phone, the only reachable contact's relation expired yesterday: refused")
            << QString() << QString() << QList<RelatedPerson>{validUntil(anaPhone, -1)} << false;
        QTest::newRow("no email, no phone, the only reachable contact's relation starts next week: refused")
            << QString() << QString() << QList<RelatedPerson>{validFrom(anaPhone, 7)} << false;
        QTest::newRow("no email, no phone, the only reachable contact was deleted: refused")
            << QString() << QString() << QList<RelatedPerson>{deleted(anaPhone)} << false;
        QTest::newRow("a mobile phone and no contacts: saved") << QString() << phone << QList<RelatedPerson>{} << true;
        QTest::newRow("an email and no contacts: saved") << email << QString() << QList<RelatedPerson>{} << true;
    }
    void clientWithoutEmailOrPhoneNeedsAReachableContact()
    {
        QFETCH(QString, email);
        QFETCH(QString, phone);
        QFETCH(QList<RelatedPerson>, people);
        QFETCH(bool, saved);
        Client c;
        c.firstName = QStringLiteral("Bo");
        c.email = email;
        c.mobilePhone = phone;
        const Status s = rules::validateClient(c, people, kToday);
        QVERIFY2(s.ok() == saved, qPrintable(s.message()));
        if (!saved) {
            QCOMPARE(s.error().field, QStringLiteral("email"));
            QVERIFY2(s.message().contains(QLatin1String("primary contact")), qPrintable(s.message()));
        }
    }

    // N1/C5: a client whose own details do not fit its preferred method receives nothing
    // itself; the editor warns (and still saves).
    void preferredMethodGap_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("warning"); // a part of it, or empty: no warning
        const QString email = QStringLiteral("bo@example.com");
        const QString phone = QStringLiteral("+12025550111");
        const int byEmail = static_cast<int>(ContactMethod::Email);
        const int bySms = static_cast<int>(ContactMethod::Sms);
        const int both = static_cast<int>(ContactMethod::Both);
        QTest::newRow("email, only a phone: warned")
            << byEmail << QString() << phone << QStringLiteral("there is no email address");
        QTest::newRow("email, an email") << byEmail << email << QString() << QString();
        QTest::newRow("email, both") << byEmail << email << phone << QString();
        QTest::newRow("SMS, only an email: warned")
            << bySms << email << QString() << QStringLiteral("there is no mobile phone");
        QTest::newRow("SMS, a phone") << bySms << QString() << phone << QString();
        QTest::newRow("both methods, only an email") << both << email << QString() << QString();
        QTest::newRow("both methods, only a phone") << both << QString() << phone << QString();
        // Neither: the primary contact receives everything (C7), nothing to warn about here.
        QTest::newRow("email, neither (a primary contact stands in)") << byEmail << QString() << QString() << QString();
        QTest::newRow("SMS, neither (a primary contact stands in)") << bySms << QString() << QString() << QString();
    }
    void preferredMethodGap()
    {
        QFETCH(int, method);
        QFETCH(QString, email);
        QFETCH(QString, phone);
        QFETCH(QString, warning);
        Client c;
        c.firstName = QStringLiteral("Bo");
        c.preferredMethod = static_cast<ContactMethod>(method);
        c.email = email;
        c.mobilePhone = phone;
        const QString gap = rules::preferredMethodGap(c);
        if (warning.isEmpty()) {
            QVERIFY2(gap.isEmpty(), qPrintable(gap));
        } else {
            QVERIFY2(gap.contains(warning) && gap.contains(QLatin1String("receives no messages")), qPrintable(gap));
        }
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

    // C7: who receives everything for a client without email or phone: the relation staff chose
    // while it is valid and reachable, else the first reachable one by Legal Guardian, Responsible
    // Party, Parent, anyone else.
    void primaryContactChoice_data()
    {
        QTest::addColumn<QList<RelatedPerson>>("people");
        QTest::addColumn<QString>("chosen");  // relation id staff chose; empty: none
        QTest::addColumn<QString>("primary"); // who becomes primary contact; empty: nobody
        const RelatedPerson eve =
            person(RelationType::EmergencyContact, QStringLiteral("Eve"), QStringLiteral("eve@example.com"));
        const RelatedPerson luis =
            person(RelationType::Parent, QStringLiteral("Luis"), QStringLiteral("luis@example.com"));
        const RelatedPerson paula =
            person(RelationType::ResponsibleParty, QStringLiteral("Paula"), QStringLiteral("paula@example.com"));
        const RelatedPerson marta =
            person(RelationType::LegalGuardian, QStringLiteral("Marta"), QStringLiteral("marta@example.com"));
        const RelatedPerson rosa =
            person(RelationType::LegalGuardian, QStringLiteral("Rosa"), QStringLiteral("rosa@example.com"));
        const RelatedPerson martaPhone =
            person(RelationType::LegalGuardian, QStringLiteral("Marta"), {}, QStringLiteral("+12025550100"));
        const RelatedPerson unreachable = person(RelationType::LegalGuardian, QStringLiteral("Unreachable"));
        const RelatedPerson luisNoDetails = person(RelationType::Parent, QStringLiteral("Luis"));

        QTest::newRow("nobody related: no primary contact") << QList<RelatedPerson>{} << QString() << QString();
        QTest::newRow("only a guardian without email or phone: no primary contact")
            << QList<RelatedPerson>{unreachable} << QString() << QString();
        QTest::newRow("only an expired relation: no primary contact")
            << QList<RelatedPerson>{validUntil(marta, -1)} << QString() << QString();
        QTest::newRow("a legal guardian is preferred over a parent and an emergency contact")
            << QList<RelatedPerson>{eve, luis, marta} << QString() << QStringLiteral("marta");
        QTest::newRow("a responsible party is preferred over a parent")
            << QList<RelatedPerson>{luis, paula} << QString() << QStringLiteral("paula");
        QTest::newRow("a parent is preferred over an emergency contact")
            << QList<RelatedPerson>{eve, luis} << QString() << QStringLiteral("luis");
        QTest::newRow("an emergency contact when nobody else is related")
            << QList<RelatedPerson>{eve} << QString() << QStringLiteral("eve");
        QTest::newRow("of two legal guardians, the first listed")
            << QList<RelatedPerson>{luis, rosa, marta} << QString() << QStringLiteral("rosa");
        QTest::newRow("a guardian with only a phone qualifies")
            << QList<RelatedPerson>{luis, martaPhone} << QString() << QStringLiteral("marta");
        QTest::newRow("a guardian without email or phone is passed over for a reachable parent")
            << QList<RelatedPerson>{eve, luis, unreachable} << QString() << QStringLiteral("luis");
        QTest::newRow("a guardian whose relation expired yesterday is passed over")
            << QList<RelatedPerson>{luis, validUntil(marta, -1)} << QString() << QStringLiteral("luis");
        QTest::newRow("a guardian whose relation starts tomorrow is passed over")
            << QList<RelatedPerson>{luis, validFrom(marta, 1)} << QString() << QStringLiteral("luis");
        QTest::newRow("a deleted guardian is passed over")
            << QList<RelatedPerson>{luis, deleted(marta)} << QString() << QStringLiteral("luis");
        QTest::newRow("staff's choice of a parent wins over a legal guardian")
            << QList<RelatedPerson>{eve, luis, marta} << QStringLiteral("luis") << QStringLiteral("luis");
        QTest::newRow("staff's choice of an emergency contact listed after the guardian wins")
            << QList<RelatedPerson>{marta, eve} << QStringLiteral("eve") << QStringLiteral("eve");
        QTest::newRow("staff's choice whose relation expired falls back to the guardian")
            << QList<RelatedPerson>{eve, validUntil(luis, -3), marta} << QStringLiteral("luis")
            << QStringLiteral("marta");
        QTest::newRow("staff's choice without email or phone falls back to the guardian")
            << QList<RelatedPerson>{luisNoDetails, marta} << QStringLiteral("luis") << QStringLiteral("marta");
        QTest::newRow("staff's choice that was deleted falls back to the guardian")
            << QList<RelatedPerson>{deleted(luis), marta} << QStringLiteral("luis") << QStringLiteral("marta");
        QTest::newRow("staff's choice no longer related falls back to the guardian")
            << QList<RelatedPerson>{eve, marta} << QStringLiteral("luis") << QStringLiteral("marta");
    }
    void primaryContactChoice()
    {
        QFETCH(QList<RelatedPerson>, people);
        QFETCH(QString, chosen);
        QFETCH(QString, primary);
        Client c;
        c.firstName = QStringLiteral("Bo");
        c.primaryContactRelationId = chosen;
        const int i = rules::primaryContactIndex(c, people, kToday);
        QCOMPARE(i < 0 ? QString() : people.at(i).relation.meta.id, primary);
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
