#include "core/NotificationRouting.h"

#include "core/ClientRules.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <optional>

namespace pd {

namespace {

// The toggle an appointment event needs; nullopt for forms and invoices (client only).
std::optional<NotifyToggle> toggleFor(NotificationEvent e)
{
    switch (e) {
    case NotificationEvent::Reminder:
        return NotifyToggle::Reminders;
    case NotificationEvent::Confirmation:
    case NotificationEvent::Cancellation:
    case NotificationEvent::Missed:
        return NotifyToggle::Confirmations;
    case NotificationEvent::ScheduledMessage:
        return NotifyToggle::ScheduledMessages;
    case NotificationEvent::TelehealthLink:
        return NotifyToggle::TelehealthLinks;
    case NotificationEvent::FormRequest:
    case NotificationEvent::Invoice:
        break;
    }
    return std::nullopt;
}

QList<Channel> channelsFor(ContactMethod m)
{
    switch (m) {
    case ContactMethod::Sms:
        return {Channel::Sms};
    case ContactMethod::Both:
        return {Channel::Email, Channel::Sms};
    case ContactMethod::Email:
        break;
    }
    return {Channel::Email};
}

QString nameOf(const QString& first, const QString& last)
{
    return (first + QLatin1Char(' ') + last).trimmed();
}

class Router
{
public:
    explicit Router(Routing& out) : m_out(out) {}

    // Adds a delivery per channel that has an address; returns how many were added, and
    // records why not for the others.
    int deliver(const QString& relationId, const QString& first, const QString& last, const QString& email,
                const QString& phone, const QList<Channel>& channels, bool primary)
    {
        int added = 0;
        QStringList missing;
        for (Channel c : channels) {
            const QString address = c == Channel::Email ? email : phone;
            if (address.isEmpty()) {
                missing << (c == Channel::Email ? QCoreApplication::translate("Routing", "no email address")
                                                : QCoreApplication::translate("Routing", "no mobile phone"));
                continue;
            }
            const QString key = QString::number(static_cast<int>(c)) + QLatin1Char('|') + address.toCaseFolded();
            if (m_seen.contains(key)) {
                skip(relationId, nameOf(first, last),
                     QCoreApplication::translate("Routing", "%1 already receives this message (shared address).")
                         .arg(address));
                continue;
            }
            m_seen.insert(key);
            m_out.deliveries << Delivery{relationId, first, last, c, address, primary};
            ++added;
        }
        if (added == 0 && !missing.isEmpty())
            skip(relationId, nameOf(first, last),
                 QCoreApplication::translate("Routing", "Cannot be reached by the client's preferred method: %1.")
                     .arg(missing.join(QStringLiteral(", "))));
        return added;
    }

