#pragma once

#include "storage/ClientService.h"

#include <QDate>
#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace pd {

class FieldErrors;
class NotificationTogglesBox;

// Adds or edits one of a client's people (C2, C5, C10): the person's details (read-only for
// a linked client, whose details come from its own profile, C3), relation type,
// relationship, notification toggles with the reason they cannot take effect, "can manage
// appointments", custody and valid-from/until. A new relation takes the defaults of the type
// chosen (P1). Email and phone are checked and normalized beside their fields on OK.
class RelationDialog : public QDialog
{
    Q_OBJECT
public:
    struct Context
    {
        ContactMethod preferredMethod = ContactMethod::Email; // the client's (C5)
        QDate today;
        QString defaultCountryCode = QStringLiteral("1");
    };

    // person carries the details shown for a linked client (person.isClient).
    RelationDialog(const PersonDraft& draft, const RelatedPerson& person, const Context& context, bool isNew,
                   QWidget* parent = nullptr);
    ~RelationDialog() override;

    PersonDraft draft() const { return m_draft; }

    void accept() override;

    QLineEdit* firstNameField() const { return m_first; }
    QLineEdit* lastNameField() const { return m_last; }
    QLineEdit* emailField() const { return m_email; }
    QLineEdit* phoneField() const { return m_phone; }
    QComboBox* typeField() const { return m_type; }
    QLineEdit* relationshipField() const { return m_relationship; }
    NotificationTogglesBox* togglesBox() const { return m_toggles; }
    QCheckBox* manageAppointmentsBox() const { return m_manage; }
    QComboBox* custodyField() const { return m_custody; }
    QCheckBox* validFromBox() const { return m_hasFrom; }
    QDateEdit* validFromField() const { return m_from; }
    QCheckBox* validUntilBox() const { return m_hasUntil; }
    QDateEdit* validUntilField() const { return m_until; }
    QLabel* errorLabel(const QString& field) const;

private:
    void typeChanged();
    void updateBlockReason();
    RelatedPerson personFromFields() const;

    PersonDraft m_draft;
    RelatedPerson m_person;
    Context m_context;
    bool m_isNew = false;
    QLineEdit* m_first = nullptr;
    QLineEdit* m_last = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_phone = nullptr;
    QComboBox* m_type = nullptr;
    QLineEdit* m_relationship = nullptr;
    NotificationTogglesBox* m_toggles = nullptr;
    QCheckBox* m_manage = nullptr;
    QComboBox* m_custody = nullptr;
    QLineEdit* m_courtOrder = nullptr;
    QCheckBox* m_hasFrom = nullptr;
    QDateEdit* m_from = nullptr;
    QCheckBox* m_hasUntil = nullptr;
    QDateEdit* m_until = nullptr;
    std::unique_ptr<FieldErrors> m_errors;
    QHash<QString, QLabel*> m_errorLabels;
};

} // namespace pd
