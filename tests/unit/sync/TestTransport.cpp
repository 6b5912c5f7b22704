// What the desk makes of a server address a person typed, and of a Retry-After header.
#include "sync/Transport.h"

#include <QTest>

using namespace pd;

class TestTransport : public QObject
{
    Q_OBJECT

private slots:
    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("seconds");
        QTest::newRow("seconds") << QByteArray("120") << 120;
        QTest::newRow("seconds with spaces") << QByteArray(" 5 ") << 5;
        QTest::newRow("zero") << QByteArray("0") << 0;
        QTest::newRow("HTTP date, 90 s ahead") << QByteArray("Mon, 30 Nov 2026 10:01:30 GMT") << 90;
        QTest::newRow("HTTP date in the past") << QByteArray("Mon, 30 Nov 2026 09:00:00 GMT") << 0;
        QTest::newRow("a day: at most an hour") << QByteArray("86400") << 3600;
        QTest::newRow("a date next year: at most an hour") << QByteArray("Tue, 30 Nov 2027 10:00:00 GMT") << 3600;
        QTest::newRow("none") << QByteArray() << -1;
        QTest::newRow("negative") << QByteArray("-5") << -1;
        QTest::newRow("garbage") << QByteArray("soon, please") << -1;
        QTest::newRow("date without zone") << QByteArray("Mon, 30 Nov 2026 10:01:30") << -1;
    }

    void retryAfter()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, seconds);
        const QDateTime now(QDate(2026, 11, 30), QTime(10, 0), Qt::UTC);
        QCOMPARE(parseRetryAfter(header, now), seconds);
    }

    void serverAddress_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("url");     // empty: refused
        QTest::addColumn<QString>("message"); // part of the reason given
        QTest::newRow("https") << QStringLiteral(" https://practice.example.org ")
                               << QStringLiteral("https://practice.example.org") << QString();
        QTest::newRow("no scheme means https")
            << QStringLiteral("practice.example.org") << QStringLiteral("https://practice.example.org") << QString();
        QTest::newRow("http on this computer")
            << QStringLiteral("http://127.0.0.1:8443") << QStringLiteral("http://127.0.0.1:8443") << QString();
        QTest::newRow("http to localhost")
            << QStringLiteral("http://localhost:8443") << QStringLiteral("http://localhost:8443") << QString();
        QTest::newRow("http elsewhere") << QStringLiteral("http://practice.example.org") << QString()
                                        << QStringLiteral("Use https://");
        QTest::newRow("ftp") << QStringLiteral("ftp://practice.example.org") << QString()
                             << QStringLiteral("must start with https://");
        QTest::newRow("empty") << QString() << QString() << QStringLiteral("for example");
        QTest::newRow("no host") << QStringLiteral("https://") << QString() << QStringLiteral("for example");
    }

    void serverAddress()
    {
        QFETCH(QString, typed);
        QFETCH(QString, url);
        QFETCH(QString, message);
        QUrl out;
        const QString error = checkServerUrl(typed, &out);
        if (message.isEmpty()) {
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(out.toString(), url);
        } else {
            QVERIFY2(error.contains(message), qPrintable(error));
        }
    }
};

QTEST_GUILESS_MAIN(TestTransport)
#include "TestTransport.moc"