    void skip(const QString& relationId, const QString& name, const QString& reason)
    {
        m_out.skipped << SkippedRecipient{relationId, name, reason};
    }

private:
    Routing& m_out;
    QSet<QString> m_seen;
};

} // namespace

Routing routeNotification(NotificationEvent event, const Client& client, const QList<RelatedPerson>& people,
                          const QDate& today)
{
    Routing out;
    Router router(out);
    const auto toggle = toggleFor(event);
    const QList<Channel> channels = channelsFor(client.preferredMethod);
    const QString clientName = client.displayName();

    int primary = -1;
    if (client.hasDirectChannel()) {
        if (toggle && !client.selfNotifications.testFlag(*toggle))
            router.skip({}, clientName,
                        QCoreApplication::translate("Routing", "The client's own %1 are switched off.")
                            .arg(eventLabel(event).toLower()));
        else
            router.deliver({}, client.firstName, client.lastName, client.email, client.mobilePhone, channels, false);
    } else {
        primary = rules::primaryContactIndex(client, people, today);
        if (primary < 0) {
            router.skip({}, clientName,
                        QCoreApplication::translate(
                            "Routing", "The client has no email or mobile phone and no contact who can be reached."));
        } else if (client.confidentialCommunications) {
            router.skip(people.at(primary).relation.meta.id,
                        nameOf(people.at(primary).firstName, people.at(primary).lastName),
                        QCoreApplication::translate(
                            "Routing", "Confidential communications were requested (%1); contacts receive nothing.")
                            .arg(client.confidentialReason.isEmpty()
                                     ? QCoreApplication::translate("Routing", "no reason recorded")
                                     : client.confidentialReason));
        } else {
            const RelatedPerson& p = people.at(primary);
            // The primary contact stands in for the client: if they lack the preferred
            // channel, the one they have is used (they were chosen for being reachable).
            const bool hasPreferred = std::any_of(channels.begin(), channels.end(), [&p](Channel c) {
                return !(c == Channel::Email ? p.email : p.phone).isEmpty();
            });
            router.deliver(p.relation.meta.id, p.firstName, p.lastName, p.email, p.phone,
                           hasPreferred ? channels : QList<Channel>{Channel::Email, Channel::Sms}, true);
        }
    }

    for (int i = 0; i < people.size(); ++i) {
        if (i == primary)
            continue;
        const RelatedPerson& p = people.at(i);
        const QString id = p.relation.meta.id;
        const QString name = nameOf(p.firstName, p.lastName);
        if (!toggle) {
            router.skip(id, name,
                        QCoreApplication::translate(
                            "Routing", "Sent to the client only; send it to a contact from the contact's actions."));
            continue;
        }
        if (!p.relation.notifications.testFlag(*toggle)) {
            router.skip(
                id, name,
                QCoreApplication::translate("Routing", "Their %1 toggle is off.").arg(toggleLabel(*toggle).toLower()));
            continue;
        }
        if (!p.relation.isActiveOn(today)) {
            router.skip(id, name, QCoreApplication::translate("Routing", "The relation is not valid today."));
            continue;
        }
        if (client.confidentialCommunications) {
            router.skip(id, name,
                        QCoreApplication::translate(
                            "Routing", "Confidential communications were requested (%1); contacts receive nothing.")
                            .arg(client.confidentialReason.isEmpty()
                                     ? QCoreApplication::translate("Routing", "no reason recorded")
                                     : client.confidentialReason));
            continue;
        }
        router.deliver(id, p.firstName, p.lastName, p.email, p.phone, channels, false);
    }
    return out;
}

QString toggleLabel(NotifyToggle toggle)
{
    switch (toggle) {
    case NotifyToggle::Reminders:
        return QCoreApplication::translate("Routing", "Appointment reminders");
    case NotifyToggle::Confirmations:
        return QCoreApplication::translate("Routing", "Confirmations, cancellations and missed-appointment notices");
    case NotifyToggle::ScheduledMessages:
        return QCoreApplication::translate("Routing", "Scheduled emails and text messages");
    case NotifyToggle::TelehealthLinks:
        return QCoreApplication::translate("Routing", "Telehealth links");
    }
    return {};
}

QString eventLabel(NotificationEvent event)
{
    switch (event) {
    case NotificationEvent::Reminder:
        return QCoreApplication::translate("Routing", "Appointment reminders");
    case NotificationEvent::Confirmation:
        return QCoreApplication::translate("Routing", "Confirmations");
    case NotificationEvent::Cancellation:
        return QCoreApplication::translate("Routing", "Cancellations");
    case NotificationEvent::Missed:
        return QCoreApplication::translate("Routing", "Missed-appointment notices");
    case NotificationEvent::ScheduledMessage:
        return QCoreApplication::translate("Routing", "Scheduled messages");
    case NotificationEvent::TelehealthLink:
        return QCoreApplication::translate("Routing", "Telehealth links");
    case NotificationEvent::FormRequest:
        return QCoreApplication::translate("Routing", "Form requests");
    case NotificationEvent::Invoice:
        return QCoreApplication::translate("Routing", "Invoices");
    }
    return {};
}

QList<NotificationEvent> allNotificationEvents()
{
    return {NotificationEvent::Reminder,    NotificationEvent::Confirmation,     NotificationEvent::Cancellation,
            NotificationEvent::Missed,      NotificationEvent::ScheduledMessage, NotificationEvent::TelehealthLink,
            NotificationEvent::FormRequest, NotificationEvent::Invoice};
}

} // namespace pd
