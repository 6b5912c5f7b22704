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

    // Clients with the same name sort by client number, and a page boundary inside a run
    // of them neither repeats nor skips one.
    void sameNamesAreListedOnceInClientNumberOrder()
    {
        test::TemporaryStore fixture;
        QVERIFY(fixture.addClients(QStringList(7, QStringLiteral("Sam Same"))
                                   << QStringLiteral("Ann Able") << QStringLiteral("Zed Zulu")));
        ClientListModel model(fixture.store().clients(), 2);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 9);
        QCOMPARE(model.index(0, ClientListModel::NameColumn).data().toString(), QStringLiteral("Able, Ann"));
        QCOMPARE(model.index(8, ClientListModel::NameColumn).data().toString(), QStringLiteral("Zulu, Zed"));
        for (int r = 2; r < 8; ++r)
            QVERIFY(model.index(r - 1, ClientListModel::NumberColumn).data().toLongLong() <
                    model.index(r, ClientListModel::NumberColumn).data().toLongLong());
    }

    // Someone at the front desk adds or deletes a client while another user scrolls: the
    // rest of the list still comes once each (a page starts after the last row shown, not
    // at a row count that the change has shifted).
    void clientsSavedOrDeletedWhileScrollingDoNotShiftThePages()
    {
        test::TemporaryStore fixture;
        QVERIFY(fixture.addNumberedClients(30, QStringLiteral("Client"), QStringLiteral("Middle")));
        Store& store = fixture.store();
        ClientListModel model(store.clients(), 10);
        QCOMPARE(model.rowCount(), 10);
        const QString firstShown = model.clientIdAt(0);

        QVERIFY(fixture.addClients({QStringLiteral("Aaron Aardvark")})); // sorts before everyone
        model.fetchMore({});
        auto cs = store.changeSet();
        QVERIFY(cs->begin());
        QVERIFY(store.clients().remove(*cs, firstShown)); // already on screen
        QVERIFY(cs->commit());
        while (model.canFetchMore({}))
            model.fetchMore({});

        QSet<QString> ids;
        for (int r = 0; r < model.rowCount(); ++r)
            ids.insert(model.clientIdAt(r));
        QCOMPARE(model.rowCount(), 30);
        QCOMPARE(ids.size(), 30);
        model.setFilter(QString()); // a fresh listing shows the changes
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 30);
        QCOMPARE(model.index(0, ClientListModel::NameColumn).data().toString(), QStringLiteral("Aardvark, Aaron"));
    }

    // A search matches a client by several terms (first name, last name, both full names,
    // email): the client is listed once, even when those terms fall on different pages.
    void aClientFoundByManyTermsIsListedOnceAcrossPages()
    {
        test::TemporaryStore fixture;
        QVERIFY(fixture.addClients({QStringLiteral("Mia Miller"), QStringLiteral("Milo Mills"),
                                    QStringLiteral("Mina Mitchell"), QStringLiteral("Ann Miles"),
                                    QStringLiteral("Bob Brown")}));
        for (const int pageSize : {1, 2, 3, 50}) {
            ClientListModel model(fixture.store().clients(), pageSize);
            model.setFilter(QStringLiteral("mi"));
            int fetches = 0;
            while (model.canFetchMore({}) && ++fetches < 100)
                model.fetchMore({});
            QStringList shown;
            for (int r = 0; r < model.rowCount(); ++r)
                shown << model.index(r, ClientListModel::NameColumn).data().toString();
            QCOMPARE(shown.size(), 4);
            QCOMPARE(QSet<QString>(shown.begin(), shown.end()).size(), 4);
            QVERIFY2(!shown.contains(QStringLiteral("Brown, Bob")), qPrintable(shown.join(u'|')));
            // Listed at the first matching term: "mia", "miles", "milo", "mina".
            QCOMPARE(shown, (QStringList{QStringLiteral("Miller, Mia"), QStringLiteral("Miles, Ann"),
                                         QStringLiteral("Mills, Milo"), QStringLiteral("Mitchell, Mina")}));
        }
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
