// The routing preview shows who would receive each kind of message and why others would
// not, from the shared routing rule (N1, N5, C4, C5, C7), for saved and unsaved clients.
#include "core/RelationTypes.h"
#include "models/RoutingModel.h"
#include "storage/ClientService.h"
#include "storage/DemoData.h"
#include "tests/gui/Accessibility.h"
#include "tests/gui/Screenshot.h"
#include "tests/testsupport/TemporaryStore.h"
#include "ui/ClientEditor.h"
#include "ui/RelationDialog.h"
#include "ui/RoutingPreviewDialog.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

using namespace pd;

namespace {
RelatedPerson person(const QString& first, const QString& email, RelationType type, NotifyToggles toggles)
{
    RelatedPerson p;
    p.firstName = first;
    p.lastName = QStringLiteral("Reyes");
    p.email = email;
    p.relation = defaultRelation(type);
    p.relation.meta.id = first.toLower();
    p.relation.notifications = toggles;
    return p;
}

QStringList column(RoutingModel* model, int column)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->index(row, column).data().toString();
    return out;
}

// The reason shown for the person whose name contains name ("" when not listed).
QString reasonFor(RoutingModel* skipped, const QString& name)
{
    for (int row = 0; row < skipped->rowCount(); ++row)
        if (skipped->index(row, RoutingModel::PersonColumn).data().toString().contains(name))
            return skipped->index(row, RoutingModel::ReasonColumn).data().toString();
    return {};
}

PersonDraft guardianDraft(const QString& first, const QString& last, const QString& email)
{
    PersonDraft d;
    d.relation = defaultRelation(RelationType::LegalGuardian);
    d.contact.firstName = first;
    d.contact.lastName = last;
    d.contact.email = email;
    return d;
}
} // namespace

