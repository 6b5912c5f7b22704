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
        // A contact who turned confirmations off is told which toggle it is, not "cancellations".
        const Routing none = routeNotification(NotificationEvent::Cancellation,
                                               client(QStringLiteral("lia@example.com"), {}),
                                               {person(QStringLiteral("aunt"), RelationType::Other,
                                                       QStringLiteral("aunt@example.com"), {}, NotifyToggle::Reminders)},
                                               kToday);
        QCOMPARE(skipReason(none, QStringLiteral("aunt")),
                 QStringLiteral("Their confirmations, cancellations and missed-appointment notices toggle is off."));
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

    void eachEventFollowsItsToggle_data()
    {
        QTest::addColumn<int>("event");
        QTest::addColumn<int>("toggle"); // 0: goes to the client only (forms, invoices)
        QTest::newRow("reminder") << int(NotificationEvent::Reminder) << int(NotifyToggle::Reminders);
        QTest::newRow("confirmation") << int(NotificationEvent::Confirmation) << int(NotifyToggle::Confirmations);
        QTest::newRow("cancellation") << int(NotificationEvent::Cancellation) << int(NotifyToggle::Confirmations);
        QTest::newRow("missed") << int(NotificationEvent::Missed) << int(NotifyToggle::Confirmations);
        QTest::newRow("scheduled message")
            << int(NotificationEvent::ScheduledMessage) << int(NotifyToggle::ScheduledMessages);
        QTest::newRow("telehealth link") << int(NotificationEvent::TelehealthLink)
                                         << int(NotifyToggle::TelehealthLinks);
        QTest::newRow("form request") << int(NotificationEvent::FormRequest) << 0;
        QTest::newRow("invoice") << int(NotificationEvent::Invoice) << 0;
    }
    void eachEventFollowsItsToggle()
    {
        QFETCH(int, event);
        QFETCH(int, toggle);
        const auto e = static_cast<NotificationEvent>(event);
        const Client c = client(QStringLiteral("lia@example.com"), {});
        for (NotifyToggle t : {NotifyToggle::Reminders, NotifyToggle::Confirmations, NotifyToggle::ScheduledMessages,
                               NotifyToggle::TelehealthLinks}) {
            // A contact with only toggle t gets the event exactly when t is the event's toggle.
            const QList<RelatedPerson> people = {
                person(QStringLiteral("mom"), RelationType::Parent, QStringLiteral("mom@example.com"), {}, t)};
            const Routing r = routeNotification(e, c, people, kToday);
            const bool expected = toggle != 0 && int(t) == toggle;
            QCOMPARE(addresses(r).contains(QStringLiteral("mom:mom@example.com")), expected);
            QVERIFY(addresses(r).contains(QStringLiteral("client:lia@example.com")));
            if (!expected)
                QVERIFY(!skipReason(r, QStringLiteral("mom")).isEmpty()); // always says why
            // The client switching this toggle off for itself (C4) mutes only the client.
            Client muted = c;
            muted.selfNotifications = allNotifyToggles() & ~NotifyToggles(t);
            const Routing m = routeNotification(e, muted, people, kToday);
            QCOMPARE(addresses(m).contains(QStringLiteral("client:lia@example.com")), toggle == 0 || int(t) != toggle);
        }
    }

    void oneMessagePerAddressAndChannel_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<QString>("momEmail");
        QTest::addColumn<QString>("momPhone");
        QTest::addColumn<QStringList>("expected");
        const QString lia = QStringLiteral("lia@example.com");
        const QString liaPhone = QStringLiteral("+12025550199");
        QTest::newRow("sms, shared phone")
            << int(ContactMethod::Sms) << QString() << liaPhone << QStringList{QStringLiteral("client:+12025550199")};
        QTest::newRow("both, shared email, own phone")
            << int(ContactMethod::Both) << lia << QStringLiteral("+12025550100")
            << QStringList{QStringLiteral("client:lia@example.com"), QStringLiteral("client:+12025550199"),
                           QStringLiteral("mom:+12025550100")};
        QTest::newRow("both, everything shared")
            << int(ContactMethod::Both) << QStringLiteral("LIA@example.com") << liaPhone
            << QStringList{QStringLiteral("client:lia@example.com"), QStringLiteral("client:+12025550199")};
        QTest::newRow("email, phone shared but not used")
            << int(ContactMethod::Email) << QStringLiteral("mom@example.com") << liaPhone
            << QStringList{QStringLiteral("client:lia@example.com"), QStringLiteral("mom:mom@example.com")};
    }
    void oneMessagePerAddressAndChannel()
    {
        QFETCH(int, method);
        QFETCH(QString, momEmail);
        QFETCH(QString, momPhone);
        QFETCH(QStringList, expected);
        const Client c = client(QStringLiteral("lia@example.com"), QStringLiteral("+12025550199"),
                                static_cast<ContactMethod>(method));
        const QList<RelatedPerson> people = {
            person(QStringLiteral("mom"), RelationType::Parent, momEmail, momPhone, allNotifyToggles())};
        QCOMPARE(addresses(routeNotification(NotificationEvent::Reminder, c, people, kToday)), expected);
    }

    void deletedRelationsGetNothing()
    {
        QList<RelatedPerson> people = {person(QStringLiteral("mom"), RelationType::Parent,
                                              QStringLiteral("mom@example.com"), {}, allNotifyToggles())};
        people[0].relation.meta.deleted = true;
        const Routing r = routeNotification(NotificationEvent::Reminder, client(QStringLiteral("lia@example.com"), {}),
                                            people, kToday);
        QCOMPARE(addresses(r), QStringList{QStringLiteral("client:lia@example.com")});
        QVERIFY(!skipReason(r, QStringLiteral("mom")).isEmpty());
    }

    void namesReachTheDeliveryVerbatim_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::newRow("arabic") << QStringLiteral("محمد") << QStringLiteral("عبد الله");
        QTest::newRow("hebrew") << QStringLiteral("דוד") << QStringLiteral("כהן");
        QTest::newRow("emoji") << QStringLiteral("Zoë 🌈") << QStringLiteral("Pérez");
        QTest::newRow("format string") << QStringLiteral("%1 %s") << QStringLiteral("%n");
    }
    void namesReachTheDeliveryVerbatim()
    {
        QFETCH(QString, first);
        QFETCH(QString, last);
        RelatedPerson p = person(QStringLiteral("g"), RelationType::LegalGuardian, QStringLiteral("g@example.com"), {},
                                 allNotifyToggles());
        p.firstName = first;
        p.lastName = last;
        const Routing r =
            routeNotification(NotificationEvent::Reminder, client(QStringLiteral("lia@example.com"), {}), {p}, kToday);
        QCOMPARE(r.deliveries.size(), 2);
        QCOMPARE(r.deliveries.at(1).firstName, first); // for [RecipientFirstName] (N2)
        QCOMPARE(r.deliveries.at(1).lastName, last);
    }
};

QTEST_GUILESS_MAIN(TestNotificationRouting)
#include "TestNotificationRouting.moc"
