// The routing preview shows who would receive each kind of message and why others would
// not, from the shared routing rule (N1, N5, C4, C5, C7), for saved and unsaved clients.
#include "core/RelationTypes.h"
#include "models/RoutingModel.h"
#include "tests/gui/Screenshot.h"
#include "tests/testsupport/TemporaryStore.h"
#include "ui/ClientEditor.h"
#include "ui/RelationDialog.h"
#include "ui/RoutingPreviewDialog.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
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
        QCOMPARE(dialog.deliveriesModel()->rowCount(), 1);
        QVERIFY(column(dialog.deliveriesModel(), RoutingModel::PersonColumn)
                    .at(0)
                    .contains(QLatin1String("primary contact")));
        QCOMPARE(column(dialog.deliveriesModel(), RoutingModel::AddressColumn).at(0),
                 QStringLiteral("paula@example.com"));
        // Tío has reminders off: listed with the reason.
        const QStringList skipped = column(dialog.skippedModel(), RoutingModel::PersonColumn);
        QVERIFY2(skipped.join(QLatin1Char(',')).contains(QStringLiteral("Tío")),
                 qPrintable(skipped.join(QLatin1Char(','))));
        QVERIFY(!column(dialog.skippedModel(), 1).join(QString()).isEmpty());
        test::screenshot(&dialog, QStringLiteral("routing-preview"));

        // An invoice goes to the primary contact only (F1).
        dialog.setEvent(NotificationEvent::Invoice);
        QCOMPARE(dialog.deliveriesModel()->rowCount(), 1);
    }

    void confidentialCommunicationsSkipContactsAndSharedAddressesGetOneMessage()
    {
        Client ana;
        ana.firstName = QStringLiteral("Ana");
        ana.email = QStringLiteral("ana@example.com");
        const QList<RelatedPerson> people = {
            person(QStringLiteral("Mamá"), QStringLiteral("family@example.com"), RelationType::Parent,
                   allNotifyToggles()),
            person(QStringLiteral("Papá"), QStringLiteral("family@example.com"), RelationType::Parent,
                   allNotifyToggles()),
        };
        RoutingPreviewDialog dialog(ana, people, QDate(2026, 11, 23));
        dialog.setEvent(NotificationEvent::Confirmation);
        const QStringList addresses = column(dialog.deliveriesModel(), RoutingModel::AddressColumn);
        QCOMPARE(addresses.count(QStringLiteral("family@example.com")), 1); // one per address (N1)
        QCOMPARE(addresses.count(QStringLiteral("ana@example.com")), 1);

        ana.confidentialCommunications = true; // N5
        dialog.setClient(ana, people);
        QCOMPARE(column(dialog.deliveriesModel(), RoutingModel::AddressColumn),
                 QStringList{QStringLiteral("ana@example.com")});
        QCOMPARE(dialog.skippedModel()->rowCount(), 2);
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
