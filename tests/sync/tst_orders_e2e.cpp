// Proxy orders and unified prices end to end with real processes: the real `cunzhan-county serve`
// (SQLite or PostgreSQL, CUNZHAN_TEST_BACKEND), its administration commands, and the real
// `cunzhanctl` over HTTP on loopback.
//
// orderDecisionsAndPricesReachTheStation: an order.placed op hand-built and pushed over the real
// HTTP protocol with the station's own token, decided at the county; the station skips decisions on
// an order it does not have. Rates and a waybill block assigned at the county reach the station, a
// dispatch is priced and numbered from them without any hand import, and their withdrawal brings the
// station's own rates back and stops the block.
// wholeChainThroughOneStation: the whole proxy-order chain with the real binaries (see there).
#include "../server/countyfixture.h"
#include "countyprocess.h"
#include "processrun.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <httplib.h>
#include <memory>

using namespace cz;
using namespace cz::test;

namespace {

QString stateValue(const QString& stationDb, const QString& key) {
    QString value;
    const QString name = QStringLiteral("read-station-state");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(stationDb);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
            q.addBindValue(key);
            if (q.exec() && q.next())
                value = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

sync::WireOp placedOrder(const QString& orderId) {
    const QJsonArray lines{QJsonObject{{QStringLiteral("sku"), QStringLiteral("FEI-001")},
                                       {QStringLiteral("name"), QStringLiteral("复合肥")},
                                       {QStringLiteral("spec"), QStringLiteral("40kg")},
                                       {QStringLiteral("unit"), QStringLiteral("袋")},
                                       {QStringLiteral("supplier"), QStringLiteral("县农资公司")},
                                       {QStringLiteral("quantity"), 2},
                                       {QStringLiteral("price_fen"), 16000},
                                       {QStringLiteral("price_changed"), false}}};
    sync::WireOp op;
    op.opId = uuid();
    op.seq = 1;
    op.entity = QStringLiteral("order");
    op.entityId = orderId;
    op.kind = QStringLiteral("order.placed");
    op.payload = {{QStringLiteral("order"),
                   QJsonObject{{QStringLiteral("id"), orderId},
                               {QStringLiteral("villager_id"), uuid()},
                               {QStringLiteral("villager_masked"), QStringLiteral("张* 138****5678")},
                               {QStringLiteral("placed_at"), kStart},
                               {QStringLiteral("payment"), QStringLiteral("now")},
                               {QStringLiteral("method"), QStringLiteral("cash")},
                               {QStringLiteral("total_fen"), 32000},
                               {QStringLiteral("lines"), lines}}}};
    op.schemaVersion = 1;
    op.createdAt = kStart;
    return op;
}

// Sums over the station's database, read-only (the cash book has no CLI of its own).
qint64 stationSum(const QString& stationDb, const QString& sql) {
    qint64 value = -1;
    const QString name = QStringLiteral("read-station-sum");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(stationDb);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

} // namespace

class TstOrdersE2e : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_station;

    Run ctl(const QStringList& args) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg")));
        return runProgram(ctlBinary(),
                          QStringList{QStringLiteral("--db"), m_station, QStringLiteral("--lang"),
                                      QStringLiteral("en"), QStringLiteral("--json")} +
                              args,
                          {env});
    }
    static QString county(const QString& db, QStringList args, int* code) {
        args << QStringLiteral("--db") << db;
        return countyCli(args, code, true);
    }

private Q_SLOTS:
    void initTestCase() { CZ_REQUIRE_BACKEND(); }

