#include "storage/FieldLabels.h"

#include <QCoreApplication>
#include <QHash>

namespace pd {

QString fieldLabel(const QString& column)
{
    static const QHash<QString, const char*> labels = {
        {QStringLiteral("client_number"), QT_TRANSLATE_NOOP("FieldLabels", "Client ID")},
        {QStringLiteral("first_name"), QT_TRANSLATE_NOOP("FieldLabels", "First name")},
        {QStringLiteral("last_name"), QT_TRANSLATE_NOOP("FieldLabels", "Last name")},
        {QStringLiteral("email"), QT_TRANSLATE_NOOP("FieldLabels", "Email")},
        {QStringLiteral("mobile_phone"), QT_TRANSLATE_NOOP("FieldLabels", "Mobile phone")},
        {QStringLiteral("phone"), QT_TRANSLATE_NOOP("FieldLabels", "Mobile phone")},
        {QStringLiteral("date_of_birth"), QT_TRANSLATE_NOOP("FieldLabels", "Date of birth")},
        {QStringLiteral("is_minor"), QT_TRANSLATE_NOOP("FieldLabels", "Minor")},
        {QStringLiteral("preferred_method"), QT_TRANSLATE_NOOP("FieldLabels", "Preferred method")},
        {QStringLiteral("self_notifications"), QT_TRANSLATE_NOOP("FieldLabels", "Client's own notifications")},
        {QStringLiteral("confidential"), QT_TRANSLATE_NOOP("FieldLabels", "Confidential communications")},
        {QStringLiteral("confidential_reason"), QT_TRANSLATE_NOOP("FieldLabels", "Reason for confidentiality")},
        {QStringLiteral("parent_portal_user_id"), QT_TRANSLATE_NOOP("FieldLabels", "Parent portal")},
        {QStringLiteral("primary_relation_id"), QT_TRANSLATE_NOOP("FieldLabels", "Primary contact")},
        {QStringLiteral("notes"), QT_TRANSLATE_NOOP("FieldLabels", "Notes")},
        {QStringLiteral("relation_type"), QT_TRANSLATE_NOOP("FieldLabels", "Relation type")},
        {QStringLiteral("relationship"), QT_TRANSLATE_NOOP("FieldLabels", "Relationship")},
        {QStringLiteral("notifications"), QT_TRANSLATE_NOOP("FieldLabels", "Notifications")},
        {QStringLiteral("can_manage_appointments"), QT_TRANSLATE_NOOP("FieldLabels", "Can manage appointments")},
        {QStringLiteral("portal_invite"), QT_TRANSLATE_NOOP("FieldLabels", "Portal invitation")},
        {QStringLiteral("permissions"), QT_TRANSLATE_NOOP("FieldLabels", "Portal permissions")},
        {QStringLiteral("custody"), QT_TRANSLATE_NOOP("FieldLabels", "Custody")},
        {QStringLiteral("court_order_ref"), QT_TRANSLATE_NOOP("FieldLabels", "Court order reference")},
        {QStringLiteral("valid_from"), QT_TRANSLATE_NOOP("FieldLabels", "Valid from")},
        {QStringLiteral("valid_until"), QT_TRANSLATE_NOOP("FieldLabels", "Valid until")},
        {QStringLiteral("contact_id"), QT_TRANSLATE_NOOP("FieldLabels", "Person")},
        {QStringLiteral("related_client_id"), QT_TRANSLATE_NOOP("FieldLabels", "Person")},
        {QStringLiteral("deleted"), QT_TRANSLATE_NOOP("FieldLabels", "Restored")},
    };
    const auto it = labels.constFind(column);
    return it == labels.cend() ? column : QCoreApplication::translate("FieldLabels", *it);
}

QString fieldLabels(const QStringList& columns)
{
    QStringList out;
    for (const QString& c : columns)
        if (const QString label = fieldLabel(c); !out.contains(label))
            out << label;
    return out.join(QStringLiteral(", "));
}

} // namespace pd
