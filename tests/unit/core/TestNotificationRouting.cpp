// N1, N5, C4, C5, C7: who receives each notification, at which address, and why not.
#include "core/NotificationRouting.h"
#include "core/RelationTypes.h"

#include <QTest>

using namespace pd;

namespace {
const QDate kToday(2026, 11, 22);

RelatedPerson person(const QString& id, RelationType type, const QString& email, const QString& phone,
                     NotifyToggles toggles)
{
    RelatedPerson p;
    p.relation = defaultRelation(type);
    p.relation.meta.id = id;
    p.relation.notifications = toggles;
    p.firstName = id;
    p.lastName = QStringLiteral("Pérez");
    p.email = email;
    p.phone = phone;
    return p;
}

Client client(const QString& email, const QString& phone, ContactMethod method = ContactMethod::Email)
{
    Client c;
    c.firstName = QStringLiteral("Lía");
    c.lastName = QStringLiteral("Pérez");
    c.email = email;
    c.mobilePhone = phone;
    c.preferredMethod = method;
    return c;
}

QStringList addresses(const Routing& r)
{
    QStringList out;
    for (const Delivery& d : r.deliveries)
        out << (d.relationId.isEmpty() ? QStringLiteral("client") : d.relationId) + QLatin1Char(':') + d.address;
    return out;
}

QString skipReason(const Routing& r, const QString& id)
{
    for (const SkippedRecipient& s : r.skipped)
        if (s.relationId == id)
            return s.reason;
    return {};
}
} // namespace

class TestNotificationRouting : public QObject
{
    Q_OBJECT
private slots:
    void clientAndContactsWithTheToggleOn()
    {
        const QList<RelatedPerson> people = {
            person(QStringLiteral("mom"), RelationType::Parent, QStringLiteral("mom@example.com"), {},
                   allNotifyToggles()),
            person(QStringLiteral("dad"), RelationType::Parent, QStringLiteral("dad@example.com"), {},
                   NotifyToggle::Confirmations),
        };
        const Routing r = routeNotification(NotificationEvent::Reminder, client(QStringLiteral("lia@example.com"), {}),
                                            people, kToday);
        QCOMPARE(addresses(r),
                 (QStringList{QStringLiteral("client:lia@example.com"), QStringLiteral("mom:mom@example.com")}));
        QVERIFY(skipReason(r, QStringLiteral("dad")).contains(QLatin1String("toggle is off")));
        // Cancellations follow the confirmations toggle (C5).
        const Routing c = routeNotification(NotificationEvent::Cancellation,
                                            client(QStringLiteral("lia@example.com"), {}), people, kToday);
        QCOMPARE(c.deliveries.size(), 3);
    }

    void preferredMethodAppliesToContacts()
    {
        const QList<RelatedPerson> people = {
            person(QStringLiteral("mom"), RelationType::Parent, QStringLiteral("mom@example.com"), {},
                   allNotifyToggles()),
            person(QStringLiteral("dad"), RelationType::Parent, {}, QStringLiteral("+12025550100"), allNotifyToggles()),
        };
        const Routing sms =
            routeNotification(NotificationEvent::Reminder,
                              client({}, QStringLiteral("+12025550199"), ContactMethod::Sms), people, kToday);
        QCOMPARE(addresses(sms),
                 (QStringList{QStringLiteral("client:+12025550199"), QStringLiteral("dad:+12025550100")}));
        QVERIFY(skipReason(sms, QStringLiteral("mom")).contains(QLatin1String("no mobile phone")));
        const Routing both = routeNotification(
            NotificationEvent::Reminder,
            client(QStringLiteral("lia@example.com"), QStringLiteral("+12025550199"), ContactMethod::Both), people,
            kToday);
        QCOMPARE(both.deliveries.size(), 4);
    }

    void oneMessagePerAddress()
    {
        // A child using a parent's email: the parent gets one reminder, not two.
        const QList<RelatedPerson> people = {person(QStringLiteral("mom"), RelationType::Parent,
                                                    QStringLiteral("Mom@Example.com"), {}, allNotifyToggles())};
        const Routing r = routeNotification(NotificationEvent::Reminder, client(QStringLiteral("mom@example.com"), {}),
                                            people, kToday);
        QCOMPARE(r.deliveries.size(), 1);
        QVERIFY(skipReason(r, QStringLiteral("mom")).contains(QLatin1String("already receives")));
    }