    void orderDecisionsAndPricesReachTheStation() {
        TestDatabase countyDb;
        const QString db = countyDb.spec();
        m_station = m_dir.filePath(QStringLiteral("station.db"));
        const QString code = addCountyStation(db, QStringLiteral("东村站"), QStringLiteral("城关镇"));
        QVERIFY(!code.isEmpty());
        QCOMPARE(
            ctl({QStringLiteral("init"), QStringLiteral("--station-name"), QStringLiteral("东村站")}).code,
            0);
        CountyProcess server(db);
        QVERIFY2(server.port() > 0, qPrintable(server.output()));
        const Run enrolled = ctl({QStringLiteral("enroll"), QStringLiteral("--server"), server.url(),
                                  QStringLiteral("--code"), code});
        QVERIFY2(enrolled.code == 0, enrolled.err.constData());
        const QString stationId = stateValue(m_station, QStringLiteral("station_id"));
        const QString token = stateValue(m_station, QStringLiteral("token"));
        QVERIFY(!stationId.isEmpty() && !token.isEmpty());

        // The station's order, pushed as its outbox would.
        const QString orderId = uuid();
        httplib::Client client("127.0.0.1", server.port());
        const httplib::Headers headers{{sync::kHeaderProtocol, std::to_string(sync::kProtocolVersion)},
                                       {"Authorization", "Bearer " + token.toStdString()},
                                       {sync::kHeaderStation, stationId.toStdString()}};
        const auto pushed = client.Post(
            sync::pushPath(stationId).toStdString(), headers,
            sync::encode(sync::PushRequest{{}, {placedOrder(orderId)}}).toStdString(), sync::kContentType);
        QVERIFY(pushed);
        QCOMPARE(pushed->status, 200);
        const auto results = sync::decodePushResponse(QByteArray::fromStdString(pushed->body));
        QVERIFY(results);
        QCOMPARE(sync::toString(results->results.first().outcome), sync::toString(sync::Outcome::Applied));

        // The county lists it, accepts and ships it; a decision out of order is refused.
        int exit = -1;
        QString out = county(db,
                             {QStringLiteral("orders"), QStringLiteral("list"), QStringLiteral("--status"),
                              QStringLiteral("placed"), QStringLiteral("--json")},
                             &exit);
        QCOMPARE(exit, 0);
        const QJsonObject listed =
            QJsonDocument::fromJson(out.split(QLatin1Char('\n')).first().toUtf8()).object();
        QCOMPARE(listed.value(QStringLiteral("id")).toString(), orderId);
        QCOMPARE(listed.value(QStringLiteral("station")).toString(), stationId);
        QCOMPARE(listed.value(QStringLiteral("villager_masked")).toString(),
                 QStringLiteral("张* 138****5678"));
        county(db,
               {QStringLiteral("orders"), QStringLiteral("ship"), orderId.left(8),
                QStringLiteral("--waybill"), QStringLiteral("YT700000000001")},
               &exit);
        QCOMPARE(exit, 3);
        county(db, {QStringLiteral("orders"), QStringLiteral("accept"), orderId.left(8)}, &exit);
        QCOMPARE(exit, 0);
        const QString csv = m_dir.filePath(QStringLiteral("purchase.csv"));
        county(db, {QStringLiteral("orders"), QStringLiteral("purchase-list"), QStringLiteral("--out"), csv},
               &exit);
        QCOMPARE(exit, 0);
        QFile purchase(csv);
        QVERIFY(purchase.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(purchase.readAll()),
                 QStringLiteral("sku,name,spec,unit,supplier,quantity,orders,stations,amount_yuan\r\n"
                                "FEI-001,复合肥,40kg,袋,县农资公司,2,1,1,320.00\r\n"));
        county(db,
               {QStringLiteral("orders"), QStringLiteral("ship"), orderId, QStringLiteral("--waybill"),
                QStringLiteral("YT700000000001"), QStringLiteral("--carrier"), QStringLiteral("YTO")},
               &exit);
        QCOMPARE(exit, 0);
        out = county(
            db, {QStringLiteral("orders"), QStringLiteral("show"), orderId, QStringLiteral("--json")}, &exit);
        QCOMPARE(QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("shipped"));

        // Unified prices: rates for every station, a block for this one.
        const QString rates = m_dir.filePath(QStringLiteral("rates.csv"));
        QFile rf(rates);
        QVERIFY(rf.open(QIODevice::WriteOnly));
        rf.write("carrier,province,zone,first_fen,extra_fen_per_kg,max_weight_g\n"
                 "YTO,广东省,粤-20,1200,600,30000\n");
        rf.close();
        county(db, {QStringLiteral("rates"), QStringLiteral("import"), rates}, &exit);
        QCOMPARE(exit, 0);
        county(db,
               {QStringLiteral("waybill-block"), QStringLiteral("assign"), QStringLiteral("--station"),
                stationId, QStringLiteral("--carrier"), QStringLiteral("YTO"), QStringLiteral("--prefix"),
                QStringLiteral("YT6"), QStringLiteral("--from"), QStringLiteral("1"), QStringLiteral("--to"),
                QStringLiteral("500"), QStringLiteral("--digits"), QStringLiteral("11")},
               &exit);
        QCOMPARE(exit, 0);

        // Before the pull the Send page has nothing to price with.
        QCOMPARE(ctl({QStringLiteral("rates"), QStringLiteral("quote"), QStringLiteral("--carrier"),
                      QStringLiteral("YTO"), QStringLiteral("--province"), QStringLiteral("广东省"),
                      QStringLiteral("--weight"), QStringLiteral("2300")})
                     .code,
                 2);
        const Run synced = ctl({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(synced.code == 0, synced.err.constData());
        // rates + waybill_block + two order_status changes (accepted, shipped), for this station.
        QCOMPARE(synced.json().value(QStringLiteral("pulled")).toInt(), 4);
        // The station's orders domain (another branch) stores order_status; until then the sync
        // client names each decision it received and skipped.
        const QString err = QString::fromUtf8(synced.err);
        QCOMPARE(err.count(QStringLiteral("order_status ") + orderId), 2);
        QVERIFY2(!err.contains(QLatin1String("(rates ")) && !err.contains(QLatin1String("(waybill_block ")),
                 synced.err.constData());

        const Run quote = ctl({QStringLiteral("rates"), QStringLiteral("quote"), QStringLiteral("--carrier"),
                               QStringLiteral("YTO"), QStringLiteral("--province"), QStringLiteral("广东省"),
                               QStringLiteral("--weight"), QStringLiteral("2300")});
        QVERIFY2(quote.code == 0, quote.err.constData());
        QCOMPARE(quote.json().value(QStringLiteral("fee_fen")).toInt(), 1200 + 2 * 600);
        const Run sent = ctl({QStringLiteral("dispatch"),
                              QStringLiteral("--sender-name"),
                              QStringLiteral("张三"),
                              QStringLiteral("--sender-phone"),
                              QStringLiteral("13812345678"),
                              QStringLiteral("--sender-id"),
                              QStringLiteral("360721198508150017"),
                              QStringLiteral("--recipient-name"),
                              QStringLiteral("李四"),
                              QStringLiteral("--recipient-phone"),
                              QStringLiteral("13987654321"),
                              QStringLiteral("--province"),
                              QStringLiteral("广东省"),
                              QStringLiteral("--city"),
                              QStringLiteral("深圳市"),
                              QStringLiteral("--district"),
                              QStringLiteral("南山区"),
                              QStringLiteral("--address"),
                              QStringLiteral("科技园一路 8 号"),
                              QStringLiteral("--contents"),
                              QStringLiteral("farm_produce"),
                              QStringLiteral("--inspected"),
                              QStringLiteral("--weight"),
                              QStringLiteral("2300"),
                              QStringLiteral("--carrier"),
                              QStringLiteral("YTO")});
        QVERIFY2(sent.code == 0, sent.err.constData());
        QCOMPARE(sent.json().value(QStringLiteral("waybill")).toString(), QStringLiteral("YT600000000001"));
        QCOMPARE(sent.json().value(QStringLiteral("fee_fen")).toInt(), 2400);

        // The county withdraws its YTO rates and the block: the station's own rates apply again, and
        // the block gives no new number.
        const QString own = m_dir.filePath(QStringLiteral("own-rates.csv"));
        QFile of(own);
        QVERIFY(of.open(QIODevice::WriteOnly));
        of.write("carrier,province,zone,first_fen,extra_fen_per_kg,max_weight_g\n"
                 "YTO,广东省,本站,1000,500,30000\n");
        of.close();
        QCOMPARE(ctl({QStringLiteral("rates"), QStringLiteral("import"), own}).code, 0);
        county(db, {QStringLiteral("rates"), QStringLiteral("withdraw"), QStringLiteral("yto")}, &exit);
        QCOMPARE(exit, 0);
        county(db, {QStringLiteral("rates"), QStringLiteral("withdraw"), QStringLiteral("YTO")}, &exit);
        QVERIFY(exit != 0); // nothing published any more
        county(db,
               {QStringLiteral("waybill-block"), QStringLiteral("withdraw"), stationId,
                QStringLiteral("YTO:YT600000000001")},
               &exit);
        QCOMPARE(exit, 0);
        auto yto = [&] {
            const Run status = ctl({QStringLiteral("waybill-block"), QStringLiteral("status")});
            bool ok = false;
            for (const QJsonObject& o : jsonLines(status.out, &ok))
                if (o.value(QStringLiteral("carrier")).toString() == QLatin1String("YTO"))
                    return o.value(QStringLiteral("left")).toInteger(-1);
            return qint64(-2);
        };
        QCOMPARE(yto(), 499);
        const Run again = ctl({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(again.code == 0, again.err.constData());
        const Run ownQuote =
            ctl({QStringLiteral("rates"), QStringLiteral("quote"), QStringLiteral("--carrier"),
                 QStringLiteral("YTO"), QStringLiteral("--province"), QStringLiteral("广东省"),
                 QStringLiteral("--weight"), QStringLiteral("2300")});
        QVERIFY2(ownQuote.code == 0, ownQuote.err.constData());
        QCOMPARE(ownQuote.json().value(QStringLiteral("fee_fen")).toInt(), 1000 + 2 * 500);
        const qint64 left = yto();
        QVERIFY2(left == 0 || left == -2, qPrintable(QString::number(left))); // none left, or not listed
    }

    // The whole chain through one station database with the real binaries: the county's catalogue
    // reaches the station, a villager deposits, three orders are placed while the county is down,
    // the next sync pushes them, the county accepts and ships one, refuses one, and the station
    // cancelled the third; the shipped parcel is received and handed over, and the county's copy
    // follows every step. The villager's balance and the station's cash book agree with what was paid.
    void wholeChainThroughOneStation() {
        TestDatabase countyDb;
        const QString db = countyDb.spec();
        m_station = m_dir.filePath(QStringLiteral("chain.db"));
        int exit = -1;
        const QString csv = m_dir.filePath(QStringLiteral("catalogue.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("sku,name,spec,unit,price_fen,category,supplier,barcode,active,image\n"
                    "R1,香稻丸,500 g/袋,袋,1280,粮油,县供销社,6901234567892,1,\n"
                    "F1,复合肥,50 kg,袋,16000,化肥,县农资公司,,1,\n");
        }
        county(db, {QStringLiteral("catalogue"), QStringLiteral("import"), csv}, &exit);
        QCOMPARE(exit, 0);
        const QString code = addCountyStation(db, QStringLiteral("西村站"), QStringLiteral("城关镇"));
        QVERIFY(!code.isEmpty());
        QCOMPARE(
            ctl({QStringLiteral("init"), QStringLiteral("--station-name"), QStringLiteral("西村站")}).code,
            0);
        auto server = std::make_unique<CountyProcess>(db);
        QVERIFY2(server->port() > 0, qPrintable(server->output()));
        const int port = server->port();
        const Run enrolled = ctl({QStringLiteral("enroll"), QStringLiteral("--server"), server->url(),
                                  QStringLiteral("--code"), code});
        QVERIFY2(enrolled.code == 0, enrolled.err.constData());
        Run synced = ctl({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(synced.code == 0, synced.err.constData());

        // A villager with a deposit of 500 yuan in cash.
        const Run added =
            ctl({QStringLiteral("villager"), QStringLiteral("add"), QStringLiteral("--name"),
                 QStringLiteral("王秀英"), QStringLiteral("--phone"), QStringLiteral("13812345678"),
                 QStringLiteral("--group"), QStringLiteral("三组")});
        QVERIFY2(added.code == 0, added.err.constData());
        const QString villager = added.json().value(QStringLiteral("id")).toString();
        QVERIFY(!villager.isEmpty());
        const Run deposited =
            ctl({QStringLiteral("villager"), QStringLiteral("deposit"), villager, QStringLiteral("500"),
                 QStringLiteral("--method"), QStringLiteral("cash")});
        QVERIFY2(deposited.code == 0, deposited.err.constData());
        QCOMPARE(deposited.json().value(QStringLiteral("balance_fen")).toInteger(), 50000);

        // The county goes down; the clerk orders anyway.
        server.reset();
        auto place = [&](const QString& line, const QStringList& pay) {
            const Run r = ctl(QStringList{QStringLiteral("order"), QStringLiteral("place"),
                                          QStringLiteral("--villager"), villager, QStringLiteral("--line"),
                                          line, QStringLiteral("--pay")} +
                              pay);
            return r.code == 0 ? r.json().value(QStringLiteral("id")).toString() : QString::fromUtf8(r.err);
        };
        const QString shipped = place(QStringLiteral("F1:1"), {QStringLiteral("deposit")});
        const QString refused = place(QStringLiteral("R1:2"), {QStringLiteral("deposit")});
        const QString refusedAtCounter =
            place(QStringLiteral("R1:1"),
                  {QStringLiteral("now"), QStringLiteral("--method"), QStringLiteral("wechat")});
        const QString cancelled =
            place(QStringLiteral("R1:1"),
                  {QStringLiteral("now"), QStringLiteral("--method"), QStringLiteral("cash")});
        for (const QString& id : {shipped, refused, refusedAtCounter, cancelled})
            QVERIFY2(id.size() == 36, qPrintable(id));
        const Run cancelRun = ctl({QStringLiteral("order"), QStringLiteral("cancel"), cancelled,
                                   QStringLiteral("--reason"), QStringLiteral("买重了")});
        QVERIFY2(cancelRun.code == 0, cancelRun.err.constData());
        QVERIFY(ctl({QStringLiteral("sync"), QStringLiteral("--once")}).code != 0);

        // The county is back on the same address; the next sync pushes the orders.
        server = std::make_unique<CountyProcess>(
            db, QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
        QVERIFY2(server->port() == port, qPrintable(server->output()));
        synced = ctl({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(synced.code == 0, synced.err.constData());
        auto countyStatus = [&](const QString& id) {
            int rc = -1;
            const QString out = county(
                db, {QStringLiteral("orders"), QStringLiteral("show"), id, QStringLiteral("--json")}, &rc);
            return rc == 0 ? QJsonDocument::fromJson(out.toUtf8())
                                 .object()
                                 .value(QStringLiteral("status"))
                                 .toString()
                           : QStringLiteral("exit %1").arg(rc);
        };
        auto stationOrder = [&](const QString& id) {
            return ctl({QStringLiteral("order"), QStringLiteral("show"), id}).json();
        };
        QCOMPARE(countyStatus(shipped), QStringLiteral("placed"));
        QCOMPARE(countyStatus(refused), QStringLiteral("placed"));
        QCOMPARE(countyStatus(cancelled), QStringLiteral("cancelled"));

        // The county decides.
        county(db, {QStringLiteral("orders"), QStringLiteral("accept"), shipped}, &exit);
        QCOMPARE(exit, 0);
        QCOMPARE(countyStatus(shipped), QStringLiteral("accepted"));
        county(db,
               {QStringLiteral("orders"), QStringLiteral("ship"), shipped, QStringLiteral("--waybill"),
                QStringLiteral("YT700000000077"), QStringLiteral("--carrier"), QStringLiteral("YTO")},
               &exit);
        QCOMPARE(exit, 0);
        QCOMPARE(countyStatus(shipped), QStringLiteral("shipped"));
        county(db,
               {QStringLiteral("orders"), QStringLiteral("refuse"), refused, QStringLiteral("--reason"),
                QStringLiteral("缺货")},
               &exit);
        QCOMPARE(exit, 0);
        QCOMPARE(countyStatus(refused), QStringLiteral("refused"));
        county(db,
               {QStringLiteral("orders"), QStringLiteral("refuse"), refusedAtCounter,
                QStringLiteral("--reason"), QStringLiteral("停产")},
               &exit);
        QCOMPARE(exit, 0);
        county(db, {QStringLiteral("orders"), QStringLiteral("accept"), cancelled}, &exit);
        QVERIFY(exit != 0); // cancelled at the station: nothing to decide

        synced = ctl({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(synced.code == 0, synced.err.constData());
        QJsonObject o = stationOrder(shipped);
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("shipped"));
        QCOMPARE(o.value(QStringLiteral("waybill")).toString(), QStringLiteral("YT700000000077"));
        o = stationOrder(refused);
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("refused"));
        QCOMPARE(o.value(QStringLiteral("reason")).toString(), QStringLiteral("缺货"));
        QCOMPARE(o.value(QStringLiteral("refund_due")).toBool(), false); // from the deposit: back already
        // Paid at the counter: the money stays in the till until the villager comes for it.
        QCOMPARE(stationOrder(refusedAtCounter).value(QStringLiteral("refund_due")).toBool(), true);
        QCOMPARE(stationSum(m_station, QStringLiteral("SELECT sum(amount_fen) FROM cash_entry")),
                 50000 + 1280);
        const Run due =
            ctl({QStringLiteral("order"), QStringLiteral("list"), QStringLiteral("--refund-due")});
        QCOMPARE(due.code, 0);
        QCOMPARE(due.json().value(QStringLiteral("id")).toString(), refusedAtCounter);
        const Run refunded = ctl({QStringLiteral("order"), QStringLiteral("refund"), refusedAtCounter});
        QVERIFY2(refunded.code == 0, refunded.err.constData());
        QCOMPARE(refunded.json().value(QStringLiteral("refund_due")).toBool(), false);
        QCOMPARE(
            stationSum(m_station, QStringLiteral("SELECT count(*) FROM cash_entry WHERE amount_fen = -1280"
                                                 " AND method = 'wechat'")),
            1);

        // The van brings the parcel: receiving it links the order, handing it over completes it.
        const Run received =
            ctl({QStringLiteral("receive"), QStringLiteral("YT700000000077"), QStringLiteral("--phone"),
                 QStringLiteral("13812345678"), QStringLiteral("--carrier"), QStringLiteral("YTO")});
        QVERIFY2(received.code == 0, received.err.constData());
        o = stationOrder(shipped);
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("arrived"));
        QVERIFY(!o.value(QStringLiteral("parcel_id")).toString().isEmpty());
        synced = ctl({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(synced.code == 0, synced.err.constData());
        QCOMPARE(countyStatus(shipped), QStringLiteral("arrived"));
        const Run handed =
            ctl({QStringLiteral("pickup"), QStringLiteral("--waybill"), QStringLiteral("YT700000000077")});
        QVERIFY2(handed.code == 0, handed.err.constData());
        QCOMPARE(stationOrder(shipped).value(QStringLiteral("status")).toString(),
                 QStringLiteral("collected"));
        synced = ctl({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(synced.code == 0, synced.err.constData());
        QCOMPARE(countyStatus(shipped), QStringLiteral("collected"));
        QCOMPARE(countyStatus(refused), QStringLiteral("refused"));
        QCOMPARE(countyStatus(cancelled), QStringLiteral("cancelled"));
        QCOMPARE(countyStatus(refusedAtCounter), QStringLiteral("refused"));

        // The money: 500 yuan in, 160 yuan spent on the one order that went through; the refused
        // order's 25.60 went back to the deposit; the cancelled order's 12.80 back over the counter,
        // and the other refused order's 12.80 paid back by WeChat when the villager came for it.
        const Run shown = ctl({QStringLiteral("villager"), QStringLiteral("show"), villager});
        QVERIFY2(shown.code == 0, shown.err.constData());
        QCOMPARE(shown.json().value(QStringLiteral("balance_fen")).toInteger(), 50000 - 16000);
        QCOMPARE(stationSum(m_station, QStringLiteral("SELECT sum(amount_fen) FROM account_entry")),
                 50000 - 16000);
        QCOMPARE(stationSum(m_station, QStringLiteral("SELECT sum(amount_fen) FROM cash_entry")), 50000);
        QCOMPARE(stationSum(m_station, QStringLiteral("SELECT count(*) FROM cash_entry WHERE ref IN"
                                                      " (SELECT id FROM account_entry)")),
                 5);
        QCOMPARE(stationSum(m_station, QStringLiteral("SELECT count(*) FROM outbox WHERE acked_at IS NULL")),
                 0);
    }
};

QTEST_GUILESS_MAIN(TstOrdersE2e)
#include "tst_orders_e2e.moc"
