#include "storage/RelationRepository.h"

#include "core/Ids.h"
#include "core/RelationTypes.h"
#include "core/Text.h"
#include "storage/Columns.h"
#include "storage/FieldLabels.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace pd {

namespace {

const QString kRelationColumns = QStringLiteral(
    "r.id, r.client_id, r.contact_id, r.related_client_id, r.relation_type, r.relationship, r.notifications, "
    "r.can_manage_appointments, r.portal_invite, r.permissions, r.custody, r.court_order_ref, r.valid_from, "
    "r.valid_until, r.version, r.hlc, r.deleted");

Relation relationFrom(const QSqlQuery& q)
{
    Relation r;
    r.meta.id = q.value(0).toString();
    r.clientId = q.value(1).toString();
    r.contactId = q.value(2).toString();
    r.relatedClientId = q.value(3).toString();
    r.type = relationTypeFromKey(q.value(4).toString()).value_or(RelationType::Other);
    r.relationshipText = q.value(5).toString();
    r.notifications = NotifyToggles::fromInt(q.value(6).toInt());
    r.canManageAppointments = q.value(7).toBool();
    r.portalInvite = q.value(8).toBool();
    r.permissions = PortalPermissions::fromInt(q.value(9).toInt());
    r.custody = custodyFromKey(q.value(10).toString());
    r.courtOrderRef = q.value(11).toString();
    r.validFrom = QDate::fromString(q.value(12).toString(), Qt::ISODate);
    r.validUntil = QDate::fromString(q.value(13).toString(), Qt::ISODate);
    r.meta.version = q.value(14).toLongLong();
    r.meta.hlc = q.value(15).toString();
    r.meta.deleted = q.value(16).toBool();
    return r;
}

Error notFound()
{
    return Error::make(Error::Kind::NotFound, QCoreApplication::translate("RelationRepository", "No such relation."));
}

} // namespace

QString custodyKey(Custody c)
{
    switch (c) {
    case Custody::Joint:
        return QStringLiteral("joint");
    case Custody::Sole:
        return QStringLiteral("sole");
    case Custody::None:
        break;
    }
    return QStringLiteral("none");
}

Custody custodyFromKey(const QString& key)
{
    if (key == QLatin1String("joint"))
        return Custody::Joint;
    if (key == QLatin1String("sole"))
        return Custody::Sole;
    return Custody::None;
}

Result<QList<RelatedPerson>> RelationRepository::query(const QString& where, const QVariant& bound)
{
    QSqlQuery* q = m_cache.get(QStringLiteral("SELECT %1, COALESCE(ct.first_name, rc.first_name, ''), "
                                              "COALESCE(ct.last_name, rc.last_name, ''), COALESCE(ct.email, rc.email, "
                                              "''), COALESCE(ct.phone, rc.mobile_phone, '') FROM relations r LEFT JOIN "
                                              "contacts ct ON ct.id = r.contact_id LEFT JOIN clients rc ON rc.id = "
                                              "r.related_client_id WHERE %2 AND r.deleted = 0 ORDER BY r.created_at, "
                                              "r.rowid")
                                   .arg(kRelationColumns, where));
    if (!q)
        return Error::make(Error::Kind::Internal, m_cache.error());
    q->addBindValue(bound);
    if (!q->exec())
        return writeError(q->lastError());
    QList<RelatedPerson> out;
    while (q->next()) {
        RelatedPerson p;
        p.relation = relationFrom(*q);
        p.firstName = q->value(17).toString();
        p.lastName = q->value(18).toString();
        p.email = q->value(19).toString();
        p.phone = q->value(20).toString();
        p.isClient = !p.relation.relatedClientId.isEmpty();
        out << p;
    }
    q->finish();
    return out;
}

Result<QList<RelatedPerson>> RelationRepository::forClient(const QString& clientId)
{
    return query(QStringLiteral("r.client_id = ?"), clientId);
}

Result<QList<RelatedPerson>> RelationRepository::withEmail(const QString& email)
{
    return query(QStringLiteral("COALESCE(ct.email, rc.email) = ?"), email);
}

Result<Relation> RelationRepository::get(const QString& relationId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM relations r WHERE r.id = ?").arg(kRelationColumns));
    q.addBindValue(relationId);
    if (!q.exec())
        return writeError(q.lastError());
    if (!q.next())
        return notFound();
    return relationFrom(q);
}

Result<Contact> RelationRepository::contact(const QString& contactId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, first_name, last_name, email, phone, version, hlc, deleted FROM contacts "
                             "WHERE id = ?"));
    q.addBindValue(contactId);
    if (!q.exec())
        return writeError(q.lastError());
    if (!q.next())
        return Error::make(Error::Kind::NotFound,
                           QCoreApplication::translate("RelationRepository", "No such contact."));
    Contact c;
    c.meta.id = q.value(0).toString();
    c.firstName = q.value(1).toString();
    c.lastName = q.value(2).toString();
    c.email = q.value(3).toString();
    c.phone = q.value(4).toString();
    c.meta.version = q.value(5).toLongLong();
    c.meta.hlc = q.value(6).toString();
    c.meta.deleted = q.value(7).toBool();
    return c;
}

