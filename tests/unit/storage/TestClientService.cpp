// Saving a client with its people under the shared rules (C1, C3, C6, C7, P1, PP2): refused
// with the field to show the reason beside, and then nothing is written.
#include "core/ClientRules.h"
#include "core/RelationTypes.h"
#include "storage/ClientService.h"
#include "tests/testsupport/TemporaryStore.h"

#include <QSqlQuery>
#include <QTest>

using namespace pd;

namespace {
qint64 rows(Store& s, const char* table)
{
    QSqlQuery q(s.sql());
    q.exec(QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table));
    q.next();
    return q.value(0).toLongLong();
}

PersonDraft contact(RelationType type, const QString& first, const QString& email, const QString& phone = {})
{
    PersonDraft d;
    d.relation = defaultRelation(type);
    d.contact.firstName = first;
    d.contact.lastName = QStringLiteral("Pérez");
    d.contact.email = email;
    d.contact.phone = phone;
    return d;
}

Client withNote(const QString& note)
{
    Client c;
    c.firstName = QStringLiteral("Bo");
    c.lastName = QStringLiteral("Díaz");
    c.email = QStringLiteral("bo@example.com");
    c.notes = note;
    return c;
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

class TestClientService : public QObject
{
    Q_OBJECT
private slots:
    void minorWithoutGuardianIsRefusedThenSavedWithOne()
    {
        test::TemporaryStore fx;
        ClientService service(fx.store());
        Client c = minor();
        QList<PersonDraft> people = {
            contact(RelationType::Parent, QStringLiteral("Luis"), QStringLiteral("luis@example.com"))};
        const Status refused = service.save(c, people);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, QStringLiteral("isMinor"));
        QVERIFY(refused.message().contains(QLatin1String("Legal Guardian")));
        QCOMPARE(rows(fx.store(), "clients"), 0);
        QCOMPARE(rows(fx.store(), "outbox"), 0);

        // C1: the people were added before the client exists; one of them is the guardian.
        people << contact(RelationType::LegalGuardian, QStringLiteral("Marta"), QStringLiteral("marta@example.com"));
        const Status saved = service.save(c, people);
        QVERIFY2(saved, qPrintable(saved.message()));
        QCOMPARE(fx.store().relations().forClient(c.meta.id)->size(), 2);
        QCOMPARE(rows(fx.store(), "outbox"), 5); // client, 2 contacts, 2 relations: one change set

        // Removing the only guardian is refused the same way.
        auto drafts = service.drafts(c.meta.id);
        QVERIFY(drafts);
        const QString guardianId = drafts->at(1).relation.meta.id;
        const Status removal = service.save(c, drafts.value(), {guardianId});
        QVERIFY(!removal);
        QCOMPARE(removal.error().field, QStringLiteral("isMinor"));
        QCOMPARE(fx.store().relations().forClient(c.meta.id)->size(), 2);
    }

    void clientWithoutEmailOrPhoneNeedsAReachableContact()
    {
        test::TemporaryStore fx;
        ClientService service(fx.store());
        Client c;
        c.firstName = QStringLiteral("Bo");
        QList<PersonDraft> people = {contact(RelationType::Parent, QStringLiteral("Ana"), {})};
        QVERIFY(!service.save(c, people));
        people[0].contact.phone = QStringLiteral("+12025550100");
        QVERIFY(service.save(c, people));
        const auto saved = fx.store().relations().forClient(c.meta.id).value();
        QCOMPARE(rules::primaryContactIndex(c, saved, fx.clock().today()), 0); // shown as primary contact (C7)
    }

    void portalInviteNeedsAnEmail()
    {
        test::TemporaryStore fx;
        ClientService service(fx.store());
        Client c;
        c.firstName = QStringLiteral("Bo");
        c.email = QStringLiteral("bo@example.com");
        QList<PersonDraft> people = {
            contact(RelationType::ResponsibleParty, QStringLiteral("Ana"), {}, QStringLiteral("+12025550100"))};
        const Status s = service.save(c, people);
        QVERIFY(!s);
        QCOMPARE(s.error().field, QStringLiteral("contactEmail"));
    }

    void linkingAnExistingClientKeepsItsDetailsCurrent()
    {
        test::TemporaryStore fx;
        QVERIFY(fx.addClients({QStringLiteral("Marta Pérez")}));
        const QString martaId = fx.store().clients().search(QStringLiteral("marta"), 1)->first().id;
        ClientService service(fx.store());
        Client c = minor();
        PersonDraft link;
        link.relation = defaultRelation(RelationType::LegalGuardian);
        link.relation.relatedClientId = martaId; // C3: picked by name or client id
        QList<PersonDraft> people = {link};
        QVERIFY(service.save(c, people));
        const RelatedPerson p = fx.store().relations().forClient(c.meta.id)->first();
        QVERIFY(p.isClient);
        QCOMPARE(p.firstName, QStringLiteral("Marta"));
        QVERIFY(!p.email.isEmpty());
    }

    void parentPortalConflictIsRefused()
    {
        test::TemporaryStore fx;
        QVERIFY(fx.addClients({QStringLiteral("Marta Pérez")}));
        const QString martaId = fx.store().clients().search(QStringLiteral("marta"), 1)->first().id;
        ClientService service(fx.store());
        Client c = minor();
        c.parentPortalUserId = martaId; // Marta runs Lía's portal…
        PersonDraft link;
        link.relation = defaultRelation(RelationType::LegalGuardian); // …and would also be a portal contact
        link.relation.relatedClientId = martaId;
        QList<PersonDraft> people = {link};
        const Status s = service.save(c, people);
        QVERIFY(!s);
        QCOMPARE(s.error().field, QStringLiteral("parentPortalUser"));
        QCOMPARE(rows(fx.store(), "relations"), 0);
        people[0].relation.portalInvite = false;
        people[0].relation.permissions = {};
        QVERIFY(service.save(c, people)); // a guardian without portal access is fine
    }

    // Notes are limited to 10,000 characters as a person counts them (an emoji is one, not
    // the two UTF-16 units QString::size() counts). Over the limit, the save names the limit
    // beside the notes and writes nothing at all.
    void notesOverTheLimitAreRefusedAndNothingIsStored_data()
    {
        QTest::addColumn<QString>("note");
        QTest::addColumn<bool>("saves");
        const QString emoji = QStringLiteral("\U0001F600"); // 😀: one character, two UTF-16 units
        QTest::newRow("10,000 characters") << QString(rules::kMaxNoteLength, QLatin1Char('n')) << true;
        QTest::newRow("10,001 characters") << QString(rules::kMaxNoteLength + 1, QLatin1Char('n')) << false;
        QTest::newRow("10,000 characters, half emoji (15,000 UTF-16 units)")
            << emoji.repeated(rules::kMaxNoteLength / 2) + QString(rules::kMaxNoteLength / 2, QLatin1Char('n')) << true;
        QTest::newRow("10,000 emoji (20,000 UTF-16 units)") << emoji.repeated(rules::kMaxNoteLength) << true;
        QTest::newRow("10,001 emoji") << emoji.repeated(rules::kMaxNoteLength + 1) << false;
    }

    void notesOverTheLimitAreRefusedAndNothingIsStored()
    {
        QFETCH(QString, note);
        QFETCH(bool, saves);
        test::TemporaryStore fx;
        QVERIFY(fx.isValid());
        ClientService service(fx.store());
        Client c = withNote(note);
        QList<PersonDraft> people = {
            contact(RelationType::Parent, QStringLiteral("Luis"), QStringLiteral("luis@example.com"))};
        const Status s = service.save(c, people);
        if (saves) {
            QVERIFY2(s, qPrintable(s.message()));
            QCOMPARE(fx.store().clients().get(c.meta.id)->notes, note);
            QCOMPARE(rows(fx.store(), "clients"), 1);
            QCOMPARE(rows(fx.store(), "outbox"), 3); // client, contact, relation
            return;
        }
        QVERIFY(!s);
        QVERIFY(s.error().kind == Error::Kind::Invalid);
        QCOMPARE(s.error().field, QStringLiteral("notes"));
        QVERIFY2(s.message().contains(QStringLiteral("limited to %1 characters").arg(rules::kMaxNoteLength)) &&
                     s.message().contains(QStringLiteral("these have %1").arg(rules::kMaxNoteLength + 1)),
                 qPrintable(s.message()));
        QVERIFY(c.meta.id.isEmpty()); // refused before any id was handed out
        QCOMPARE(rows(fx.store(), "clients"), 0);
        QCOMPARE(rows(fx.store(), "contacts"), 0);
        QCOMPARE(rows(fx.store(), "relations"), 0);
        QCOMPARE(rows(fx.store(), "outbox"), 0);
        QCOMPARE(rows(fx.store(), "audit_log"), 0);
        QVERIFY(fx.store().clients().search(QStringLiteral("díaz"), 10)->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestClientService)
#include "TestClientService.moc"
