// P2, P6, P7, PP1, S1/S2: the one portal policy table the server and desktop share.
#include "core/PortalPolicy.h"
#include "core/RelationTypes.h"

#include <QTest>

using namespace pd;

namespace {
const QDate kToday(2026, 11, 22);

PortalRequest contactRequest(PortalAction action, PortalPermissions permissions)
{
    PortalRequest r;
    r.actor = PortalActor::Contact;
    r.action = action;
    Relation rel = defaultRelation(RelationType::LegalGuardian);
    rel.permissions = permissions;
    r.relation = rel;
    r.today = kToday;
    r.org.cardProcessingEnabled = true;
    r.org.set(PortalSetting::ClientPayments, true);
    r.org.set(PortalSetting::SelfScheduling, true);
    return r;
}
} // namespace

class TestPortalPolicy : public QObject
{
    Q_OBJECT
private slots:
    void eachPermissionAllowsExactlyItsActions_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<int>("permission");
        QTest::newRow("view forms") << int(PortalAction::ViewForms) << int(PortalPermission::ViewForms);
        QTest::newRow("complete form") << int(PortalAction::CompleteForm) << int(PortalPermission::CompleteForms);
        QTest::newRow("sign form") << int(PortalAction::SignForm) << int(PortalPermission::CompleteForms);
        QTest::newRow("documents") << int(PortalAction::ViewDocuments) << int(PortalPermission::ViewDocuments);
        QTest::newRow("invoices") << int(PortalAction::ViewInvoices) << int(PortalPermission::ManageBilling);
        QTest::newRow("pay") << int(PortalAction::PayInvoice) << int(PortalPermission::ManageBilling);
        QTest::newRow("cards") << int(PortalAction::ManageSavedCards) << int(PortalPermission::ManageBilling);
        QTest::newRow("schedule") << int(PortalAction::ScheduleAppointment)
                                  << int(PortalPermission::ManageAppointments);
        QTest::newRow("cancel") << int(PortalAction::CancelAppointment) << int(PortalPermission::ManageAppointments);
        QTest::newRow("message") << int(PortalAction::SendMessage) << int(PortalPermission::SecureMessaging);
    }
    void eachPermissionAllowsExactlyItsActions()
    {
        QFETCH(int, action);
        QFETCH(int, permission);
        const auto a = static_cast<PortalAction>(action);
        const auto p = static_cast<PortalPermission>(permission);
        QVERIFY2(PortalPolicy::decide(contactRequest(a, p)).allowed,
                 qPrintable(PortalPolicy::decide(contactRequest(a, p)).reason));
        // Every OTHER permission together does not allow it.
        PortalPermissions others;
        for (PortalPermission q : PortalPolicy::allPermissions())
            if (q != p)
                others |= q;
        const PortalDecision d = PortalPolicy::decide(contactRequest(a, others));
        QVERIFY(!d.allowed);
        QVERIFY2(d.reason.contains(PortalPolicy::label(p)), qPrintable(d.reason));
    }

    void goodFaithEstimateNeverGoesToAContact()
    {
        PortalPermissions all;
        for (PortalPermission q : PortalPolicy::allPermissions())
            all |= q;
        QVERIFY(!PortalPolicy::decide(contactRequest(PortalAction::ReceiveGoodFaithEstimate, all)).allowed);
        PortalRequest client = contactRequest(PortalAction::ReceiveGoodFaithEstimate, {});
        client.actor = PortalActor::Client;
        QVERIFY(PortalPolicy::decide(client).allowed);
    }

    void revokedOrExpiredRelationIsDeniedOnTheNextRequest()
    {
        PortalRequest r = contactRequest(PortalAction::ViewForms, PortalPermission::ViewForms);
        QVERIFY(PortalPolicy::decide(r).allowed);
        r.relation->permissions = {};
        QVERIFY(!PortalPolicy::decide(r).allowed);
        r.relation->permissions = PortalPermission::ViewForms;
        r.relation->meta.deleted = true;
        QVERIFY(PortalPolicy::decide(r).reason.contains(QLatin1String("removed")));
        r.relation->meta.deleted = false;
        r.relation->validUntil = kToday.addDays(-1);
        QVERIFY(PortalPolicy::decide(r).reason.contains(QLatin1String("not valid today")));
        r.relation.reset();
        QVERIFY(!PortalPolicy::decide(r).allowed);
    }

    void confidentialItemsAreNeverShownToContacts_data()
    {
        QTest::addColumn<int>("actor");
        QTest::addColumn<int>("item");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("contact, normal") << int(PortalActor::Contact) << int(Confidentiality::Normal) << true;
        QTest::newRow("contact, not for contacts")
            << int(PortalActor::Contact) << int(Confidentiality::NotForContacts) << false;
        QTest::newRow("contact, psychotherapy note")
            << int(PortalActor::Contact) << int(Confidentiality::PsychotherapyNote) << false;
        QTest::newRow("client, not for contacts")
            << int(PortalActor::Client) << int(Confidentiality::NotForContacts) << true;
        QTest::newRow("client, psychotherapy note")
            << int(PortalActor::Client) << int(Confidentiality::PsychotherapyNote) << false;
        QTest::newRow("parent portal, not for contacts")
            << int(PortalActor::ParentPortalUser) << int(Confidentiality::NotForContacts) << false;
    }
    void confidentialItemsAreNeverShownToContacts()
    {
        QFETCH(int, actor);
        QFETCH(int, item);
        QFETCH(bool, allowed);
        PortalRequest r = contactRequest(PortalAction::ViewDocuments, PortalPermission::ViewDocuments);
        r.actor = static_cast<PortalActor>(actor);
        r.clientHasParentPortal = r.actor == PortalActor::ParentPortalUser;
        r.item = static_cast<Confidentiality>(item);
        QCOMPARE(PortalPolicy::decide(r).allowed, allowed);
    }

    void parentPortalTakesTheMinorsAccess()
    {
        PortalRequest r = contactRequest(PortalAction::SendMessage, {});
        r.actor = PortalActor::Client;
        r.clientHasParentPortal = true;
        QVERIFY(PortalPolicy::decide(r).reason.contains(QLatin1String("parent portal")));
        r.actor = PortalActor::ParentPortalUser;
        QVERIFY(PortalPolicy::decide(r).allowed);
    }

    void settingsGateActions()
    {
        PortalRequest r = contactRequest(PortalAction::PayInvoice, PortalPermission::ManageBilling);
        r.org.cardProcessingEnabled = false;
        QVERIFY(PortalPolicy::decide(r).reason.contains(QLatin1String("card processing")));
        r.org.cardProcessingEnabled = true;
        r.clientOverrides.insert(QStringLiteral("client_payments"), QStringLiteral("false"));
        QVERIFY(PortalPolicy::decide(r).reason.contains(QLatin1String("for this client")));

        PortalRequest late = contactRequest(PortalAction::CancelAppointment, PortalPermission::ManageAppointments);
        QVERIFY(PortalPolicy::decide(late).allowed);
        late.withinDay = true;
        QVERIFY(!PortalPolicy::decide(late).allowed); // cancel within 24 h is off by default
        late.org.set(PortalSetting::CancelWithin24h, true);
        QVERIFY(PortalPolicy::decide(late).allowed);

        PortalRequest noContacts = contactRequest(PortalAction::ViewForms, PortalPermission::ViewForms);
        noContacts.org.set(PortalSetting::ContactPortalAccess, false);
        QVERIFY(PortalPolicy::decide(noContacts).reason.contains(QLatin1String("contacts is off")));
    }

    void everyActionIsInTheTable()
    {
        const QList<PortalAction> all = PortalPolicy::allActions();
        QCOMPARE(all.size(), int(PortalAction::SendMessage) + 1);
        QList<PortalAction> grantable;
        for (PortalPermission p : PortalPolicy::allPermissions())
            grantable << PortalPolicy::actionsAllowedBy(p);
        for (PortalAction a : all) {
            // Each action is granted by exactly one permission, except the Good Faith Estimate.
            QCOMPARE(grantable.count(a), a == PortalAction::ReceiveGoodFaithEstimate ? 0 : 1);
            PortalRequest client = contactRequest(a, {});
            client.actor = PortalActor::Client;
            client.org.set(PortalSetting::SecureMessaging, true);
            QVERIFY2(PortalPolicy::decide(client).allowed, qPrintable(PortalPolicy::decide(client).reason));
        }
        // An action value outside the table is denied, never mapped to some other rule.
        PortalRequest bogus = contactRequest(static_cast<PortalAction>(999), PortalPermissions(0x3f));
        bogus.actor = PortalActor::Client;
        QVERIFY(!PortalPolicy::decide(bogus).allowed);
        QCOMPARE(PortalPolicy::permissionFor(static_cast<PortalAction>(999)), std::nullopt);
    }

    void everyPermissionIsExplained()
    {
        QCOMPARE(PortalPolicy::allPermissions().size(), 6);
        for (PortalPermission p : PortalPolicy::allPermissions()) {
            QVERIFY(!PortalPolicy::label(p).isEmpty());
            QVERIFY(PortalPolicy::explanation(p).size() > 20);
            QVERIFY(!PortalPolicy::actionsAllowedBy(p).isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestPortalPolicy)
#include "TestPortalPolicy.moc"
