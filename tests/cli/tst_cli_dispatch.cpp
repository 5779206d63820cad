// cunzhanctl for sending parcels and paper: rates, number blocks, real-name acceptance (masked output,
// bad input writes nothing), bags and the van handover, printing to PDF (read back with pdftotext),
// decoding barcodes from images, and the print spool when a printer is missing. Runs under the locale of
// a fresh install (LANG=LC_ALL=C): output and paper are Chinese unless the station chose English.
#include "ctlfixture.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

const QString kSenderId = QStringLiteral("360721198508150017");
const QString kSenderPhone = QStringLiteral("13812345678");
const QString kRecipientPhone = QStringLiteral("13987654321");
const QString kParcelPhone = QStringLiteral("13700001111");

// Runs a tool that is not ours (pdftotext, pdftoppm, lpstat); returns stdout, or a null array.
QByteArray tool(const QString& program, const QStringList& args, int* code = nullptr) {
    if (QStandardPaths::findExecutable(program).isEmpty())
        return {};
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(30000))
        return {};
    if (code)
        *code = p.exitCode();
    return p.readAllStandardOutput();
}

} // namespace

using namespace cz::test;

class TestCliDispatch : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;

    QString path(const QString& name) const { return m_dir->filePath(name); }

    Run ctl(const QStringList& args) {
        const QProcessEnvironment env =
            ctlEnvironment(QStringLiteral("C"), path(QStringLiteral("xdg")), kStart);
        const Run r = runProgram(ctlBinary(), QStringList{QStringLiteral("--db"), m_db} + args, {env});
        if (r.code != 0)
            qInfo("cunzhanctl %s -> %d: %s", qPrintable(args.join(QLatin1Char(' '))), r.code,
                  r.err.constData());
        return r;
    }

    // With --json; the single result object, or {"failed": exit code}.
    QJsonObject json(const QStringList& args) {
        const Run r = ctl(QStringList{QStringLiteral("--json")} + args);
        const auto objects = jsonLines(r.out);
        return r.code == 0 && objects.size() == 1 ? objects.first()
                                                  : QJsonObject{{QStringLiteral("failed"), r.code}};
    }

    int rows(const QString& table, const QString& where = QStringLiteral("1")) {
        return countRows(m_db, table, where);
    }

    QList<int> snapshot() {
        return {rows(QStringLiteral("dispatch")), rows(QStringLiteral("dispatch_event")),
                rows(QStringLiteral("cash_entry")), rows(QStringLiteral("outbox")),
                rows(QStringLiteral("waybill_block"), QStringLiteral("next_no = 900000000001"))};
    }

    // A station with YTO rates to two provinces and a block of three YTO numbers.
    void setUpStation() {
        QCOMPARE(
            ctl({QStringLiteral("init"), QStringLiteral("--station-name"), QStringLiteral("李家村服务站"),
                 QStringLiteral("--shelves"), QStringLiteral("1-2:2x10")})
                .code,
            0);
        QFile csv(path(QStringLiteral("rates.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("carrier,province,zone,first_fen,extra_fen_per_kg,max_weight_g\n"
                  "YTO,广东省,粤-20,1200,600,30000\n"
                  "YTO,江西省,赣-01,800,300,30000\n");
        csv.close();
        QCOMPARE(json({QStringLiteral("rates"), QStringLiteral("import"), csv.fileName()})
                     .value(QStringLiteral("rates_imported"))
                     .toInt(),
                 2);
        const QJsonObject block =
            json({QStringLiteral("waybill-block"), QStringLiteral("import"), QStringLiteral("--carrier"),
                  QStringLiteral("YTO"), QStringLiteral("--prefix"), QStringLiteral("YT"),
                  QStringLiteral("--from"), QStringLiteral("900000000001"), QStringLiteral("--to"),
                  QStringLiteral("900000000003"), QStringLiteral("--digits"), QStringLiteral("12")});
        QCOMPARE(block.value(QStringLiteral("left")).toInteger(), 3);
    }

    // Every option of an acceptance; a test changes or drops one.
    static QStringList acceptArgs(const QString& replace = {}, const QString& value = {}) {
        const QList<std::pair<QString, QString>> opts{
            {QStringLiteral("sender-name"), QStringLiteral("张三")},
            {QStringLiteral("sender-phone"), kSenderPhone},
            {QStringLiteral("sender-id"), kSenderId},
            {QStringLiteral("recipient-name"), QStringLiteral("李四")},
            {QStringLiteral("recipient-phone"), kRecipientPhone},
            {QStringLiteral("province"), QStringLiteral("广东省")},
            {QStringLiteral("city"), QStringLiteral("深圳市")},
            {QStringLiteral("district"), QStringLiteral("南山区")},
            {QStringLiteral("address"), QStringLiteral("科技园一路 8 号")},
            {QStringLiteral("contents"), QStringLiteral("farm_produce")},
            {QStringLiteral("note"), QStringLiteral("脐橙")},
            {QStringLiteral("inspected"), QString()},
            {QStringLiteral("weight"), QStringLiteral("2300")},
            {QStringLiteral("carrier"), QStringLiteral("YTO")}};
        QStringList args{QStringLiteral("dispatch")};
        bool replaced = false;
        for (const auto& [name, v] : opts) {
            if (name == replace) {
                replaced = true;
                if (value.isNull())
                    continue; // dropped
            }
            args << QStringLiteral("--") + name;
            const QString given = name == replace ? value : v;
            if (!given.isEmpty())
                args << given;
        }
        if (!replaced && !replace.isEmpty()) {
            args << QStringLiteral("--") + replace;
            if (!value.isEmpty())
                args << value;
        }
        return args;
    }

    // pdftotext of a PDF the CLI wrote; skips the test when poppler is missing.
    QString pdfText(const QString& pdf) {
        QFile f(pdf);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        if (!f.read(5).startsWith("%PDF")) {
            qWarning("%s is not a PDF", qPrintable(pdf));
            return {};
        }
        return QString::fromUtf8(tool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}));
    }

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = path(QStringLiteral("station.db"));
    }
    void cleanup() { m_dir.reset(); }

    void helpListsCommandsAndContents() {
        const Run all = ctl({QStringLiteral("--help")});
        QCOMPARE(all.code, 0);
        for (const char* name : {"dispatch", "rates", "waybill-block", "manifest", "print", "decode"})
            QVERIFY2(all.out.contains(name), name);
        const Run d = ctl({QStringLiteral("dispatch"), QStringLiteral("--help")});
        QCOMPARE(d.code, 0);
        for (const char* key : {"documents", "farm_produce", "electronics", "--inspected"})
            QVERIFY2(d.out.contains(key), key);
    }

    void ratesImportAndQuote() {
        setUpStation();
        const QJsonObject q =
            json({QStringLiteral("rates"), QStringLiteral("quote"), QStringLiteral("--carrier"),
                  QStringLiteral("yto"), QStringLiteral("--province"), QStringLiteral("广东省"),
                  QStringLiteral("--weight"), QStringLiteral("2300")});
        QCOMPARE(q.value(QStringLiteral("zone")).toString(), QStringLiteral("粤-20"));
        QCOMPARE(q.value(QStringLiteral("chargeable_kg")).toInt(), 3);
        QCOMPARE(q.value(QStringLiteral("fee_fen")).toInteger(), 2400);
        const Run text = ctl({QStringLiteral("rates"), QStringLiteral("quote"), QStringLiteral("--carrier"),
                              QStringLiteral("YTO"), QStringLiteral("--province"), QStringLiteral("江西省"),
                              QStringLiteral("--weight"), QStringLiteral("500")});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains("8.00 元") && text.out.contains("圆通"), text.out.constData());
        QCOMPARE(ctl({QStringLiteral("rates"), QStringLiteral("quote"), QStringLiteral("--carrier"),
                      QStringLiteral("YTO"), QStringLiteral("--province"), QStringLiteral("西藏自治区"),
                      QStringLiteral("--weight"), QStringLiteral("500")})
                     .code,
                 2);
        QCOMPARE(ctl({QStringLiteral("rates"), QStringLiteral("import"), path(QStringLiteral("missing.csv"))})
                     .code,
                 4);
    }

    void acceptTakesANumberFromTheBlockAndMasks() {
        setUpStation();
        const Run r = ctl(QStringList{QStringLiteral("--json")} + acceptArgs());
        QCOMPARE(r.code, 0);
        const auto objects = jsonLines(r.out);
        QCOMPARE(objects.size(), 1);
        const QJsonObject d = objects.first();
        QCOMPARE(d.value(QStringLiteral("waybill")).toString(), QStringLiteral("YT900000000001"));
        QCOMPARE(d.value(QStringLiteral("fee_fen")).toInteger(), 2400);
        QCOMPARE(d.value(QStringLiteral("zone")).toString(), QStringLiteral("粤-20"));
        QCOMPARE(d.value(QStringLiteral("sender_id_no")).toString(), QStringLiteral("3607**********0017"));
        for (const QString& secret : {kSenderId, kSenderPhone, kRecipientPhone})
            QVERIFY2(!r.out.contains(secret.toUtf8()), qPrintable(secret));

        const Run text = ctl(acceptArgs(QStringLiteral("weight"), QStringLiteral("800")));
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains("YT900000000002"));
        QVERIFY2(text.out.contains("12.00 元"), text.out.constData());
        QVERIFY(text.out.contains("3607**********0017"));
        for (const QString& secret : {kSenderId, kSenderPhone, kRecipientPhone})
            QVERIFY2(!text.out.contains(secret.toUtf8()), qPrintable(secret));

        const Run status =
            ctl({QStringLiteral("--json"), QStringLiteral("waybill-block"), QStringLiteral("status")});
        QCOMPARE(status.code, 0);
        const auto left = jsonLines(status.out);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().value(QStringLiteral("left")).toInteger(), 1);

        const Run list =
            ctl({QStringLiteral("--json"), QStringLiteral("dispatch"), QStringLiteral("--list")});
        QCOMPARE(list.code, 0);
        QCOMPARE(jsonLines(list.out).size(), 2);
        QVERIFY(!list.out.contains(kSenderId.toUtf8()));
        QCOMPARE(
            json({QStringLiteral("dispatch"), QStringLiteral("--show"), QStringLiteral("YT900000000001")})
                .value(QStringLiteral("weight_g"))
                .toInt(),
            2300);
        QCOMPARE(ctl({QStringLiteral("dispatch"), QStringLiteral("--show"), QStringLiteral("YT123456789012")})
                     .code,
                 4);
    }

    void badInputWritesNothing_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("wrong ID check character")
            << acceptArgs(QStringLiteral("sender-id"), QStringLiteral("360721198508150018"));
        QTest::newRow("unknown destination province")
            << acceptArgs(QStringLiteral("province"), QStringLiteral("火星省"));
        QTest::newRow("weight 0") << acceptArgs(QStringLiteral("weight"), QStringLiteral("0"));
        QTest::newRow("weight above the limit")
            << acceptArgs(QStringLiteral("weight"), QStringLiteral("31000"));
        QTest::newRow("weight not a number") << acceptArgs(QStringLiteral("weight"), QStringLiteral("heavy"));
        QTest::newRow("missing recipient phone") << acceptArgs(QStringLiteral("recipient-phone"), QString());
        QTest::newRow("not inspected") << acceptArgs(QStringLiteral("inspected"), QString());
        QTest::newRow("unknown contents")
            << acceptArgs(QStringLiteral("contents"), QStringLiteral("fireworks"));
        QTest::newRow("list and accept") << acceptArgs(QStringLiteral("list"), QStringLiteral(""));
    }

    void badInputWritesNothing() {
        QFETCH(QStringList, args);
        setUpStation();
        const QList<int> before = snapshot();
        const Run r = ctl(QStringList{QStringLiteral("--json")} + args);
        QCOMPARE(r.code, 2);
        const auto objects = jsonLines(r.out);
        QCOMPARE(objects.size(), 1);
        QVERIFY(objects.first().contains(QStringLiteral("error")));
        QVERIFY(!r.out.contains(kSenderId.toUtf8()));
        QVERIFY(!r.err.contains(kSenderId.toUtf8()));
        QCOMPARE(snapshot(), before);
    }

    void duplicateWaybillIsAConflict() {
        setUpStation();
        QCOMPARE(ctl(acceptArgs(QStringLiteral("waybill"), QStringLiteral("YT800000000001"))).code, 0);
        const QList<int> before = snapshot();
        QCOMPARE(ctl(acceptArgs(QStringLiteral("waybill"), QStringLiteral("YT800000000001"))).code, 3);
        QCOMPARE(snapshot(), before);
    }

    // Two dispatches and one returned parcel into a bag, the handover, then the same waybill again.
    void manifestBagAndHandover() {
        setUpStation();
        QCOMPARE(ctl(acceptArgs()).code, 0);
        QCOMPARE(ctl(acceptArgs()).code, 0);
        const QJsonObject parcel =
            json({QStringLiteral("receive"), QStringLiteral("JT0001234567890"), QStringLiteral("--phone"),
                  kParcelPhone, QStringLiteral("--carrier"), QStringLiteral("JT")});
        const QString code = parcel.value(QStringLiteral("pickup_code")).toString();
        QVERIFY(!code.isEmpty());
        QCOMPARE(ctl({QStringLiteral("return"), QStringLiteral("--code"), code, QStringLiteral("--reason"),
                      QStringLiteral("refused")})
                     .code,
                 0);

        const Run bag = ctl({QStringLiteral("--json"), QStringLiteral("manifest"), QStringLiteral("bag"),
                             QStringLiteral("--bag"), QStringLiteral("B1"), QStringLiteral("--seal"),
                             QStringLiteral("S0001"), QStringLiteral("YT900000000001"),
                             QStringLiteral("YT900000000002"), QStringLiteral("JT0001234567890")});
        QCOMPARE(bag.code, 0);
        const auto bagged = jsonLines(bag.out);
        QCOMPARE(bagged.size(), 3);
        QCOMPARE(bagged.last().value(QStringLiteral("bag_count")).toInt(), 3);

        const QJsonObject open = json({QStringLiteral("manifest")});
        QCOMPARE(open.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
        QCOMPARE(open.value(QStringLiteral("bags")).toArray().size(), 1);

        const QJsonObject handed =
            json({QStringLiteral("manifest"), QStringLiteral("handover"), QStringLiteral("--driver"),
                  QStringLiteral("王师傅"), QStringLiteral("--plate"), QStringLiteral("赣A12345")});
        QCOMPARE(handed.value(QStringLiteral("status")).toString(), QStringLiteral("handed_over"));
        const QString id = handed.value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());

        QCOMPARE(ctl({QStringLiteral("manifest"), QStringLiteral("bag"), QStringLiteral("--bag"),
                      QStringLiteral("B2"), QStringLiteral("--seal"), QStringLiteral("S0002"),
                      QStringLiteral("YT900000000001")})
                     .code,
                 3);
        const QJsonObject shown = json({QStringLiteral("manifest"), QStringLiteral("show"), id});
        QCOMPARE(shown.value(QStringLiteral("bags"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("waybills"))
                     .toArray()
                     .size(),
                 3);
        const Run list = ctl({QStringLiteral("--json"), QStringLiteral("dispatch"), QStringLiteral("--list"),
                              QStringLiteral("--status"), QStringLiteral("handed_over")});
        QCOMPARE(list.code, 0);
        QCOMPARE(jsonLines(list.out).size(), 2);
        QCOMPARE(ctl({QStringLiteral("manifest"), QStringLiteral("show"), QStringLiteral("nope")}).code, 4);
    }

    void printToPdf() {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed: the PDFs cannot be read back");
        setUpStation();
        QCOMPARE(ctl(acceptArgs()).code, 0);
        const QJsonObject parcel = json({QStringLiteral("receive"), QStringLiteral("YT764306505052"),
                                         QStringLiteral("--phone"), kParcelPhone});
        const QString code = parcel.value(QStringLiteral("pickup_code")).toString();
        QVERIFY(!code.isEmpty());

        const auto printed = [&](const QStringList& args, const QString& file) {
            const Run r =
                ctl(QStringList{QStringLiteral("print")} + args + QStringList{QStringLiteral("--pdf"), file});
            if (r.code != 0)
                return QString();
            return pdfText(file);
        };
        const QString slip = printed({QStringLiteral("slip"), QStringLiteral("--code"), code,
                                      QStringLiteral("--paper"), QStringLiteral("80")},
                                     path(QStringLiteral("slip.pdf")));
        QVERIFY2(slip.contains(code), qPrintable(slip));
        QVERIFY(!slip.contains(kParcelPhone));
        // Under LANG=C the paper is in the station's language, Chinese, and names the carrier.
        QVERIFY2(slip.contains(QStringLiteral("取件码")) && slip.contains(QStringLiteral("快递公司")),
                 qPrintable(slip));
        QVERIFY2(slip.contains(QStringLiteral("圆通")) && !slip.contains(QStringLiteral("YTO")),
                 qPrintable(slip));

        const QString label =
            printed({QStringLiteral("label"), QStringLiteral("--waybill"), QStringLiteral("YT900000000001"),
                     QStringLiteral("--size"), QStringLiteral("100x150")},
                    path(QStringLiteral("label.pdf")));
        QVERIFY2(label.contains(QStringLiteral("YT900000000001")), qPrintable(label));
        QVERIFY2(label.contains(QStringLiteral("圆通")) && label.contains(QStringLiteral("物品")),
                 qPrintable(label));
        QVERIFY(!label.contains(kRecipientPhone));
        QVERIFY(!label.contains(kSenderPhone));

        const QString arrivals = printed({QStringLiteral("arrivals")}, path(QStringLiteral("arrivals.pdf")));
        QVERIFY2(arrivals.contains(code), qPrintable(arrivals));
        QVERIFY(!arrivals.contains(kParcelPhone));
        QVERIFY2(arrivals.contains(QStringLiteral("2026-11-28 到达包裹")), qPrintable(arrivals));
        QVERIFY2(arrivals.contains(QStringLiteral("快递公司")) && arrivals.contains(QStringLiteral("圆通")),
                 qPrintable(arrivals));
        QVERIFY(!arrivals.contains(QStringLiteral("YTO")));

        QCOMPARE(ctl({QStringLiteral("manifest"), QStringLiteral("bag"), QStringLiteral("--bag"),
                      QStringLiteral("B1"), QStringLiteral("--seal"), QStringLiteral("S0001"),
                      QStringLiteral("YT900000000001")})
                     .code,
                 0);
        const QString manifest = printed({QStringLiteral("manifest")}, path(QStringLiteral("manifest.pdf")));
        QVERIFY2(manifest.contains(QStringLiteral("YT900000000001")), qPrintable(manifest));
        QVERIFY(!manifest.contains(kRecipientPhone));
        QVERIFY2(manifest.contains(QStringLiteral("交接清单")) &&
                     manifest.contains(QStringLiteral("各快递公司件数")),
                 qPrintable(manifest));
        QVERIFY2(manifest.contains(QStringLiteral("圆通：1 件")), qPrintable(manifest));
        QVERIFY(!manifest.contains(QStringLiteral("YTO")));

        const QString shelf =
            printed({QStringLiteral("shelf-label"), QStringLiteral("--slot"), QStringLiteral("2-1")},
                    path(QStringLiteral("shelf.pdf")));
        QVERIFY2(shelf.contains(QStringLiteral("2-1")), qPrintable(shelf));

        // A station that chose English prints English, names included, whatever the locale.
        QCOMPARE(ctl({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("language"),
                      QStringLiteral("en")})
                     .code,
                 0);
        const QString english =
            printed({QStringLiteral("arrivals")}, path(QStringLiteral("arrivals-en.pdf")));
        QVERIFY2(english.contains(QStringLiteral("Parcels arrived on 2026-11-28")), qPrintable(english));
        QVERIFY2(english.contains(QStringLiteral("YTO Express")) && !english.contains(QStringLiteral("圆通")),
                 qPrintable(english));
        const QString englishManifest =
            printed({QStringLiteral("manifest")}, path(QStringLiteral("manifest-en.pdf")));
        QVERIFY2(englishManifest.contains(QStringLiteral("Hand-over manifest")) &&
                     englishManifest.contains(QStringLiteral("YTO Express: 1 parcels")),
                 qPrintable(englishManifest));

        // Bad requests: nothing to print, no destination, unknown things.
        QCOMPARE(
            ctl({QStringLiteral("print"), QStringLiteral("label"), QStringLiteral("--waybill"),
                 QStringLiteral("YT123456789012"), QStringLiteral("--pdf"), path(QStringLiteral("x.pdf"))})
                .code,
            4);
        QCOMPARE(ctl({QStringLiteral("print"), QStringLiteral("label"), QStringLiteral("--waybill"),
                      QStringLiteral("YT900000000001")})
                     .code,
                 2);
        QCOMPARE(ctl({QStringLiteral("print"), QStringLiteral("poster"), QStringLiteral("--pdf"),
                      path(QStringLiteral("x.pdf"))})
                     .code,
                 2);
        QCOMPARE(ctl({QStringLiteral("print"), QStringLiteral("shelf-label"), QStringLiteral("--slot"),
                      QStringLiteral("9-9"), QStringLiteral("--pdf"), path(QStringLiteral("x.pdf"))})
                     .code,
                 4);
        QVERIFY(!QFile::exists(path(QStringLiteral("x.pdf"))));
    }

    void decodeLabelImage() {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty())
            QSKIP("pdftoppm (poppler-utils) is not installed: the label cannot be turned into an image");
        setUpStation();
        QCOMPARE(ctl(acceptArgs()).code, 0);
        const QString pdf = path(QStringLiteral("label.pdf"));
        QCOMPARE(ctl({QStringLiteral("print"), QStringLiteral("label"), QStringLiteral("--waybill"),
                      QStringLiteral("YT900000000001"), QStringLiteral("--pdf"), pdf})
                     .code,
                 0);
        int code = -1;
        tool(QStringLiteral("pdftoppm"),
             {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("203"),
              QStringLiteral("-singlefile"), pdf, path(QStringLiteral("label"))},
             &code);
        QCOMPARE(code, 0);
        const QString png = path(QStringLiteral("label.png"));
        QVERIFY(QFile::exists(png));

        const Run r = ctl({QStringLiteral("--json"), QStringLiteral("decode"), png});
        QCOMPARE(r.code, 0);
        bool found = false;
        for (const QJsonObject& o : jsonLines(r.out)) {
            QCOMPARE(o.value(QStringLiteral("file")).toString(), png);
            found = found || (o.value(QStringLiteral("format")).toString() == QStringLiteral("Code128") &&
                              o.value(QStringLiteral("text")).toString() == QStringLiteral("YT900000000001"));
        }
        QVERIFY2(found, r.out.constData());

        QImage blank(400, 300, QImage::Format_RGB32);
        blank.fill(Qt::white);
        const QString blankPng = path(QStringLiteral("blank.png"));
        QVERIFY(blank.save(blankPng));
        QCOMPARE(ctl({QStringLiteral("decode"), blankPng}).code, 4);
        // One image with a code and one without: the code counts.
        QCOMPARE(ctl({QStringLiteral("decode"), blankPng, png}).code, 0);

        QFile notImage(path(QStringLiteral("notes.png")));
        QVERIFY(notImage.open(QIODevice::WriteOnly));
        notImage.write("not a picture");
        notImage.close();
        QCOMPARE(ctl({QStringLiteral("decode"), notImage.fileName()}).code, 2);
        QCOMPARE(ctl({QStringLiteral("decode"), path(QStringLiteral("missing.png"))}).code, 2);
    }

    void missingPrinterKeepsTheJob() {
        const QByteArray scheduler = tool(QStringLiteral("lpstat"), {QStringLiteral("-r")});
        if (!scheduler.contains("scheduler is running"))
            QSKIP(
                "cupsd is not reachable (lpstat -r does not report a running scheduler); the printing tests "
                "start their own cupsd and cover CUPS");
        setUpStation();
        const QString queue = QStringLiteral("no-such-queue-%1").arg(QCoreApplication::applicationPid());
        const Run r = ctl({QStringLiteral("print"), QStringLiteral("shelf-label"), QStringLiteral("--slot"),
                           QStringLiteral("1-1"), QStringLiteral("--printer"), queue});
        QCOMPARE(r.code, 5);
        QVERIFY(!r.err.isEmpty());
        const Run pending =
            ctl({QStringLiteral("--json"), QStringLiteral("print"), QStringLiteral("--pending")});
        QCOMPARE(pending.code, 0);
        const auto jobs = jsonLines(pending.out);
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs.first().value(QStringLiteral("printer")).toString(), queue);
        QVERIFY(QDir(path(QStringLiteral("print-spool"))).exists());
        QCOMPARE(ctl({QStringLiteral("print"), QStringLiteral("--retry")}).code, 5);
        QCOMPARE(
            jsonLines(
                ctl({QStringLiteral("--json"), QStringLiteral("print"), QStringLiteral("--pending")}).out)
                .first()
                .value(QStringLiteral("attempts"))
                .toInt(),
            2);
    }
};

QTEST_GUILESS_MAIN(TestCliDispatch)
#include "tst_cli_dispatch.moc"
