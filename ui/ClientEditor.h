#pragma once

#include "core/PortalSettings.h"
#include "storage/ClientService.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace pd {

class FieldErrors;
class PeopleModel;
class Store;
class TimelineModel;

// The client profile editor (D1), also used for a new client: Overview & demographics,
// Contacts & relations, Portal and Timeline tabs. Nothing is written until Save, which
// saves the client, its people and its portal overrides in one change set under the shared
// rules (storage/ClientService); a refusal is shown beside the field it is about, on its
// tab. Cancel drops every change (after asking, when there are changes).
//
// Sub-dialogs (contact, link client, portal access) open window-modal with open(), never
// with a nested event loop; their results are applied when they are accepted.
class ClientEditor : public QDialog
{
    Q_OBJECT
public:
    enum Tab { OverviewTab, PeopleTab, PortalTab, TimelineTab };

    // clientId empty: a new client.
    ClientEditor(Store& store, const QString& clientId, QWidget* parent = nullptr);
    ~ClientEditor() override;

    // Reads the client; false (with loadError()) when it cannot be read.
    bool load();
    QString loadError() const { return m_loadError; }
    QString clientId() const { return m_client.meta.id; }
    bool isDirty() const { return m_dirty; }

    // Saves and closes; on refusal the editor stays open with the reason beside the field.
    void save();
    void reject() override; // asks before dropping changes

    // Contacts & relations actions; row is a row of peopleModel() (0 is the client itself).
    void addContact();
    void linkClient();
    void editPerson(int row);
    void editPermissions(int row);
    void revokePortalAccess(int row);
    void makePrimary(int row);
    void convertToClient(int row);
    void removePerson(int row);
    void choosePortalParent();
    void endParentPortal();
    void previewRouting();

    // For tests and accessibility checks.
    QTabWidget* tabs() const { return m_tabs; }
    QLineEdit* firstNameField() const { return m_first; }
    QLineEdit* lastNameField() const { return m_last; }
    QLineEdit* emailField() const { return m_email; }
    QLineEdit* phoneField() const { return m_phone; }
    QCheckBox* minorBox() const { return m_minor; }
    QComboBox* preferredMethodField() const { return m_method; }
    QComboBox* primaryContactField() const { return m_primary; }
    QTableView* peopleTable() const { return m_peopleView; }
    PeopleModel* peopleModel() const { return m_people.get(); }
    TimelineModel* timelineModel() const { return m_timeline.get(); }
    QLabel* errorLabel(const QString& field) const { return m_errorLabels.value(field); }
    QCheckBox* portalSettingBox(PortalSetting setting) const { return m_portalBoxes.value(setting); }
    QLabel* portalParentLabel() const { return m_portalParent; }
    QMenu* actionsMenu() const { return m_actions; }
    const QList<PersonDraft>& drafts() const { return m_drafts; }

signals:
    void saved(const QString& clientId);

private:
    void buildOverviewTab();
    void buildPeopleTab();
    void buildPortalTab();
    void buildTimelineTab();
    void fillFields();
    void setDirty();
    Client clientFromFields(bool forSave, QString* errorField = nullptr, QString* error = nullptr) const;
    void refreshPeople();
    void refreshHeader();
    void refreshPrimaryChoices();
    void refreshMethodWarning();
    void refreshPortalTab();
    void updateActions();
    void showError(const QString& field, const QString& message);
    int currentRow() const;
    QString personName(int personIndex) const;
    Status checkPortalAccess(int personIndex, const Relation& relation) const;
    void editOwnNotifications();
    template <typename Dialog> Dialog* openChild(Dialog* dialog);

    Store& m_store;
    ClientService m_service;
    OrganizationSettings m_org;
    Client m_client;
    QList<PersonDraft> m_drafts;
    QList<RelatedPerson> m_resolved;
    QStringList m_removed;
    QMap<QString, QString> m_overrides;
    bool m_isNew = true;
    bool m_dirty = false;
    bool m_filling = false;
    QString m_loadError;

    QLabel* m_header = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLineEdit* m_first = nullptr;
    QLineEdit* m_last = nullptr;
    QDateEdit* m_birth = nullptr;
    QCheckBox* m_minor = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_phone = nullptr;
    QComboBox* m_method = nullptr;
    QComboBox* m_primary = nullptr;
    QLabel* m_primaryNote = nullptr;
    QLabel* m_methodWarning = nullptr; // the client's own details do not fit the method
    QCheckBox* m_confidential = nullptr;
    QLineEdit* m_confidentialReason = nullptr;
    QPlainTextEdit* m_notes = nullptr;
    QLabel* m_noteCount = nullptr;
    std::unique_ptr<PeopleModel> m_people;
    QTableView* m_peopleView = nullptr;
    QMenu* m_actions = nullptr;
    QHash<QString, QAction*> m_actionByName;
    QHash<PortalSetting, QCheckBox*> m_portalBoxes;
    QHash<PortalSetting, QLabel*> m_portalReasons;
    QLabel* m_portalParent = nullptr;
    QPushButton* m_endParentPortal = nullptr;
    std::unique_ptr<TimelineModel> m_timeline;
    QPushButton* m_saveButton = nullptr;
    std::unique_ptr<FieldErrors> m_errors;
    QHash<QString, QLabel*> m_errorLabels;
    QHash<QString, int> m_fieldTab;
};

} // namespace pd