    void clientCanMuteItself()
    {
        Client c = client(QStringLiteral("mom@example.com"), {});
        c.selfNotifications = NotifyToggles(NotifyToggle::Confirmations);
        const QList<RelatedPerson> people = {person(QStringLiteral("mom"), RelationType::Parent,
                                                    QStringLiteral("mom@example.com"), {}, allNotifyToggles())};
        const Routing r = routeNotification(NotificationEvent::Reminder, c, people, kToday);
        QCOMPARE(addresses(r), QStringList{QStringLiteral("mom:mom@example.com")});
        QVERIFY(skipReason(r, {}).contains(QLatin1String("switched off")));
    }

    void primaryContactStandsInForAClientWithoutEmailOrPhone()
    {
        const QList<RelatedPerson> people = {
            person(QStringLiteral("aunt"), RelationType::EmergencyContact, QStringLiteral("aunt@example.com"), {}, {}),
            person(QStringLiteral("mom"), RelationType::LegalGuardian, QStringLiteral("mom@example.com"), {}, {}),
        };
        for (NotificationEvent e : allNotificationEvents()) {
            const Routing r = routeNotification(e, client({}, {}), people, kToday);
            QCOMPARE(addresses(r), QStringList{QStringLiteral("mom:mom@example.com")});
            QVERIFY(r.deliveries.first().primaryContact);
        }
        // A primary contact with only a phone is reached by SMS even if the method is email.
        const QList<RelatedPerson> phoneOnly = {
            person(QStringLiteral("dad"), RelationType::Parent, {}, QStringLiteral("+12025550100"), {})};
        QCOMPARE(addresses(routeNotification(NotificationEvent::Invoice, client({}, {}), phoneOnly, kToday)),
                 QStringList{QStringLiteral("dad:+12025550100")});
        // Nobody to reach: said so.
        const Routing none = routeNotification(NotificationEvent::Reminder, client({}, {}), {}, kToday);
        QVERIFY(none.deliveries.isEmpty());
        QVERIFY(skipReason(none, {}).contains(QLatin1String("no email or mobile phone")));
    }

    void formsAndInvoicesGoToTheClientOnly()
    {
        const QList<RelatedPerson> people = {person(QStringLiteral("mom"), RelationType::LegalGuardian,
                                                    QStringLiteral("mom@example.com"), {}, allNotifyToggles())};
        const Routing r = routeNotification(NotificationEvent::FormRequest,
                                            client(QStringLiteral("lia@example.com"), {}), people, kToday);
        QCOMPARE(addresses(r), QStringList{QStringLiteral("client:lia@example.com")});
        QVERIFY(skipReason(r, QStringLiteral("mom")).contains(QLatin1String("client only")));
    }

    void confidentialCommunicationsSuppressContacts()
    {
        Client c = client(QStringLiteral("teen@example.com"), {});
        c.confidentialCommunications = true;
        c.confidentialReason = QStringLiteral("client request, 2026-11-02");
        const QList<RelatedPerson> people = {person(QStringLiteral("mom"), RelationType::Parent,
                                                    QStringLiteral("mom@example.com"), {}, allNotifyToggles())};
        const Routing r = routeNotification(NotificationEvent::Reminder, c, people, kToday);
        QCOMPARE(addresses(r), QStringList{QStringLiteral("client:teen@example.com")});
        QVERIFY(skipReason(r, QStringLiteral("mom")).contains(QLatin1String("client request, 2026-11-02")));
    }

    void expiredRelationsGetNothing()
    {
        QList<RelatedPerson> people = {person(QStringLiteral("mom"), RelationType::Parent,
                                              QStringLiteral("mom@example.com"), {}, allNotifyToggles())};
        people[0].relation.validUntil = kToday.addDays(-1);
        const Routing r = routeNotification(NotificationEvent::Reminder, client(QStringLiteral("lia@example.com"), {}),
                                            people, kToday);
        QCOMPARE(r.deliveries.size(), 1);
        QVERIFY(skipReason(r, QStringLiteral("mom")).contains(QLatin1String("not valid today")));
    }
};

QTEST_GUILESS_MAIN(TestNotificationRouting)
#include "TestNotificationRouting.moc"