void RelationRepository::writeColumns(const Contact& c, ColumnSink& out)
{
    out.text(QStringLiteral("first_name"), c.firstName);
    out.text(QStringLiteral("last_name"), c.lastName);
    out.text(QStringLiteral("email"), c.email);
    out.text(QStringLiteral("phone"), c.phone);
}

void RelationRepository::writeColumns(const Relation& r, ColumnSink& out)
{
    out.text(QStringLiteral("client_id"), r.clientId);
    out.textOrNull(QStringLiteral("contact_id"), r.contactId);
    out.textOrNull(QStringLiteral("related_client_id"), r.relatedClientId);
    out.text(QStringLiteral("relation_type"), relationTypeKey(r.type));
    out.text(QStringLiteral("relationship"), text::clean(r.relationshipText));
    out.integer(QStringLiteral("notifications"), r.notifications.toInt());
    out.flag(QStringLiteral("can_manage_appointments"), r.canManageAppointments);
    out.flag(QStringLiteral("portal_invite"), r.portalInvite);
    out.integer(QStringLiteral("permissions"), r.permissions.toInt());
    out.text(QStringLiteral("custody"), custodyKey(r.custody));
    out.text(QStringLiteral("court_order_ref"), r.courtOrderRef);
    out.date(QStringLiteral("valid_from"), r.validFrom);
    out.date(QStringLiteral("valid_until"), r.validUntil);
}

QVariantMap RelationRepository::columnsOf(const Contact& c)
{
    ColumnMap columns;
    writeColumns(c, columns);
    return columns.map;
}

QVariantMap RelationRepository::columnsOf(const Relation& r)
{
    ColumnMap columns;
    writeColumns(r, columns);
    return columns.map;
}

QString RelationRepository::addedSummary(const Contact& c)
{
    return QCoreApplication::translate("RelationRepository", "Contact %1 added").arg(c.displayName());
}

QString RelationRepository::addedSummary(const Relation& r)
{
    return QCoreApplication::translate("RelationRepository", "Relation added (%1)").arg(relationTypeLabel(r.type));
}

Status RelationRepository::saveContact(ChangeSet& cs, Contact& c, const QString& clientId, bool knownNew)
{
    if (c.meta.id.isEmpty()) {
        c.meta.id = newId();
        knownNew = true;
    }
    c.firstName = text::clean(c.firstName);
    c.lastName = text::clean(c.lastName);
    RowWriter writer(m_cache);
    auto outcome = writer.write(cs, QStringLiteral("contacts"), c.meta.id, columnsOf(c), knownNew);
    if (!outcome)
        return outcome.error();
    if (outcome->changed.isEmpty())
        return {};
    c.meta.hlc = cs.hlc();
    return cs.recordUpsert(
        QStringLiteral("contact"), c.meta.id, c.meta.version, outcome->changed, outcome->inserted, clientId,
        outcome->inserted
            ? addedSummary(c)
            : QCoreApplication::translate("RelationRepository", "Contact %1 changed").arg(c.displayName()));
}

Status RelationRepository::save(ChangeSet& cs, Relation& r, bool knownNew)
{
    if (r.contactId.isEmpty() == r.relatedClientId.isEmpty())
        return Error::invalid(QCoreApplication::translate(
            "RelationRepository", "A relation must point at exactly one contact or one client."));
    if (r.relatedClientId == r.clientId)
        return Error::invalid(
            QCoreApplication::translate("RelationRepository", "A client cannot be related to themselves."));
    if (r.meta.id.isEmpty()) {
        r.meta.id = newId();
        knownNew = true;
    }
    RowWriter writer(m_cache);
    auto outcome = writer.write(cs, QStringLiteral("relations"), r.meta.id, columnsOf(r), knownNew);
    if (!outcome)
        return outcome.error();
    if (outcome->changed.isEmpty())
        return {};
    r.meta.hlc = cs.hlc();
    const QString summary = outcome->inserted
                                ? addedSummary(r)
                                : QCoreApplication::translate("RelationRepository", "Relation changed: %1")
                                      .arg(fieldLabels(outcome->changed.keys()));
    return cs.recordUpsert(QStringLiteral("relation"), r.meta.id, r.meta.version, outcome->changed, outcome->inserted,
                           r.clientId, summary);
}

Status RelationRepository::remove(ChangeSet& cs, const QString& relationId)
{
    auto r = get(relationId);
    if (!r)
        return r.error();
    RowWriter writer(m_cache);
    if (Status s = writer.tombstone(cs, QStringLiteral("relations"), relationId); !s)
        return s;
    return cs.recordDelete(QStringLiteral("relation"), relationId, r->meta.version, r->clientId,
                           QCoreApplication::translate("RelationRepository", "Relation removed"));
}

} // namespace pd
