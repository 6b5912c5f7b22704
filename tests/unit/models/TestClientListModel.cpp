// The client list model (D1): pages from SQL as the view scrolls, filters by search text,
// and behaves as a correct Qt model (QAbstractItemModelTester).
#include "models/ClientListModel.h"
#include "tests/testsupport/TemporaryStore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace pd;

class TestClientListModel : public QObject
{
    Q_OBJECT

    test::TemporaryStore m_fixture;

private slots:
    void initTestCase()
    {
        QVERIFY(m_fixture.isValid());
        Store& store = m_fixture.store();
        auto cs = store.changeSet();
        QVERIFY(cs->begin());
        for (int i = 0; i < 450; ++i) {
            Client c;
            c.firstName = QStringLiteral("Person%1").arg(i, 3, 10, QLatin1Char('0'));
            c.lastName = QStringLiteral("Lastname");
            c.email = QStringLiteral("p%1@example.com").arg(i);
            QVERIFY(store.clients().save(*cs, c));
        }
        Client jose;
        jose.firstName = QStringLiteral("Jose\u0301"); // typed decomposed
        jose.lastName = QStringLiteral("Núñez");
        jose.email = QStringLiteral("jose@example.com");
        jose.isMinor = true;
        QVERIFY(store.clients().save(*cs, jose));
        QVERIFY(cs->commit());
    }

    void pagesAsTheViewScrolls()
    {
        ClientListModel model(m_fixture.store().clients(), 100);
        QCOMPARE(model.rowCount(), 100); // only the first page is read
        QVERIFY(model.canFetchMore({}));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 200);
        QCOMPARE(inserted.count(), 1);
        // From here on the tester checks every change (it also fetches pages itself).
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 451);
        QCOMPARE(model.columnCount(), int(ClientListModel::ColumnCount));
        QSet<QString> ids;
        for (int r = 0; r < model.rowCount(); ++r)
            ids.insert(model.clientIdAt(r));
        QCOMPARE(ids.size(), 451); // no client twice across pages
    }

    void searchFindsNonAsciiNamesAndShowsThemNfc()
    {
        ClientListModel model(m_fixture.store().clients(), 50);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setFilter(QStringLiteral("jose"));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex name = model.index(0, ClientListModel::NameColumn);
        QCOMPARE(name.data().toString(), QStringLiteral("Núñez, José"));
        QVERIFY(name.data(ClientListModel::IsMinorRole).toBool());
        QCOMPARE(name.data(Qt::ToolTipRole).toString(), QStringLiteral("Minor"));
        model.setFilter(QStringLiteral("núñez j")); // last name first, with accents
        QCOMPARE(model.rowCount(), 1);
        model.setFilter(QStringLiteral("nunez x"));
        QCOMPARE(model.rowCount(), 0);
    }

    void filteredResultsPageToo()
    {
        ClientListModel model(m_fixture.store().clients(), 40);
        model.setFilter(QStringLiteral("person1"));
        QCOMPARE(model.rowCount(), 40);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 100); // Person100..Person199
        for (int r = 0; r < model.rowCount(); ++r)
            QVERIFY(model.index(r, ClientListModel::NameColumn)
                        .data()
                        .toString()
                        .startsWith(QLatin1String("Lastname, Person1")));
    }

    void nothingFoundIsAnEmptyListNotAnError()
    {
        ClientListModel model(m_fixture.store().clients());
        model.setFilter(QStringLiteral("zzz-nobody"));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(model.lastError().isEmpty());
    }

    void headersAreNamed()
    {
        ClientListModel model(m_fixture.store().clients());
        for (int c = 0; c < model.columnCount(); ++c)
            QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestClientListModel)
#include "TestClientListModel.moc"
