#pragma once

#include "core/Relation.h"

#include <QAbstractTableModel>
#include <QDate>

namespace pd {

// The Contacts & relations table of a client (C2–C7, C10, P1/P2): the client itself in the
// first row, so its own notifications can be switched off (C4), then each of its people
// with relation type, relationship, notification toggles, portal access, the primary-contact
// marker (C7) and validity. Read-only: the editor changes its data and calls setPeople.
class PeopleModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        TypeColumn,
        RelationshipColumn,
        NotificationsColumn,
        PortalColumn,
        PrimaryColumn,
        ValidityColumn,
        ColumnCount
    };
    enum Role {
        PersonIndexRole = Qt::UserRole + 1, // index into the people list; -1 for the client's own row
        IsPrimaryRole,
    };
    static constexpr int kClientRow = 0;

    explicit PeopleModel(QObject* parent = nullptr);

    void setPeople(const Client& client, const QList<RelatedPerson>& people, const QDate& today);
    // -1 for the client's own row (or an invalid row), else the index into the people list.
    int personIndex(int row) const;
    int rowForPerson(int personIndex) const { return personIndex + 1; }
    // The person every message goes to when the client has no email or phone (C7), -1 if none.
    int primaryPerson() const { return m_primary; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Reminders, confirmations" / "None": used by the table and the relation dialog.
    static QString togglesSummary(NotifyToggles toggles);
    static QString portalSummary(const Relation& relation);
    static QString validitySummary(const Relation& relation, const QDate& today);

private:
    Client m_client;
    QList<RelatedPerson> m_people;
    QDate m_today;
    int m_primary = -1;
};

} // namespace pd
