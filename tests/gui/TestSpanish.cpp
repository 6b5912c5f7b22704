// D6: with the Spanish translation installed the screens, the relation types and the rules'
// explanations are in Spanish (the translation is built into the program, see
// app/CMakeLists.txt; tests/translations checks that it is complete).
#include "app/desktop/Translations.h"
#include "core/RelationTypes.h"
#include "models/ClientListModel.h"
#include "models/RoutingModel.h"
#include "tests/gui/Screenshot.h"
#include "tests/testsupport/TemporaryStore.h"
#include "ui/ClientEditor.h"
#include "ui/MainWindow.h"
#include "ui/OrganizationSettingsDialog.h"
#include "ui/RoutingPreviewDialog.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSpinBox>
#include <QTabWidget>
#include <QPushButton>
#include <QTest>

using namespace pd;

class TestSpanish : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(installTranslations(QLocale(QLocale::Spanish, QLocale::Spain))); }

    void screensAndRulesSpeakSpanish()
    {
        test::TemporaryStore fixture;
        QVERIFY(fixture.addClients({QStringLiteral("Ana García")}));
        ClientListModel model(fixture.store().clients());
        MainWindow window(fixture.store(), model);
        QVERIFY(window.windowTitle().contains(QLatin1String("PracticeDesk")));
        QCOMPARE(window.menuBar()->actions().at(0)->text(), QStringLiteral("&Archivo"));
        QCOMPARE(window.searchField()->placeholderText(),
                 QStringLiteral("Buscar por nombre, correo, teléfono o ID de cliente"));
        QCOMPARE(relationTypeLabel(RelationType::LegalGuardian), QStringLiteral("Tutor legal"));

        ClientEditor editor(fixture.store(), {});
        editor.show();
        QCOMPARE(editor.tabs()->tabText(ClientEditor::PeopleTab), QStringLiteral("Contactos y &relaciones"));
        QTest::keyClicks(editor.firstNameField(), QStringLiteral("Lucia"));
        QTest::keyClicks(editor.emailField(), QStringLiteral("lucia@example.com"));
        editor.minorBox()->setChecked(true);
        editor.save();
        const QString error = editor.errorLabel(QStringLiteral("isMinor"))->text();
        QVERIFY2(error.startsWith(QLatin1String("Un menor necesita al menos un tutor legal")), qPrintable(error));
        // Qt's own buttons too (Qt's Spanish catalogue, installed by scripts/setup).
        QCOMPARE(editor.findChild<QPushButton*>(QStringLiteral("saveClient"))->text(), QStringLiteral("Guardar"));
        test::screenshot(&editor, QStringLiteral("editor-spanish"));
    }

    void settingsAndRoutingPreviewSpeakSpanish()
    {
        test::TemporaryStore fixture;
        OrganizationSettingsDialog settings(fixture.store());
        settings.show();
        QVERIFY(QTest::qWaitForWindowExposed(&settings));
        QCOMPARE(settings.portalBox(PortalSetting::SecureMessaging)->text(), QStringLiteral("Mensajería segura"));
        QCOMPARE(settings.autoLockField()->suffix(), QStringLiteral(" minutos"));
        settings.countryCodeField()->setText(QStringLiteral("x"));
        QCOMPARE(settings.countryCodeError()->text(),
                 QStringLiteral("Introduzca de 1 a 3 dígitos, sin empezar por 0, p. ej. 1 o 34."));
        QCoreApplication::processEvents();
        test::screenshot(&settings, QStringLiteral("organization-settings-spanish"));

        Client nico;
        nico.firstName = QStringLiteral("Nico");
        RelatedPerson paula;
        paula.firstName = QStringLiteral("Paula");
        paula.email = QStringLiteral("paula@example.com");
        paula.relation = defaultRelation(RelationType::LegalGuardian);
        paula.relation.meta.id = QStringLiteral("paula");
        RoutingPreviewDialog preview(nico, {paula}, QDate(2026, 11, 23));
        preview.setEvent(NotificationEvent::Reminder);
        QCOMPARE(preview.deliveriesModel()->index(0, RoutingModel::NoteColumn).data().toString(),
                 QStringLiteral("Contacto principal, en lugar de Nico"));
        QCOMPARE(preview.deliveriesModel()->headerData(RoutingModel::AddressColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Dirección"));
    }
};

QTEST_MAIN(TestSpanish)
#include "TestSpanish.moc"
