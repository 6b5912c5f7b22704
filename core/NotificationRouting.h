#pragma once

#include "core/Relation.h"

#include <QList>

namespace pd {

// N1: the notification events and who receives each.
enum class NotificationEvent {
    Reminder,
    Confirmation,
    Cancellation,
    Missed,
    ScheduledMessage,
    TelehealthLink,
    FormRequest,
    Invoice,
};

enum class Channel { Email, Sms };

struct Delivery
{
    QString relationId; // empty: the client itself
    QString firstName;  // for [RecipientFirstName] (N2)
    QString lastName;
    Channel channel = Channel::Email;
    QString address;
    bool primaryContact = false; // C7: standing in for a client without email or phone
};

struct SkippedRecipient
{
    QString relationId; // empty: the client itself
    QString name;
    QString reason; // human text: why this person gets nothing
};

struct Routing
{
    QList<Delivery> deliveries;
    QList<SkippedRecipient> skipped;
};

// The one routing rule the desktop preview and the server's dispatcher share:
//  - the client, by its preferred method (email, SMS or both), unless it switched this kind
//    of message off for itself (C4);
//  - when the client has neither email nor phone, its primary contact instead (C7), for
//    every event including forms and invoices;
//  - each contact whose toggle for this event is on (C5), by the client's preferred method,
//    unless the relation is expired or the client asked for confidential communications (N5);
//  - forms and invoices go to the client (or primary contact) only (F1);
//  - one message per address and channel, however many people share it (N1).
Routing routeNotification(NotificationEvent event, const Client& client, const QList<RelatedPerson>& people,
                          const QDate& today);

QString eventLabel(NotificationEvent event);
// The contact toggle that governs an event, as the relation dialog names it (C5).
QString toggleLabel(NotifyToggle toggle);
QList<NotificationEvent> allNotificationEvents();

} // namespace pd
