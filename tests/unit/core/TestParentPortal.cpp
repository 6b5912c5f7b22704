// PP2: never both a portal contact and the parent-portal user of one client; C9 shared emails.
#include "core/ParentPortal.h"
#include "core/RelationTypes.h"

#include <QTest>

using namespace pd;

class TestParentPortal : public QObject
{
    Q_OBJECT

    static Client person(const QString& id, const QString& first, const QString& email)
    {
        Client c;
        c.meta.id = id;
        c.firstName = first;
        c.lastName = QStringLiteral("Pérez");
        c.email = email;
        return c;
    }

private slots:
    void conflict_data()
    {
        QTest::addColumn<bool>("linkedAsClient");
        QTest::addColumn<QString>("contactEmail");
        QTest::addColumn<bool>("portalAccess");
        QTest::addColumn<bool>("refused");
        QTest::newRow("parent is a portal contact (same client)") << true << QString() << true << true;
        QTest::newRow("parent is a portal contact (same email)")
            << false << QStringLiteral("MARTA@example.com") << true << true;
        QTest::newRow("parent is a contact without portal access") << true << QString() << false << false;
        QTest::newRow("another person has portal access")
            << false << QStringLiteral("luis@example.com") << true << false;
    }
    void conflict()
    {
        QFETCH(bool, linkedAsClient);
        QFETCH(QString, contactEmail);
        QFETCH(bool, portalAccess);
        QFETCH(bool, refused);
        const Client child = person(QStringLiteral("c1"), QStringLiteral("Lía"), {});
        const Client parent =
            person(QStringLiteral("p1"), QStringLiteral("Marta"), QStringLiteral("marta@example.com"));
        RelatedPerson rp;
        rp.relation = defaultRelation(portalAccess ? RelationType::LegalGuardian : RelationType::Parent);
        if (linkedAsClient) {
            rp.relation.relatedClientId = parent.meta.id;
            rp.email = parent.email;
        } else {
            rp.relation.contactId = QStringLiteral("k1");
            rp.email = contactEmail;
        }
        const Status s = ParentPortal::checkConflict(child, {rp}, &parent);
        QCOMPARE(!s.ok(), refused);
        if (refused) {
            QVERIFY(s.message().contains(QLatin1String("never both")));
            QCOMPARE(s.error().field, QStringLiteral("parentPortalUser"));
        }
        QVERIFY(ParentPortal::checkConflict(child, {rp}, nullptr)); // no parent portal: nothing to clash with
    }

    void aClientCannotRunTheirOwnParentPortal()
    {
        const Client c = person(QStringLiteral("c1"), QStringLiteral("Lía"), {});
        QVERIFY(!ParentPortal::checkConflict(c, {}, &c));
    }

    void aMinorWithAParentPortalHasNoPortalOfTheirOwn()
    {
        Client minor = person(QStringLiteral("c1"), QStringLiteral("Lía"), QStringLiteral("lia@example.com"));
        minor.isMinor = true;
        QVERIFY(ParentPortal::clientHasOwnPortal(minor));
        minor.parentPortalUserId = QStringLiteral("p1");
        QVERIFY(!ParentPortal::clientHasOwnPortal(minor));
    }

    void sharedEmailIsANoteNotAnError()
    {
        QVERIFY(sharedEmailNote(QStringLiteral("marta@example.com"), {}).isEmpty());
        const QString note = sharedEmailNote(QStringLiteral("marta@example.com"),
                                             {QStringLiteral("Lía Pérez"), QStringLiteral("Bo Pérez")});
        QVERIFY(note.contains(QStringLiteral("Lía Pérez, Bo Pérez")));
        QVERIFY(note.contains(QLatin1String("fine")));
    }
};

QTEST_GUILESS_MAIN(TestParentPortal)
#include "TestParentPortal.moc"
