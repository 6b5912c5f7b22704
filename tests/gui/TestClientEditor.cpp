// The client profile editor driven through its real widgets on the offscreen platform, over
// a real encrypted store: what a front-desk worker does, and what they see when a rule
// refuses it.
#include "core/PortalPolicy.h"
#include "core/RelationTypes.h"
#include "models/PeopleModel.h"
#include "models/TimelineModel.h"
#include "storage/ClientService.h"
#include "storage/DemoData.h"
#include "tests/gui/Screenshot.h"
#include "tests/testsupport/FileSizeLimit.h"
#include "tests/testsupport/TemporaryStore.h"
#include "ui/ClientEditor.h"
#include "ui/LinkClientDialog.h"
#include "ui/NotificationTogglesBox.h"
#include "ui/PermissionDialog.h"
#include "ui/RelationDialog.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace pd;

namespace {

// The sub-dialog the editor just opened (dialogs open with open(), so they exist at once).
template <typename T> T* openDialog(QWidget* parent)
{
    const auto all = parent->findChildren<T*>();
    for (auto it = all.crbegin(); it != all.crend(); ++it)
        if ((*it)->isVisible())
            return *it;
    return nullptr;
}

void chooseType(RelationDialog* d, RelationType type)
{
    d->typeField()->setCurrentIndex(d->typeField()->findData(static_cast<int>(type)));
}

void clickButton(QMessageBox* box, QMessageBox::StandardButton which)
{
    QVERIFY(box);
    box->button(which)->click();
}

qint64 count(Store& store, const QString& sql)
{
    QSqlQuery q(store.sql());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

class TestClientEditor : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TemporaryStore> m_fixture;

    Store& store() { return m_fixture->store(); }

    // Adds a contact through the Add contact dialog as a person would.
    void addContact(ClientEditor& editor, const QString& first, const QString& last, const QString& email,
                    RelationType type)
    {
        editor.addContact();
        auto* d = openDialog<RelationDialog>(&editor);
        QVERIFY(d);
        QTest::keyClicks(d->firstNameField(), first);
        QTest::keyClicks(d->lastNameField(), last);
        QTest::keyClicks(d->emailField(), email);
        chooseType(d, type);
        d->accept();
        QVERIFY(!d->isVisible());
    }

    QString saveNew(ClientEditor& editor)
    {
        QSignalSpy saved(&editor, &ClientEditor::saved);
        editor.save();
        if (saved.count() != 1)
            return {};
        return saved.at(0).at(0).toString();
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<test::TemporaryStore>();
        QVERIFY(m_fixture->isValid());
    }

    void minorWithoutGuardianIsRefusedThenSavedWithOne()
    {
        ClientEditor editor(store(), {});
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QVERIFY(editor.windowTitle().contains(QLatin1String("PracticeDesk")));
        QTest::keyClicks(editor.firstNameField(), QStringLiteral("Lucia"));
        QTest::keyClicks(editor.lastNameField(), QStringLiteral("Perez"));
        QTest::keyClicks(editor.emailField(), QStringLiteral("lucia@example.com"));
        editor.minorBox()->setChecked(true);
        QVERIFY(editor.isDirty());

        // An emergency contact is not a guardian.
        addContact(editor, QStringLiteral("Tio"), QStringLiteral("Perez"), QString(), RelationType::EmergencyContact);
        QSignalSpy saved(&editor, &ClientEditor::saved);
        editor.save();
        QCOMPARE(saved.count(), 0);
        QVERIFY(editor.isVisible());
        QLabel* error = editor.errorLabel(QStringLiteral("isMinor"));
        QVERIFY(error && error->isVisible());
        QVERIFY2(error->text().contains(QLatin1String("Legal Guardian")), qPrintable(error->text()));
        QCOMPARE(editor.tabs()->currentIndex(), int(ClientEditor::OverviewTab));
        QCOMPARE(count(store(), QStringLiteral("SELECT count(*) FROM clients")), 0);

        addContact(editor, QStringLiteral("Marta"), QStringLiteral("Perez"), QStringLiteral("marta@example.com"),
                   RelationType::LegalGuardian);
        editor.save();
        QCOMPARE(saved.count(), 1);
        QVERIFY(!editor.isVisible());
        const QString id = saved.at(0).at(0).toString();

        ClientEditor reopened(store(), id);
        QVERIFY(reopened.load());
        QVERIFY(reopened.minorBox()->isChecked());
        QCOMPARE(reopened.peopleModel()->rowCount(), 3); // the client itself and two people
        QStringList types;
        for (int row = 1; row < 3; ++row)
            types << reopened.peopleModel()->index(row, PeopleModel::TypeColumn).data().toString();
        QVERIFY(types.contains(relationTypeLabel(RelationType::LegalGuardian)));
        QVERIFY(!reopened.isDirty());
    }

    void contactTogglesAndPermissionsPersistAcrossReopening()
    {
        ClientEditor editor(store(), {});
        QTest::keyClicks(editor.firstNameField(), QStringLiteral("Sam"));
        QTest::keyClicks(editor.emailField(), QStringLiteral("sam@example.com"));
        editor.addContact();
        auto* d = openDialog<RelationDialog>(&editor);
        QVERIFY(d);
        QTest::keyClicks(d->firstNameField(), QStringLiteral("Robin"));
        QTest::keyClicks(d->phoneField(), QStringLiteral("(555) 010-2233"));
        chooseType(d, RelationType::ResponsibleParty);
        QTest::keyClicks(d->relationshipField(), QStringLiteral("stepfather"));
        d->togglesBox()->checkBox(NotifyToggle::Reminders)->setChecked(true);
        d->togglesBox()->checkBox(NotifyToggle::TelehealthLinks)->setChecked(false);
        // The client prefers email and Robin has only a phone: the dialog says why the
        // toggles cannot take effect.
        QVERIFY(!d->togglesBox()->blockReason().isEmpty());
        d->accept();

        // Portal: Robin has no email, so the invitation is refused with the reason.
        editor.peopleTable()->selectRow(1);
        editor.editPermissions(1);
        auto* p = openDialog<PermissionDialog>(&editor);
        QVERIFY(p);
        p->inviteBox()->setChecked(true);
        p->accept();
        QVERIFY(p->isVisible());
        QVERIFY(p->errorLabel()->isVisible());
        QVERIFY(p->errorLabel()->text().contains(QLatin1String("email")));
        p->inviteBox()->setChecked(false);
        p->permissionBox(PortalPermission::ManageBilling)->setChecked(true);
        p->permissionBox(PortalPermission::ViewDocuments)->setChecked(false);
        p->accept();
        QVERIFY(!p->isVisible());

        const QString id = saveNew(editor);
        QVERIFY(!id.isEmpty());

        ClientEditor reopened(store(), id);
        QVERIFY(reopened.load());
        QCOMPARE(reopened.drafts().size(), 1);
        const PersonDraft& robin = reopened.drafts().at(0);
        QCOMPARE(robin.contact.firstName, QStringLiteral("Robin"));
        QCOMPARE(robin.contact.phone, QStringLiteral("+15550102233"));
        QCOMPARE(robin.relation.type, RelationType::ResponsibleParty);
        QCOMPARE(robin.relation.relationshipText, QStringLiteral("stepfather"));
        QVERIFY(robin.relation.notifications.testFlag(NotifyToggle::Reminders));
        QVERIFY(!robin.relation.notifications.testFlag(NotifyToggle::TelehealthLinks));
        QVERIFY(robin.relation.permissions.testFlag(PortalPermission::ManageBilling));
        QVERIFY(!robin.relation.permissions.testFlag(PortalPermission::ViewDocuments));
        QVERIFY(!robin.relation.portalInvite);
        // The table says what Robin gets, and that it cannot reach him by email.
        const QString notifications =
            reopened.peopleModel()->index(1, PeopleModel::NotificationsColumn).data().toString();
        QVERIFY2(notifications.contains(QLatin1String("cannot receive")), qPrintable(notifications));
    }

    void linkingAnExistingClientShowsTheirCurrentDetails()
    {
        QVERIFY(m_fixture->addClients({QStringLiteral("Omar Haddad"), QStringLiteral("Zoë Åberg")}));
        ClientEditor editor(store(), {});
        QTest::keyClicks(editor.firstNameField(), QStringLiteral("Yara"));
        QTest::keyClicks(editor.lastNameField(), QStringLiteral("Haddad"));
        editor.linkClient();
        auto* link = openDialog<LinkClientDialog>(&editor);
        QVERIFY(link);
        QTest::keyClicks(link->searchField(), QStringLiteral("hadd"));
        QCOMPARE(link->table()->model()->rowCount(), 1);
        QTest::keyClick(link->searchField(), Qt::Key_Return);
        QVERIFY(!link->isVisible());
        auto* d = openDialog<RelationDialog>(&editor);
        QVERIFY(d);
        QCOMPARE(d->firstNameField()->text(), QStringLiteral("Omar"));
        QVERIFY(d->emailField()->isReadOnly());
        chooseType(d, RelationType::Parent);
        d->accept();
        // Yara has no email or phone: Omar, reachable by email, becomes her primary contact (C7).
        QCOMPARE(editor.peopleModel()->index(1, PeopleModel::PrimaryColumn).data().toString(),
                 QStringLiteral("Primary contact"));
        const QString id = saveNew(editor);
        QVERIFY(!id.isEmpty());

        // Omar's email changes in his own profile; Yara's list shows the new one (C3).
        auto omar = store().clients().search(QStringLiteral("omar"), 1);
        QVERIFY(omar && omar->size() == 1);
        auto omarClient = store().clients().get(omar->at(0).id);
        QVERIFY(omarClient.ok());
        Client changed = *omarClient;
        changed.email = QStringLiteral("omar.new@example.com");
        QList<PersonDraft> none;
        QVERIFY(ClientService(store()).save(changed, none).ok());
        ClientEditor reopened(store(), id);
        QVERIFY(reopened.load());
        QCOMPARE(reopened.peopleModel()->index(1, PeopleModel::NameColumn).data().toString(),
                 QStringLiteral("Omar Haddad (client)"));
        QVERIFY(reopened.primaryContactField()->currentText().contains(QLatin1String("Omar")));
    }

    void clientCannotLinkItself()
    {
        QVERIFY(m_fixture->addClients({QStringLiteral("Ana García")}));
        auto ana = store().clients().search(QStringLiteral("ana"), 1);
        QVERIFY(ana && ana->size() == 1);
        ClientEditor editor(store(), ana->at(0).id);
        QVERIFY(editor.load());
        editor.linkClient();
        auto* link = openDialog<LinkClientDialog>(&editor);
        QTest::keyClicks(link->searchField(), QStringLiteral("ana"));
        link->accept();
        QVERIFY(link->isVisible());
        QVERIFY(link->findChild<QLabel*>(QStringLiteral("linkError"))->text().contains(QLatin1String("editing")));
    }

    void parentPortalConflictIsRefused()
    {
        QVERIFY(m_fixture->addClients({QStringLiteral("Paula Reyes")}));
        ClientEditor editor(store(), {});
        QTest::keyClicks(editor.firstNameField(), QStringLiteral("Nico"));
        QTest::keyClicks(editor.lastNameField(), QStringLiteral("Reyes"));
        QTest::keyClicks(editor.emailField(), QStringLiteral("nico@example.com"));
        // Paula runs Nico's portal (PP1)…
        editor.choosePortalParent();
        auto* link = openDialog<LinkClientDialog>(&editor);
        QTest::keyClicks(link->searchField(), QStringLiteral("paula"));
        link->accept();
        QVERIFY(editor.portalParentLabel()->text().contains(QLatin1String("Paula Reyes")));
        // …and is also linked as a contact; giving her portal permissions is refused (PP2).
        editor.linkClient();
        link = openDialog<LinkClientDialog>(&editor);
        QTest::keyClicks(link->searchField(), QStringLiteral("paula"));
        link->accept();
        auto* d = openDialog<RelationDialog>(&editor);
        chooseType(d, RelationType::Parent);
        d->accept();
        editor.editPermissions(1);
        auto* p = openDialog<PermissionDialog>(&editor);
        QVERIFY(p);
        p->permissionBox(PortalPermission::ViewForms)->setChecked(true);
        p->accept();
        QVERIFY(p->isVisible());
        QVERIFY(p->errorLabel()->isVisible());
        QVERIFY2(p->errorLabel()->text().contains(QLatin1String("Paula")), qPrintable(p->errorLabel()->text()));
        p->reject();
        const PersonDraft paula = editor.drafts().at(0);
        QVERIFY(!paula.relation.portalInvite);
        QCOMPARE(paula.relation.permissions, PortalPermissions());
    }

    void clientWithoutEmailOrPhoneNeedsAndShowsPrimaryContact()
    {
        ClientEditor editor(store(), {});
        editor.show();
        QTest::keyClicks(editor.firstNameField(), QStringLiteral("Wei"));
        QTest::keyClicks(editor.lastNameField(), QStringLiteral("Chen"));
        QSignalSpy saved(&editor, &ClientEditor::saved);
        editor.save();
        QCOMPARE(saved.count(), 0);
        QVERIFY(editor.errorLabel(QStringLiteral("email"))->isVisible());
        QVERIFY(editor.errorLabel(QStringLiteral("email"))->text().contains(QLatin1String("primary contact")));

        addContact(editor, QStringLiteral("Li"), QStringLiteral("Chen"), QStringLiteral("li@example.com"),
                   RelationType::Parent);
        addContact(editor, QStringLiteral("Mei"), QStringLiteral("Chen"), QStringLiteral("mei@example.com"),
                   RelationType::LegalGuardian);
        // The guardian is preferred; staff can choose someone else.
        QCOMPARE(editor.peopleModel()->index(2, PeopleModel::PrimaryColumn).data().toString(),
                 QStringLiteral("Primary contact"));
        editor.peopleTable()->selectRow(1);
        editor.makePrimary(1);
        QCOMPARE(editor.peopleModel()->index(1, PeopleModel::PrimaryColumn).data().toString(),
                 QStringLiteral("Primary contact"));
        QVERIFY(editor.primaryContactField()->currentText().contains(QLatin1String("Li Chen")));
        editor.save();
        QCOMPARE(saved.count(), 1);

        ClientEditor reopened(store(), saved.at(0).at(0).toString());
        QVERIFY(reopened.load());
        QVERIFY(reopened.primaryContactField()->isEnabled());
        QVERIFY(reopened.primaryContactField()->currentText().contains(QLatin1String("Li Chen")));
        QVERIFY(reopened.findChild<QLabel*>(QStringLiteral("primaryContactNote"))
                    ->text()
                    .contains(QLatin1String("Li Chen")));
    }

    void badEmailAndPhoneAreShownBesideTheField()
    {
        ClientEditor editor(store(), {});
        editor.show();
        QTest::keyClicks(editor.firstNameField(), QStringLiteral("Eve"));
        QTest::keyClicks(editor.emailField(), QStringLiteral("eve@@example"));
        editor.save();
        QVERIFY(editor.isVisible());
        QVERIFY(editor.errorLabel(QStringLiteral("email"))->isVisible());
        editor.emailField()->clear();
        QTest::keyClicks(editor.phoneField(), QStringLiteral("12"));
        editor.save();
        QVERIFY(editor.errorLabel(QStringLiteral("mobilePhone"))->isVisible());
        QVERIFY(!editor.errorLabel(QStringLiteral("email"))->isVisible());
        QCOMPARE(count(store(), QStringLiteral("SELECT count(*) FROM clients")), 0);

        // In the contact dialog too, and the dialog stays open with what was typed.
        editor.addContact();
        auto* d = openDialog<RelationDialog>(&editor);
        QTest::keyClicks(d->emailField(), QStringLiteral("not an email"));
        d->accept();
        QVERIFY(d->isVisible());
        QVERIFY(d->errorLabel(QStringLiteral("contactEmail"))->isVisible());
        QCOMPARE(d->emailField()->text(), QStringLiteral("not an email"));
        // A relation cannot end before it starts.
        d->emailField()->clear();
        d->validFromBox()->setChecked(true);
        d->validFromField()->setDate(QDate(2026, 3, 1));
        d->validUntilBox()->setChecked(true);
        d->validUntilField()->setDate(QDate(2026, 2, 1));
        d->accept();
        QVERIFY(d->isVisible());
        QVERIFY(d->errorLabel(QStringLiteral("validUntil"))->isVisible());
        QVERIFY(!d->errorLabel(QStringLiteral("contactEmail"))->isVisible());
        d->validUntilField()->setDate(QDate(2026, 4, 1));
        d->accept();
        QVERIFY(!d->isVisible());
        QCOMPARE(editor.drafts().size(), 1);
        QCOMPARE(editor.drafts().at(0).relation.validUntil, QDate(2026, 4, 1));
    }

    // The drive refuses the write (it failed, filled up or was unplugged): the editor stays
    // open with everything typed, says why and what to do, and saves it all once the drive
    // works again.
    void aSaveTheDriveRefusesKeepsEverythingTyped()
    {
#ifndef Q_OS_UNIX
        QSKIP("Needs RLIMIT_FSIZE (POSIX) to make the drive refuse the write.");
#else
        ClientEditor editor(store(), {});
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QTest::keyClicks(editor.firstNameField(), QStringLiteral("Lucia"));
        QTest::keyClicks(editor.lastNameField(), QStringLiteral("Perez"));
        QTest::keyClicks(editor.emailField(), QStringLiteral("lucia@example.com"));
        addContact(editor, QStringLiteral("Marta"), QStringLiteral("Perez"), QStringLiteral("marta@example.com"),
                   RelationType::Parent);
        QSignalSpy saved(&editor, &ClientEditor::saved);
        {
            test::FileSizeLimit refused;
            QVERIFY(refused.limit(0));
            editor.save();
        }
        QCOMPARE(saved.count(), 0);
        QVERIFY(editor.isVisible());
        QVERIFY(editor.isDirty());
        QLabel* error = editor.errorLabel(QString());
        QVERIFY(error && error->isVisible());
        QVERIFY2(error->text().contains(QLatin1String("the change was not saved")) &&
                     error->text().contains(QLatin1String("then save again")),
                 qPrintable(error->text()));
        test::screenshot(&editor, QStringLiteral("editor-save-refused"));
        QCOMPARE(editor.firstNameField()->text(), QStringLiteral("Lucia"));
        QCOMPARE(editor.emailField()->text(), QStringLiteral("lucia@example.com"));
        QCOMPARE(editor.drafts().size(), 1);
        QCOMPARE(count(store(), QStringLiteral("SELECT count(*) FROM clients")), 0);
        QCOMPARE(count(store(), QStringLiteral("SELECT count(*) FROM outbox")), 0);

        // The drive is back: the same Save stores all of it.
        editor.save();
        QCOMPARE(saved.count(), 1);
        QVERIFY(!editor.isVisible());
        ClientEditor reopened(store(), saved.at(0).at(0).toString());
        QVERIFY(reopened.load());
        QCOMPARE(reopened.firstNameField()->text(), QStringLiteral("Lucia"));
        QCOMPARE(reopened.peopleModel()->rowCount(), 2); // the client itself and Marta
#endif
    }

    // A client typed with only a mobile phone while the method is still Email would receive
    // nothing: the editor says so beside the method, and the warning goes once the method
    // or the details fit. It does not stop the save.
    void aClientTheMethodCannotReachIsWarned()
    {
        ClientEditor editor(store(), {});
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        auto* warning = editor.findChild<QLabel*>(QStringLiteral("preferredMethodWarning"));
        QVERIFY(warning);
        QTest::keyClicks(editor.firstNameField(), QStringLiteral("Bo"));
        QVERIFY(!warning->isVisible()); // neither yet: C7's primary contact is the editor's concern
        QTest::keyClicks(editor.phoneField(), QStringLiteral("202 555 0111"));
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(QLatin1String("no email address")), qPrintable(warning->text()));
        test::screenshot(&editor, QStringLiteral("editor-method-warning"));

        editor.preferredMethodField()->setCurrentIndex(
            editor.preferredMethodField()->findData(static_cast<int>(ContactMethod::Sms)));
        QVERIFY(!warning->isVisible());
        editor.phoneField()->clear();
        QTest::keyClicks(editor.emailField(), QStringLiteral("bo@example.com"));
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(QLatin1String("no mobile phone")), qPrintable(warning->text()));

