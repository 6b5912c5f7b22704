// Stored names and search keys (text::clean, searchKey, digitsOnly, prefixEnd): what staff
// typed is kept (right-to-left scripts, emoji, quotes and "%s" are data), only spacing and
// Unicode composition are made uniform, and searching ignores case and accents.
#include "core/Text.h"

#include <QTest>

using namespace pd;

class TestText : public QObject
{
    Q_OBJECT
private slots:
    void clean_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("stored");
        QTest::newRow("already clean") << QStringLiteral("Ana María") << QStringLiteral("Ana María");
        QTest::newRow("spaces trimmed and folded")
            << QStringLiteral("  Ana \t  María\n") << QStringLiteral("Ana María");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("only spaces") << QStringLiteral(" \t\n ") << QString();
        QTest::newRow("combining acute composed (NFC)") << QStringLiteral("Jose\u0301") << QStringLiteral("Jos\u00e9");
        QTest::newRow("combining acute, tilde and diaeresis")
            << QStringLiteral("Nu\u0301n\u0303ez Zoe\u0308") << QStringLiteral("N\u00fa\u00f1ez Zo\u00eb");
        QTest::newRow("hangul jamo composed") << QStringLiteral("\u1100\u1161") << QStringLiteral("\uac00");
        QTest::newRow("arabic kept") << QStringLiteral("محمد عبد الله") << QStringLiteral("محمد عبد الله");
        QTest::newRow("hebrew kept") << QStringLiteral("  דוד   כהן ") << QStringLiteral("דוד כהן");
        QTest::newRow("mixed rtl and latin") << QStringLiteral("Dana דנה") << QStringLiteral("Dana דנה");
        QTest::newRow("emoji kept") << QStringLiteral("Zoë 🌈") << QStringLiteral("Zoë 🌈");
        QTest::newRow("emoji zwj family kept")
            << QStringLiteral("👩\u200d👩\u200d👧") << QStringLiteral("👩\u200d👩\u200d👧");
        QTest::newRow("cjk kept") << QStringLiteral("王 小明") << QStringLiteral("王 小明");
        QTest::newRow("fullwidth not folded in storage") << QStringLiteral("ＡＢＣ") << QStringLiteral("ＡＢＣ");
        QTest::newRow("format string verbatim") << QStringLiteral("%s%n%x %1 {0}") << QStringLiteral("%s%n%x %1 {0}");
        QTest::newRow("sql injection verbatim")
            << QStringLiteral("Robert'); DROP TABLE clients;--") << QStringLiteral("Robert'); DROP TABLE clients;--");
        QTest::newRow("quotes and backslash verbatim")
            << QStringLiteral("O'Brien \"Bob\" \\n") << QStringLiteral("O'Brien \"Bob\" \\n");
        QTest::newRow("html verbatim") << QStringLiteral("<script>alert(1)</script>")
                                       << QStringLiteral("<script>alert(1)</script>");
    }
    void clean()
    {
        QFETCH(QString, typed);
        QFETCH(QString, stored);
        QCOMPARE(text::clean(typed), stored);
        QCOMPARE(text::clean(stored), stored); // cleaning twice changes nothing
    }

    void searchKey_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("typed"); // what someone types into the search box
        QTest::newRow("accents and case") << QStringLiteral("José Núñez") << QStringLiteral("jose nunez");
        QTest::newRow("decomposed input") << QStringLiteral("José") << QStringLiteral("JOSE\u0301");
        QTest::newRow("german umlaut") << QStringLiteral("Jürgen") << QStringLiteral("jurgen");
        QTest::newRow("fullwidth") << QStringLiteral("ＡＢＣ") << QStringLiteral("abc");
        QTest::newRow("greek accents and case") << QStringLiteral("Σοφία") << QStringLiteral("σοφια");
        QTest::newRow("hebrew niqqud ignored") << QStringLiteral("שָׁלוֹם") << QStringLiteral("שלום");
        QTest::newRow("arabic harakat ignored") << QStringLiteral("مُحَمَّد") << QStringLiteral("محمد");
        QTest::newRow("extra spaces") << QStringLiteral("Ana María") << QStringLiteral("  ana   maria ");
        QTest::newRow("cjk") << QStringLiteral("王小明") << QStringLiteral("王小明");
    }
    void searchKey()
    {
        QFETCH(QString, name);
        QFETCH(QString, typed);
        QCOMPARE(text::searchKey(name), text::searchKey(typed));
        QVERIFY(!text::searchKey(name).isEmpty()); // letters of every script stay searchable
    }

    // Plain ASCII names take a shortcut; the key must be what the full Unicode fold gives,
    // or a name typed one way would stop finding the same name stored the other.
    void asciiKeyIsTheFullUnicodeFold()
    {
        const auto fullFold = [](const QString& s) {
            QString out;
            for (const QChar c : s.simplified().normalized(QString::NormalizationForm_KD))
                if (c.category() != QChar::Mark_NonSpacing && c.category() != QChar::Mark_Enclosing)
                    out.append(c);
            return out.toCaseFolded().normalized(QString::NormalizationForm_C);
        };
        QString every;
        for (char16_t u = 0; u < 0x80; ++u)
            every.append(QChar(u));
        const QStringList samples = {every,
                                     QStringLiteral("  O'BRIEN-Smith\t Jr. "),
                                     QStringLiteral("MARY\nANN"),
                                     QStringLiteral("c123@Example.COM"),
                                     QStringLiteral("%s%n {0} ; DROP TABLE clients; --"),
                                     QString()};
        for (const QString& s : samples)
            QCOMPARE(text::searchKey(s), fullFold(s));
        QCOMPARE(text::searchKey(QStringLiteral("  Mary   ANN ")), QStringLiteral("mary ann"));
    }

    void isoDateIsQtsIsoText_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::newRow("ordinary") << QDate(1980, 1, 1);
        QTest::newRow("leap day") << QDate(2024, 2, 29);
        QTest::newRow("end of year") << QDate(2026, 12, 31);
        QTest::newRow("year 1") << QDate(1, 1, 1);
        QTest::newRow("year 999 (zero padded)") << QDate(999, 10, 9);
        QTest::newRow("year 9999") << QDate(9999, 12, 31);
        QTest::newRow("year 10000") << QDate(10000, 1, 1);
        QTest::newRow("before the common era") << QDate(-44, 3, 15);
    }
    void isoDateIsQtsIsoText()
    {
        QFETCH(QDate, date);
        QCOMPARE(text::isoDate(date), date.toString(Qt::ISODate));
    }
    void isoDateOfNoDateIsEmpty() { QVERIFY(text::isoDate(QDate()).isEmpty()); }

    void searchKeyKeepsDifferentNamesApart_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::newRow("different letters") << QStringLiteral("Ana") << QStringLiteral("Ane");
        QTest::newRow("different arabic names") << QStringLiteral("محمد") << QStringLiteral("أحمد");
        QTest::newRow("different hebrew names") << QStringLiteral("דוד") << QStringLiteral("דן");
    }
    void searchKeyKeepsDifferentNamesApart()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QVERIFY(text::searchKey(a) != text::searchKey(b));
    }

    void digitsOnly_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("digits");
        QTest::newRow("formatted nanp") << QStringLiteral("+1 (555) 010-2030") << QStringLiteral("15550102030");
        QTest::newRow("dots") << QStringLiteral("202.555.0147") << QStringLiteral("2025550147");
        QTest::newRow("letters dropped") << QStringLiteral("555-CALL") << QStringLiteral("555");
        QTest::newRow("no digits") << QStringLiteral("n/a") << QString();
        QTest::newRow("arabic-indic digits are not ascii digits") << QStringLiteral("٠١٢٣") << QString();
        QTest::newRow("fullwidth digits are not ascii digits") << QStringLiteral("１２３") << QString();
    }
    void digitsOnly()
    {
        QFETCH(QString, input);
        QFETCH(QString, digits);
        QCOMPARE(text::digitsOnly(input), digits);
    }

    void prefixEndBoundsEveryKeyWithThePrefix_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("inRange");
        QTest::newRow("exact") << QStringLiteral("ana") << QStringLiteral("ana") << true;
        QTest::newRow("longer") << QStringLiteral("ana") << QStringLiteral("ana maria") << true;
        QTest::newRow("emoji after prefix") << QStringLiteral("ana") << QStringLiteral("ana🌈") << true;
        QTest::newRow("cjk after prefix") << QStringLiteral("ana") << QStringLiteral("ana王") << true;
        QTest::newRow("private use after prefix") << QStringLiteral("ana") << QStringLiteral("ana\uE000") << true;
        QTest::newRow("supplementary ideograph after prefix") << QStringLiteral("田") << QStringLiteral("田𠮷") << true;
        QTest::newRow("next name") << QStringLiteral("ana") << QStringLiteral("anb") << false;
        QTest::newRow("shorter") << QStringLiteral("ana") << QStringLiteral("an") << false;
        QTest::newRow("hebrew") << QStringLiteral("דו") << QStringLiteral("דוד") << true;
        QTest::newRow("arabic other name") << QStringLiteral("مح") << QStringLiteral("أحمد") << false;
    }
    void prefixEndBoundsEveryKeyWithThePrefix()
    {
        QFETCH(QString, prefix);
        QFETCH(QString, key);
        QFETCH(bool, inRange);
        // Compared as the database compares text: UTF-8 bytes (BINARY collation).
        const QByteArray k = key.toUtf8();
        const bool within = k >= prefix.toUtf8() && k < text::prefixEnd(prefix).toUtf8();
        QCOMPARE(within, inRange);
    }
};

QTEST_GUILESS_MAIN(TestText)
#include "TestText.moc"
