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
        const Routing none =
            routeNotification(NotificationEvent::Cancellation, client(QStringLiteral("lia@example.com"), {}),
                              {person(QStringLiteral("aunt"), RelationType::Other, QStringLiteral("aunt@example.com"),
                                      {}, NotifyToggle::Reminders)},
                              kToday);
        QCOMPARE(skipReason(none, QStringLiteral("aunt")),
                 QStringLiteral("Their confirmations, cancellations and missed-appointment notices toggle is off."));
    }

    // N1/C5: the client's preferred method (email, SMS or both) is how the client and every
    // contact are reached; whoever lacks that channel gets nothing and is told why.
    void preferredMethodAppliesToContacts_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<QString>("clientEmail");
        QTest::addColumn<QString>("clientPhone");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QStringList>("unreachable"); // "client" or relation ids told they cannot be reached
        QTest::addColumn<QString>("missing");         // what those lack
        const QString liaEmail = QStringLiteral("lia@example.com");
        const QString liaPhone = QStringLiteral("+12025550199");
        const QString noEmail = QStringLiteral("no email address");
        const QString noPhone = QStringLiteral("no mobile phone");
        QTest::newRow("email: client and contacts by email; the father with only a phone gets nothing")
            << int(ContactMethod::Email) << liaEmail << liaPhone
            << QStringList{QStringLiteral("client:lia@example.com"), QStringLiteral("mom:mom@example.com"),
                           QStringLiteral("gran:gran@example.com")}
            << QStringList{QStringLiteral("dad")} << noEmail;
        QTest::newRow("sms: client and contacts by text; the mother with only an email gets nothing")
            << int(ContactMethod::Sms) << liaEmail << liaPhone
            << QStringList{QStringLiteral("client:+12025550199"), QStringLiteral("dad:+12025550100"),
                           QStringLiteral("gran:+12025550101")}
            << QStringList{QStringLiteral("mom")} << noPhone;
        QTest::newRow("sms, client with only a phone: the same contacts by text")
            << int(ContactMethod::Sms) << QString() << liaPhone
            << QStringList{QStringLiteral("client:+12025550199"), QStringLiteral("dad:+12025550100"),
                           QStringLiteral("gran:+12025550101")}
            << QStringList{QStringLiteral("mom")} << noPhone;
        QTest::newRow("both: every address each person has, nobody left out")
            << int(ContactMethod::Both) << liaEmail << liaPhone
            << QStringList{QStringLiteral("client:lia@example.com"), QStringLiteral("client:+12025550199"),
                           QStringLiteral("mom:mom@example.com"),    QStringLiteral("dad:+12025550100"),
                           QStringLiteral("gran:gran@example.com"),  QStringLiteral("gran:+12025550101")}
            << QStringList{} << QString();
        QTest::newRow("both, client with only an email: the client by email, contacts by what they have")
            << int(ContactMethod::Both) << liaEmail << QString()
            << QStringList{QStringLiteral("client:lia@example.com"), QStringLiteral("mom:mom@example.com"),
                           QStringLiteral("dad:+12025550100"), QStringLiteral("gran:gran@example.com"),
                           QStringLiteral("gran:+12025550101")}
            << QStringList{} << QString();
        // The fallback to whatever channel exists is only for a primary contact (C7): a client
        // with a phone whose method is still email gets nothing, and the preview says why.
        QTest::newRow("email, client with only a phone: the client gets nothing and is told why")
            << int(ContactMethod::Email) << QString() << liaPhone
            << QStringList{QStringLiteral("mom:mom@example.com"), QStringLiteral("gran:gran@example.com")}
            << QStringList{QStringLiteral("client"), QStringLiteral("dad")} << noEmail;
    }
    void preferredMethodAppliesToContacts()
    {
        QFETCH(int, method);
        QFETCH(QString, clientEmail);
        QFETCH(QString, clientPhone);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, unreachable);
        QFETCH(QString, missing);
        const QList<RelatedPerson> people = {
            person(QStringLiteral("mom"), RelationType::Parent, QStringLiteral("mom@example.com"), {},
                   allNotifyToggles()),
            person(QStringLiteral("dad"), RelationType::Parent, {}, QStringLiteral("+12025550100"), allNotifyToggles()),
            person(QStringLiteral("gran"), RelationType::Other, QStringLiteral("gran@example.com"),
                   QStringLiteral("+12025550101"), allNotifyToggles()),
        };
        const Routing r =
            routeNotification(NotificationEvent::Reminder,
                              client(clientEmail, clientPhone, static_cast<ContactMethod>(method)), people, kToday);
        QCOMPARE(addresses(r), expected);
        QCOMPARE(r.skipped.size(), unreachable.size());
        for (const QString& who : unreachable) {
            const QString reason = skipReason(r, who == QLatin1String("client") ? QString() : who);
            QVERIFY2(reason.contains(QLatin1String("preferred method")) && reason.contains(missing),
                     qPrintable(who + QLatin1String(": ") + reason));
        }
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

    // C7: a client without email or phone is reached through its primary contact, for every
    // event, on the channel that contact has; other contacts follow their own toggles.
    void primaryContactStandsInForAClientWithoutEmailOrPhone_data()
    {
        QTest::addColumn<int>("event");
        QTest::addColumn<int>("method");
        QTest::addColumn<QString>("chosen"); // primary contact staff chose; empty: none
        QTest::addColumn<QList<RelatedPerson>>("people");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("primary");    // whose deliveries are marked primaryContact
        QTest::addColumn<QString>("clientSkip"); // part of the client's own skip reason; empty: none
        const int email = int(ContactMethod::Email);
        const RelatedPerson aunt =
            person(QStringLiteral("aunt"), RelationType::EmergencyContact, QStringLiteral("aunt@example.com"), {}, {});
        const RelatedPerson mom =
            person(QStringLiteral("mom"), RelationType::LegalGuardian, QStringLiteral("mom@example.com"), {}, {});
        const QList<RelatedPerson> auntAndMom = {aunt, mom};
        const QStringList toMom = {QStringLiteral("mom:mom@example.com")};
        const QString m = QStringLiteral("mom");
        const QString nobody = QStringLiteral("no email or mobile phone");

        QTest::newRow("reminder: the guardian stands in")
            << int(NotificationEvent::Reminder) << email << QString() << auntAndMom << toMom << m << QString();
        QTest::newRow("confirmation: the guardian stands in")
            << int(NotificationEvent::Confirmation) << email << QString() << auntAndMom << toMom << m << QString();
        QTest::newRow("cancellation: the guardian stands in")
            << int(NotificationEvent::Cancellation) << email << QString() << auntAndMom << toMom << m << QString();
        QTest::newRow("missed appointment: the guardian stands in")
            << int(NotificationEvent::Missed) << email << QString() << auntAndMom << toMom << m << QString();
        QTest::newRow("scheduled message: the guardian stands in")
            << int(NotificationEvent::ScheduledMessage) << email << QString() << auntAndMom << toMom << m << QString();
        QTest::newRow("telehealth link: the guardian stands in")
            << int(NotificationEvent::TelehealthLink) << email << QString() << auntAndMom << toMom << m << QString();
        QTest::newRow("form request: the guardian stands in")
            << int(NotificationEvent::FormRequest) << email << QString() << auntAndMom << toMom << m << QString();
        QTest::newRow("invoice: the guardian stands in")
            << int(NotificationEvent::Invoice) << email << QString() << auntAndMom << toMom << m << QString();
        QTest::newRow("invoice: a primary contact with only a phone gets a text though the method is email")
            << int(NotificationEvent::Invoice) << email << QString()
            << QList<RelatedPerson>{person(QStringLiteral("dad"), RelationType::Parent, {},
                                           QStringLiteral("+12025550100"), {})}
            << QStringList{QStringLiteral("dad:+12025550100")} << QStringLiteral("dad") << QString();
        QTest::newRow("reminder by SMS: a primary contact with email and phone gets a text")
            << int(NotificationEvent::Reminder) << int(ContactMethod::Sms) << QString()
            << QList<RelatedPerson>{person(m, RelationType::LegalGuardian, QStringLiteral("mom@example.com"),
                                           QStringLiteral("+12025550100"), {})}
            << QStringList{QStringLiteral("mom:+12025550100")} << m << QString();
        QTest::newRow("reminder by email and SMS: a primary contact with only an email gets the email")
            << int(NotificationEvent::Reminder) << int(ContactMethod::Both) << QString() << QList<RelatedPerson>{mom}
            << toMom << m << QString();
        QTest::newRow("reminder: the parent staff chose stands in instead of the guardian")
            << int(NotificationEvent::Reminder) << email << QStringLiteral("dad")
            << QList<RelatedPerson>{mom, person(QStringLiteral("dad"), RelationType::Parent,
                                                QStringLiteral("dad@example.com"), {}, {})}
            << QStringList{QStringLiteral("dad:dad@example.com")} << QStringLiteral("dad") << QString();
        QTest::newRow("reminder: a contact with reminders on gets one besides the primary contact")
            << int(NotificationEvent::Reminder) << email << QString()
            << QList<RelatedPerson>{mom, person(QStringLiteral("aunt"), RelationType::Other,
                                                QStringLiteral("aunt@example.com"), {}, NotifyToggle::Reminders)}
            << QStringList{QStringLiteral("mom:mom@example.com"), QStringLiteral("aunt:aunt@example.com")} << m
            << QString();
        QTest::newRow("reminder: a contact sharing the primary contact's email gets no second message")
            << int(NotificationEvent::Reminder) << email << QString()
            << QList<RelatedPerson>{mom, person(QStringLiteral("aunt"), RelationType::Other,
                                                QStringLiteral("MOM@example.com"), {}, allNotifyToggles())}
            << toMom << m << QString();
        QTest::newRow("invoice: only the primary contact, whatever other contacts' toggles say")
            << int(NotificationEvent::Invoice) << email << QString()
            << QList<RelatedPerson>{mom, person(QStringLiteral("aunt"), RelationType::Other,
                                                QStringLiteral("aunt@example.com"), {}, allNotifyToggles())}
            << toMom << m << QString();
        QTest::newRow("reminder: nobody related, nothing sent and the client's entry says why")
            << int(NotificationEvent::Reminder) << email << QString() << QList<RelatedPerson>{} << QStringList{}
            << QString() << nobody;
        QTest::newRow("invoice: a guardian without email or phone cannot stand in")
            << int(NotificationEvent::Invoice) << email << QString()
            << QList<RelatedPerson>{person(m, RelationType::LegalGuardian, {}, {}, allNotifyToggles())} << QStringList{}
            << QString() << nobody;
    }
    void primaryContactStandsInForAClientWithoutEmailOrPhone()
    {
        QFETCH(int, event);
        QFETCH(int, method);
        QFETCH(QString, chosen);
        QFETCH(QList<RelatedPerson>, people);
        QFETCH(QStringList, expected);
        QFETCH(QString, primary);
        QFETCH(QString, clientSkip);
        Client c = client({}, {}, static_cast<ContactMethod>(method));
        c.primaryContactRelationId = chosen;
        const Routing r = routeNotification(static_cast<NotificationEvent>(event), c, people, kToday);
        QCOMPARE(addresses(r), expected);
        for (const Delivery& d : r.deliveries)
            QCOMPARE(d.primaryContact, d.relationId == primary);
        if (!clientSkip.isEmpty())
            QVERIFY2(skipReason(r, {}).contains(clientSkip), qPrintable(skipReason(r, {})));
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

    // N5: when the client asks for confidential communications, contacts get nothing for any
    // event, a primary contact included, and each skipped contact shows the recorded reason.
    void confidentialCommunicationsSuppressContacts_data()
    {
        QTest::addColumn<int>("event");
        QTest::addColumn<bool>("confidential");
        QTest::addColumn<QString>("clientEmail");
        QTest::addColumn<QString>("reason"); // as recorded on the client
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QStringList>("suppressed"); // told "confidential communications" and the reason
        const QString lia = QStringLiteral("lia@example.com");
        const QString why = QStringLiteral("client request, 2026-11-02");
        const QStringList all = {QStringLiteral("client:lia@example.com"), QStringLiteral("mom:mom@example.com"),
                                 QStringLiteral("dad:dad@example.com")};
        const QStringList clientOnly = {QStringLiteral("client:lia@example.com")};
        const QStringList both = {QStringLiteral("mom"), QStringLiteral("dad")};
        QTest::newRow("reminder, not confidential: client and both parents")
            << int(NotificationEvent::Reminder) << false << lia << why << all << QStringList{};
        QTest::newRow("reminder, confidential: client only, both parents suppressed")
            << int(NotificationEvent::Reminder) << true << lia << why << clientOnly << both;
        QTest::newRow("confirmation, not confidential: client and both parents")
            << int(NotificationEvent::Confirmation) << false << lia << why << all << QStringList{};
        QTest::newRow("confirmation, confidential: client only, both parents suppressed")
            << int(NotificationEvent::Confirmation) << true << lia << why << clientOnly << both;
        QTest::newRow("cancellation, not confidential: client and both parents")
            << int(NotificationEvent::Cancellation) << false << lia << why << all << QStringList{};
        QTest::newRow("cancellation, confidential: client only, both parents suppressed")
            << int(NotificationEvent::Cancellation) << true << lia << why << clientOnly << both;
        QTest::newRow("missed appointment, not confidential: client and both parents")
            << int(NotificationEvent::Missed) << false << lia << why << all << QStringList{};
        QTest::newRow("missed appointment, confidential: client only, both parents suppressed")
            << int(NotificationEvent::Missed) << true << lia << why << clientOnly << both;
        QTest::newRow("scheduled message, not confidential: client and both parents")
            << int(NotificationEvent::ScheduledMessage) << false << lia << why << all << QStringList{};
        QTest::newRow("scheduled message, confidential: client only, both parents suppressed")
            << int(NotificationEvent::ScheduledMessage) << true << lia << why << clientOnly << both;
        QTest::newRow("telehealth link, not confidential: client and both parents")
            << int(NotificationEvent::TelehealthLink) << false << lia << why << all << QStringList{};
        QTest::newRow("telehealth link, confidential: client only, both parents suppressed")
            << int(NotificationEvent::TelehealthLink) << true << lia << why << clientOnly << both;
        QTest::newRow("form request, not confidential: client only (forms go to the client)")
            << int(NotificationEvent::FormRequest) << false << lia << why << clientOnly << QStringList{};
        QTest::newRow("form request, confidential: client only")
            << int(NotificationEvent::FormRequest) << true << lia << why << clientOnly << QStringList{};
        QTest::newRow("invoice, not confidential: client only (invoices go to the client)")
            << int(NotificationEvent::Invoice) << false << lia << why << clientOnly << QStringList{};
        QTest::newRow("invoice, confidential: client only")
            << int(NotificationEvent::Invoice) << true << lia << why << clientOnly << QStringList{};
        QTest::newRow("reminder, confidential with no reason recorded: the skip says so")
            << int(NotificationEvent::Reminder) << true << lia << QString() << clientOnly << both;
        QTest::newRow("reminder, confidentiality turned off again: parents get it despite the old reason")
            << int(NotificationEvent::Reminder) << false << lia << why << all << QStringList{};
        QTest::newRow("reminder, no email or phone, not confidential: guardian as primary contact and father")
            << int(NotificationEvent::Reminder) << false << QString() << why
            << QStringList{QStringLiteral("mom:mom@example.com"), QStringLiteral("dad:dad@example.com")}
            << QStringList{};
        QTest::newRow("reminder, no email or phone, confidential: nobody, the primary contact suppressed too")
            << int(NotificationEvent::Reminder) << true << QString() << why << QStringList{} << both;
        QTest::newRow("invoice, no email or phone, not confidential: the primary contact")
            << int(NotificationEvent::Invoice) << false << QString() << why
            << QStringList{QStringLiteral("mom:mom@example.com")} << QStringList{};
        QTest::newRow("invoice, no email or phone, confidential: nobody, the primary contact suppressed")
            << int(NotificationEvent::Invoice) << true << QString() << why << QStringList{}
            << QStringList{QStringLiteral("mom")};
    }
    void confidentialCommunicationsSuppressContacts()
    {
        QFETCH(int, event);
        QFETCH(bool, confidential);
        QFETCH(QString, clientEmail);
        QFETCH(QString, reason);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, suppressed);
        Client c = client(clientEmail, {});
        c.confidentialCommunications = confidential;
        c.confidentialReason = reason;
        const QList<RelatedPerson> people = {
            person(QStringLiteral("mom"), RelationType::LegalGuardian, QStringLiteral("mom@example.com"), {},
                   allNotifyToggles()),
            person(QStringLiteral("dad"), RelationType::Parent, QStringLiteral("dad@example.com"), {},
                   allNotifyToggles()),
        };
        const Routing r = routeNotification(static_cast<NotificationEvent>(event), c, people, kToday);
        QCOMPARE(addresses(r), expected);
        for (const QString& id : {QStringLiteral("mom"), QStringLiteral("dad")}) {
            const QString skip = skipReason(r, id);
            QVERIFY2(skip.contains(QLatin1String("Confidential communications")) == suppressed.contains(id),
                     qPrintable(id + QLatin1String(": ") + skip));
            if (suppressed.contains(id)) // the reason is recorded and shown (N5)
                QVERIFY2(skip.contains(reason.isEmpty() ? QStringLiteral("no reason recorded") : reason),
                         qPrintable(skip));
        }
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