class TestRoutingPreview : public QObject
{
    Q_OBJECT

private slots:
    void reminderForAClientWithoutAddressGoesToThePrimaryContact()
    {
        Client nico;
        nico.firstName = QStringLiteral("Nico");
        nico.lastName = QStringLiteral("Reyes");
        const QList<RelatedPerson> people = {
            person(QStringLiteral("Paula"), QStringLiteral("paula@example.com"), RelationType::LegalGuardian,
                   allNotifyToggles()),
            person(QStringLiteral("Tío"), QStringLiteral("tio@example.com"), RelationType::Other, {}),
        };
        RoutingPreviewDialog dialog(nico, people, QDate(2026, 11, 23));
        QAbstractItemModelTester t1(dialog.deliveriesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(dialog.skippedModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.setEvent(NotificationEvent::Reminder);
        QCOMPARE(dialog.eventField()->currentText(), eventLabel(NotificationEvent::Reminder));
        RoutingModel* deliveries = dialog.deliveriesModel();
        QCOMPARE(deliveries->rowCount(), 1);
        QCOMPARE(column(deliveries, RoutingModel::PersonColumn), QStringList{QStringLiteral("Paula Reyes")});
        QCOMPARE(column(deliveries, RoutingModel::ChannelColumn), QStringList{QStringLiteral("Email")});
        QCOMPARE(column(deliveries, RoutingModel::AddressColumn), QStringList{QStringLiteral("paula@example.com")});
        // C7: the marker says she stands in for the client, and for whom.
        QVERIFY(deliveries->index(0, 0).data(RoutingModel::PrimaryContactRole).toBool());
        QCOMPARE(deliveries->index(0, RoutingModel::NoteColumn).data().toString(),
                 QStringLiteral("Primary contact, instead of Nico Reyes"));
        // Tío has reminders off: listed under "Will not receive" with that reason.
        QCOMPARE(reasonFor(dialog.skippedModel(), QStringLiteral("Tío")),
                 QStringLiteral("Their appointment reminders toggle is off."));
        QVERIFY(
            dialog.findChild<QLabel*>(QStringLiteral("routingIntro"))->text().contains(QLatin1String("Nico Reyes")));

        // An invoice goes to the primary contact only (F1); Tío is told why not.
        dialog.setEvent(NotificationEvent::Invoice);
        QCOMPARE(column(deliveries, RoutingModel::AddressColumn), QStringList{QStringLiteral("paula@example.com")});
        QVERIFY(reasonFor(dialog.skippedModel(), QStringLiteral("Tío")).contains(QLatin1String("client only")));
    }

    void everyKindOfMessageCanBeChosen()
    {
        Client ana;
        ana.firstName = QStringLiteral("Ana");
        ana.email = QStringLiteral("ana@example.com");
        RoutingPreviewDialog dialog(ana, {}, QDate(2026, 11, 23));
        QComboBox* events = dialog.eventField();
        QCOMPARE(events->count(), allNotificationEvents().size());
        for (NotificationEvent e :
             {NotificationEvent::Reminder, NotificationEvent::Confirmation, NotificationEvent::Cancellation,
              NotificationEvent::FormRequest, NotificationEvent::Invoice})
            QVERIFY(events->findText(eventLabel(e)) >= 0);
        // Choosing in the combo (as a user does) recomputes the lists.
        ana.selfNotifications = allNotifyToggles() & ~NotifyToggles(NotifyToggle::Reminders); // C4
        dialog.setClient(ana, {});
        events->setCurrentIndex(events->findText(eventLabel(NotificationEvent::Reminder)));
        QCOMPARE(dialog.event(), NotificationEvent::Reminder);
        QCOMPARE(dialog.deliveriesModel()->rowCount(), 0);
        QVERIFY(reasonFor(dialog.skippedModel(), QStringLiteral("the client")).contains(QLatin1String("switched off")));
        events->setCurrentIndex(events->findText(eventLabel(NotificationEvent::Confirmation)));
        QCOMPARE(column(dialog.deliveriesModel(), RoutingModel::PersonColumn),
                 QStringList{QStringLiteral("Ana (the client)")});
    }

    void confidentialCommunicationsSkipContactsAndSharedAddressesGetOneMessage()
    {
        Client ana;
        ana.firstName = QStringLiteral("Ana");
        ana.email = QStringLiteral("ana@example.com");
        const QList<RelatedPerson> people = {
            person(QStringLiteral("Mamá"), QStringLiteral("family@example.com"), RelationType::Parent,
                   allNotifyToggles()),
            person(QStringLiteral("Papá"), QStringLiteral("Family@Example.com"), RelationType::Parent,
                   allNotifyToggles()),
        };
        RoutingPreviewDialog dialog(ana, people, QDate(2026, 11, 23));
        dialog.setEvent(NotificationEvent::Confirmation);
        const QStringList addresses = column(dialog.deliveriesModel(), RoutingModel::AddressColumn);
        QCOMPARE(addresses.size(), 2);
        QCOMPARE(addresses.count(QStringLiteral("family@example.com")), 1); // one per address (N1)
        QCOMPARE(addresses.count(QStringLiteral("ana@example.com")), 1);
        QVERIFY(reasonFor(dialog.skippedModel(), QStringLiteral("Papá")).contains(QLatin1String("shared address")));

        ana.confidentialCommunications = true; // N5
        ana.confidentialReason = QStringLiteral("client's request at intake");
        dialog.setClient(ana, people);
        QCOMPARE(column(dialog.deliveriesModel(), RoutingModel::AddressColumn),
                 QStringList{QStringLiteral("ana@example.com")});
        QCOMPARE(dialog.skippedModel()->rowCount(), 2);
        for (const QString& who : {QStringLiteral("Mamá"), QStringLiteral("Papá")}) {
            const QString reason = reasonFor(dialog.skippedModel(), who);
            QVERIFY2(reason.contains(QLatin1String("Confidential communications")), qPrintable(reason));
            QVERIFY2(reason.contains(QLatin1String("client's request at intake")), qPrintable(reason));
        }
    }

    void aSavedClientIsReadFromTheStore()
    {
        test::TemporaryStore fixture;
        QVERIFY(fixture.isValid());
        Client luz;
        luz.firstName = QStringLiteral("Luz");
        luz.lastName = QStringLiteral("Ortega");
        luz.isMinor = true; // no email or phone of her own (C7)
        QList<PersonDraft> people = {
            guardianDraft(QStringLiteral("Marta"), QStringLiteral("Ortega"), QStringLiteral("marta@example.com"))};
        const Status saved = ClientService(fixture.store()).save(luz, people);
        QVERIFY2(saved.ok(), qPrintable(saved.message()));

        RoutingPreviewDialog dialog(fixture.store(), luz.meta.id);
        dialog.setEvent(NotificationEvent::FormRequest);
        QCOMPARE(column(dialog.deliveriesModel(), RoutingModel::AddressColumn),
                 QStringList{QStringLiteral("marta@example.com")});
        QVERIFY(dialog.deliveriesModel()->index(0, 0).data(RoutingModel::PrimaryContactRole).toBool());
    }

    void anUnknownClientSaysSoInsteadOfAnEmptyPreview()
    {
        test::TemporaryStore fixture;
        RoutingPreviewDialog dialog(fixture.store(), QStringLiteral("no-such-client"));
        QVERIFY(!dialog.eventField()->isEnabled());
        QCOMPARE(dialog.deliveriesModel()->rowCount(), 0);
        QCOMPARE(dialog.skippedModel()->rowCount(), 0);
        QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("routingSummary"))->text().isEmpty());
    }