        // Saved as it is (a warning, not a refusal); opened again, it warns again.
        const QString id = saveNew(editor);
        QVERIFY(!id.isEmpty());
        ClientEditor reopened(store(), id);
        QVERIFY(reopened.load());
        reopened.show();
        auto* again = reopened.findChild<QLabel*>(QStringLiteral("preferredMethodWarning"));
        QVERIFY(again && again->isVisible());
    }

    void formatCharactersInNamesStayAsTyped()
    {
        QVERIFY(m_fixture->addClients({QStringLiteral("%2%1 %s")}));
        auto c = store().clients().search(QString(), 1);
        QVERIFY(c && c->size() == 1);
        ClientEditor editor(store(), c->at(0).id);
        QVERIFY(editor.load());
        QVERIFY2(editor.windowTitle().startsWith(QLatin1String("%s, %2%1 (client ")) ||
                     editor.windowTitle().startsWith(QLatin1String("%2%1 %s (client ")),
                 qPrintable(editor.windowTitle()));
    }

    void cancelAsksAndDiscardsEverything()
    {
        QVERIFY(m_fixture->addClients({QStringLiteral("Ana García")}));
        auto ana = store().clients().search(QStringLiteral("ana"), 1);
        ClientEditor editor(store(), ana->at(0).id);
        QVERIFY(editor.load());
        editor.show();
        QVERIFY(!editor.isWindowModified());
        editor.lastNameField()->clear();
        QTest::keyClicks(editor.lastNameField(), QStringLiteral("Changed"));
        QVERIFY(editor.isDirty());
        QVERIFY(editor.isWindowModified());
        editor.reject();
        auto* ask = openDialog<QMessageBox>(&editor);
        QVERIFY(ask);
        clickButton(ask, QMessageBox::Cancel); // keep editing
        QVERIFY(editor.isVisible());
        editor.reject();
        clickButton(openDialog<QMessageBox>(&editor), QMessageBox::Discard);
        QVERIFY(!editor.isVisible());
        QCOMPARE(store().clients().get(ana->at(0).id)->lastName, QStringLiteral("García"));
    }

    void removeAndConvertContacts()
    {
        ClientEditor editor(store(), {});
        QTest::keyClicks(editor.firstNameField(), QStringLiteral("Kai"));
        QTest::keyClicks(editor.emailField(), QStringLiteral("kai@example.com"));
        addContact(editor, QStringLiteral("Ida"), QStringLiteral("Berg"), QStringLiteral("ida@example.com"),
                   RelationType::Parent);
        addContact(editor, QStringLiteral("Ole"), QStringLiteral("Berg"), QStringLiteral("ole@example.com"),
                   RelationType::Sibling);
        const QString id = saveNew(editor);
        QVERIFY(!id.isEmpty());

        ClientEditor reopened(store(), id);
        QVERIFY(reopened.load());
        reopened.show();
        // Convert Ida into a client: one change set, saved at once.
        reopened.peopleTable()->selectRow(1);
        reopened.convertToClient(1);
        clickButton(openDialog<QMessageBox>(&reopened), QMessageBox::Yes);
        QCOMPARE(reopened.peopleModel()->index(1, PeopleModel::NameColumn).data().toString(),
                 QStringLiteral("Ida Berg (client)"));
        auto ida = store().clients().search(QStringLiteral("ida"), 5);
        QVERIFY(ida && ida->size() == 1);

        // Remove Ole, after confirming.
        reopened.peopleTable()->selectRow(2);
        reopened.removePerson(2);
        clickButton(openDialog<QMessageBox>(&reopened), QMessageBox::Cancel);
        QCOMPARE(reopened.drafts().size(), 2);
        reopened.removePerson(2);
        clickButton(openDialog<QMessageBox>(&reopened), QMessageBox::Yes);
        QCOMPARE(reopened.drafts().size(), 1);
        reopened.save();
        auto people = store().relations().forClient(id);
        QVERIFY(people && people->size() == 1);
        QCOMPARE(people->at(0).firstName, QStringLiteral("Ida"));
        QVERIFY(people->at(0).isClient);
    }

    void clientsOwnNotificationsCanBeMuted()
    {
        ClientEditor editor(store(), {});
        QTest::keyClicks(editor.firstNameField(), QStringLiteral("Tom"));
        QTest::keyClicks(editor.emailField(), QStringLiteral("parent@example.com"));
        QCOMPARE(editor.peopleModel()->index(0, PeopleModel::NameColumn).data().toString(),
                 QStringLiteral("Tom (this client)"));
        editor.editPerson(PeopleModel::kClientRow);
        auto* own = openDialog<QDialog>(&editor);
        QVERIFY(own && own->objectName() == QLatin1String("ownNotificationsDialog"));
        auto* box = own->findChild<NotificationTogglesBox*>();
        box->setToggles(NotifyToggle::TelehealthLinks);
        own->accept();
        QCOMPARE(editor.peopleModel()->index(0, PeopleModel::NotificationsColumn).data().toString(),
                 QStringLiteral("Telehealth links"));
        const QString id = saveNew(editor);
        QCOMPARE(store().clients().get(id)->selfNotifications, NotifyToggles(NotifyToggle::TelehealthLinks));
    }

    void portalOverridesPersistAndTimelineShowsChanges()
    {
        ClientEditor editor(store(), {});
        QTest::keyClicks(editor.firstNameField(), QStringLiteral("Rosa"));
        QTest::keyClicks(editor.emailField(), QStringLiteral("rosa@example.com"));
        QCheckBox* messaging = editor.portalSettingBox(PortalSetting::SecureMessaging);
        QVERIFY(messaging->isEnabled());
        messaging->setChecked(false);
        // Payments are off for everyone while card processing is off (S1), with the reason.
        QVERIFY(!editor.portalSettingBox(PortalSetting::ClientPayments)->isEnabled());
        const QString id = saveNew(editor);
        auto overrides = store().settings().clientOverrides(id);
        QVERIFY(overrides.ok());
        QCOMPARE(overrides->value(QStringLiteral("secure_messaging")), QStringLiteral("false"));

        ClientEditor reopened(store(), id);
        QVERIFY(reopened.load());
        QVERIFY(!reopened.portalSettingBox(PortalSetting::SecureMessaging)->isChecked());
        // D5: the timeline shows the change and that the profile was just opened, newest first.
        QVERIFY(reopened.timelineModel()->rowCount() >= 2);
        QCOMPARE(reopened.timelineModel()->index(0, TimelineModel::WhatColumn).data().toString(),
                 QStringLiteral("Profile opened"));
        QCOMPARE(reopened.timelineModel()->index(0, TimelineModel::WhoColumn).data().toString(),
                 QStringLiteral("test"));
        bool created = false;
        for (int row = 0; row < reopened.timelineModel()->rowCount(); ++row)
            created |= reopened.timelineModel()->index(row, TimelineModel::WhatColumn).data().toString() ==
                       QLatin1String("Client created");
        QVERIFY(created);
    }

    // Every screen of the editor with demo data: a minor with a guardian and more people.
    // Run with PD_SCREENSHOT_DIR=DIR to look at them.
    void demoMinorShowsGuardianOnEveryScreen()
    {
        DemoOptions options;
        options.clients = 60;
        QVERIFY(generateDemoData(store(), options).ok());
        QSqlQuery q(store().sql());
        QVERIFY(q.exec(QStringLiteral("SELECT c.id FROM clients c JOIN relations r ON r.client_id = c.id "
                                      "WHERE c.is_minor = 1 GROUP BY c.id ORDER BY count(*) DESC LIMIT 1")));
        QVERIFY(q.next());
        ClientEditor editor(store(), q.value(0).toString());
        QVERIFY(editor.load());
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QVERIFY(editor.minorBox()->isChecked());
        test::screenshot(&editor, QStringLiteral("editor-overview"));
        editor.tabs()->setCurrentIndex(ClientEditor::PeopleTab);
        bool guardian = false;
        for (int row = 1; row < editor.peopleModel()->rowCount(); ++row)
            guardian |= editor.peopleModel()->index(row, PeopleModel::TypeColumn).data().toString() ==
                        relationTypeLabel(RelationType::LegalGuardian);
        QVERIFY(guardian);
        editor.peopleTable()->selectRow(1);
        test::screenshot(&editor, QStringLiteral("editor-contacts"));
        editor.tabs()->setCurrentIndex(ClientEditor::PortalTab);
        test::screenshot(&editor, QStringLiteral("editor-portal"));
        editor.tabs()->setCurrentIndex(ClientEditor::TimelineTab);
        test::screenshot(&editor, QStringLiteral("editor-timeline"));
        editor.tabs()->setCurrentIndex(ClientEditor::PeopleTab);
        editor.editPerson(1);
        auto* d = openDialog<RelationDialog>(&editor);
        QVERIFY(d);
        test::screenshot(d, QStringLiteral("relation-dialog"));
        d->reject();
        editor.editPermissions(1);
        auto* p = openDialog<PermissionDialog>(&editor);
        QVERIFY(p);
        test::screenshot(p, QStringLiteral("permission-dialog"));
        p->reject();
        editor.linkClient();
        auto* link = openDialog<LinkClientDialog>(&editor);
        QTest::keyClicks(link->searchField(), QStringLiteral("m"));
        test::screenshot(link, QStringLiteral("link-client-dialog"));
        link->reject();
    }

    void everyControlHasAnAccessibleName()
    {
        ClientEditor editor(store(), {});
        addContact(editor, QStringLiteral("Ana"), QStringLiteral("Ruiz"), QStringLiteral("ana@example.com"),
                   RelationType::LegalGuardian);
        editor.editPerson(1);
        editor.editPermissions(1);
        QStringList unnamed;
        for (QWidget* w : editor.findChildren<QWidget*>()) {
            const bool control = qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w) ||
                                 qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QAbstractItemView*>(w) ||
                                 qobject_cast<QAbstractButton*>(w);
            // Parts of another control (a spin box's editor, a table's headers) are named by it.
            if (!control || qobject_cast<QAbstractSpinBox*>(w->parent()) ||
                qobject_cast<QAbstractItemView*>(w->parent()))
                continue;
            if (qobject_cast<QLineEdit*>(w) && qobject_cast<QComboBox*>(w->parent()))
                continue; // a combo box's own line edit
            const auto* button = qobject_cast<QAbstractButton*>(w);
            const bool named = !w->accessibleName().isEmpty() || (button && !button->text().isEmpty());
            if (!named)
                unnamed << QStringLiteral("%1 %2").arg(QString::fromLatin1(w->metaObject()->className()),
                                                       w->objectName());
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }

    void revokingPortalAccessClearsInvitationAndPermissions()
    {
        ClientEditor editor(store(), {});
        QTest::keyClicks(editor.firstNameField(), QStringLiteral("Lea"));
        QTest::keyClicks(editor.emailField(), QStringLiteral("lea@example.com"));
        addContact(editor, QStringLiteral("Jon"), QStringLiteral("Lund"), QStringLiteral("jon@example.com"),
                   RelationType::LegalGuardian);
        QVERIFY(editor.drafts().at(0).relation.portalInvite); // P1 default for a guardian
        editor.peopleTable()->selectRow(1);
        QAction* revoke = editor.actionsMenu()->findChild<QAction*>(QStringLiteral("revoke"));
        QVERIFY(revoke && revoke->isEnabled());
        revoke->trigger();
        QVERIFY(!editor.drafts().at(0).relation.portalInvite);
        QCOMPARE(editor.drafts().at(0).relation.permissions, PortalPermissions());
        QCOMPARE(editor.peopleModel()->index(1, PeopleModel::PortalColumn).data().toString(),
                 QStringLiteral("No access"));
        QVERIFY(!revoke->isEnabled());
    }

    void modelsPassTheItemModelTester()
    {
        PeopleModel people;
        QAbstractItemModelTester peopleTester(&people, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Client c;
        c.firstName = QStringLiteral("Ann");
        RelatedPerson p;
        p.firstName = QStringLiteral("Bo");
        p.relation = defaultRelation(RelationType::LegalGuardian);
        people.setPeople(c, {p, p}, QDate(2026, 1, 1));
        QCOMPARE(people.rowCount(), 3);
        people.setPeople(c, {}, QDate(2026, 1, 1));
        QCOMPARE(people.rowCount(), 1);

        TimelineModel timeline;
        QAbstractItemModelTester timelineTester(&timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
        timeline.setEntries(
            {AuditEntry{QDateTime::currentDateTimeUtc(), QStringLiteral("desk:maria"), QStringLiteral("update"),
                        QStringLiteral("client"), QStringLiteral("x"), QStringLiteral("Client Ann changed")}});
        QCOMPARE(timeline.rowCount(), 1);
        QCOMPARE(timeline.index(0, TimelineModel::WhoColumn).data().toString(), QStringLiteral("desk:maria"));
    }
};

QTEST_MAIN(TestClientEditor)
#include "TestClientEditor.moc"
