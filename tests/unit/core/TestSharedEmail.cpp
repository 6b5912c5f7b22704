// C9: one email shared by several people is allowed; staff get a note, never an error.
#include "core/SharedEmail.h"

#include <QTest>

using namespace pd;

class TestSharedEmail : public QObject
{
    Q_OBJECT
private slots:
    void sameEmail_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("identical") << QStringLiteral("marta@example.com") << QStringLiteral("marta@example.com")
                                   << true;
        QTest::newRow("case") << QStringLiteral("Marta@Example.COM") << QStringLiteral("marta@example.com") << true;
        QTest::newRow("spaces") << QStringLiteral(" marta@example.com ") << QStringLiteral("marta@example.com") << true;
        QTest::newRow("different") << QStringLiteral("marta@example.com") << QStringLiteral("luis@example.com")
                                   << false;
        QTest::newRow("both empty is not shared") << QString() << QString() << false;
        QTest::newRow("blank is not shared") << QStringLiteral("  ") << QStringLiteral(" ") << false;
    }
    void sameEmail()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(pd::sameEmail(a, b), same);
        QCOMPARE(pd::sameEmail(b, a), same);
    }

    void noteNamesEveryOtherOwner_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QList<EmailOwner>>("owners");
        QTest::addColumn<QStringList>("mentions"); // empty list: no note at all
        const QString marta = QStringLiteral("marta@example.com");
        QTest::newRow("nobody else") << marta << QList<EmailOwner>() << QStringList();
        QTest::newRow("no email") << QString()
                                  << QList<EmailOwner>{{EmailOwner::Kind::Client, QStringLiteral("Bo"), {}}}
                                  << QStringList();
        QTest::newRow("parent of two children")
            << marta
            << QList<EmailOwner>{{EmailOwner::Kind::Contact, QStringLiteral("Marta Pérez"),
                                  QStringLiteral("Lía Pérez")},
                                 {EmailOwner::Kind::Contact, QStringLiteral("Marta Pérez"), QStringLiteral("Bo Pérez")}}
            << QStringList{QStringLiteral("Marta Pérez (contact of Lía Pérez)"),
                           QStringLiteral("Marta Pérez (contact of Bo Pérez)"), marta};
        QTest::newRow("client who is also a contact")
            << marta << QList<EmailOwner>{{EmailOwner::Kind::Client, QStringLiteral("Marta Pérez"), {}}}
            << QStringList{QStringLiteral("Marta Pérez (client)")};
        QTest::newRow("rtl name") << marta
                                  << QList<EmailOwner>{{EmailOwner::Kind::Contact, QStringLiteral("דוד כהן"), {}}}
                                  << QStringList{QStringLiteral("דוד כהן (contact)")};
        QTest::newRow("names with % are not format strings")
            << marta << QList<EmailOwner>{{EmailOwner::Kind::Client, QStringLiteral("%1 %s"), {}}}
            << QStringList{QStringLiteral("%1 %s (client)")};
    }
    void noteNamesEveryOtherOwner()
    {
        QFETCH(QString, email);
        QFETCH(QList<EmailOwner>, owners);
        QFETCH(QStringList, mentions);
        const QString note = sharedEmailOwnersNote(email, owners);
        QCOMPARE(note.isEmpty(), mentions.isEmpty());
        for (const QString& m : mentions)
            QVERIFY2(note.contains(m), qPrintable(note));
    }

    void duplicateOwnersAreNamedOnce()
    {
        const EmailOwner bo{EmailOwner::Kind::Client, QStringLiteral("Bo Pérez"), {}};
        const QString note = sharedEmailOwnersNote(QStringLiteral("bo@example.com"), QList<EmailOwner>{bo, bo});
        QCOMPARE(note.count(QStringLiteral("Bo Pérez")), 1);
    }

    void namesOnlyOverloadStillWorks()
    {
        QVERIFY(sharedEmailNote(QStringLiteral("marta@example.com"), QStringList()).isEmpty());
        const QString note = sharedEmailNote(QStringLiteral("marta@example.com"),
                                             QStringList{QStringLiteral("Lía"), QStringLiteral("Bo")});
        QVERIFY(note.contains(QStringLiteral("Lía, Bo")));
    }
};

QTEST_GUILESS_MAIN(TestSharedEmail)
#include "TestSharedEmail.moc"