    void demoDataClientWithAPrimaryContact()
    {
        test::TemporaryStore fixture;
        DemoOptions options;
        options.clients = 60;
        QVERIFY(generateDemoData(fixture.store(), options));
        // A demo client without email or phone, with several people around them.
        QSqlQuery q(fixture.store().sql());
        QVERIFY(q.exec(QStringLiteral("SELECT c.id FROM clients c WHERE c.email = '' AND c.mobile_phone = '' "
                                      "ORDER BY (SELECT count(*) FROM relations r WHERE r.client_id = c.id) DESC, "
                                      "c.client_number LIMIT 1")));
        QVERIFY(q.next());
        RoutingPreviewDialog dialog(fixture.store(), q.value(0).toString());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.setEvent(NotificationEvent::Reminder);
        RoutingModel* deliveries = dialog.deliveriesModel();
        QVERIFY(deliveries->rowCount() >= 1);
        QVERIFY(deliveries->index(0, 0).data(RoutingModel::PrimaryContactRole).toBool());
        QVERIFY(deliveries->index(0, RoutingModel::NoteColumn)
                    .data()
                    .toString()
                    .startsWith(QLatin1String("Primary contact")));
        QVERIFY(dialog.skippedModel()->rowCount() >= 1);
        QCoreApplication::processEvents(); // let the layouts settle, as a person would see it
        test::screenshot(&dialog, QStringLiteral("routing-preview"));
    }

    void closeAndEscapeDismissIt()
    {
        Client ana;
        ana.firstName = QStringLiteral("Ana");
        ana.email = QStringLiteral("ana@example.com");
        RoutingPreviewDialog dialog(ana, {}, QDate(2026, 11, 23));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.eventField()->setFocus();
        QTest::keyClick(dialog.eventField(), Qt::Key_Escape);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* close = dialog.findChild<QPushButton*>(QStringLiteral("routingClose"));
        QVERIFY(close);
        QTest::mouseClick(close, Qt::LeftButton);
        QTRY_VERIFY(!dialog.isVisible());
    }

    void everyControlHasAnAccessibleName()
    {
        Client ana;
        ana.firstName = QStringLiteral("Ana");
        RoutingPreviewDialog dialog(ana, {}, QDate(2026, 11, 23));
        const QStringList unnamed = test::controlsWithoutAccessibleName(&dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
        // The headings take the keyboard to their tables (Alt+W, Alt+N).
        bool headed = false;
        for (QLabel* l : dialog.findChildren<QLabel*>())
            headed |= l->buddy() == dialog.deliveriesView();
        QVERIFY(headed);
    }

    void theEditorPreviewsWhatIsOnScreenBeforeSaving()
    {
        test::TemporaryStore fixture;
        ClientEditor editor(fixture.store(), {});
        QTest::keyClicks(editor.firstNameField(), QStringLiteral("Wei"));
        editor.addContact();
        auto* d = editor.findChild<RelationDialog*>();
        QTest::keyClicks(d->firstNameField(), QStringLiteral("Li"));
        QTest::keyClicks(d->emailField(), QStringLiteral("li@example.com"));
        d->typeField()->setCurrentIndex(d->typeField()->findData(static_cast<int>(RelationType::LegalGuardian)));
        d->accept();
        editor.previewRouting();
        auto* preview = editor.findChild<RoutingPreviewDialog*>();
        QVERIFY(preview);
        preview->setEvent(NotificationEvent::FormRequest);
        QCOMPARE(column(preview->deliveriesModel(), RoutingModel::AddressColumn),
                 QStringList{QStringLiteral("li@example.com")});
    }
};

QTEST_MAIN(TestRoutingPreview)
#include "TestRoutingPreview.moc"
