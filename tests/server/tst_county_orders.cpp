// Proxy orders at the county on SQLite or PostgreSQL: the projection of the stations' order ops
// (idempotent, out-of-order ops never moving an order back), the operator's decisions checked
// against the state machine and published to the order's station only, and the purchase list.
#include "countyfixture.h"
#include "ops.h"
#include "orders.h"

#include <QJsonArray>

using namespace cz;
using namespace cz::test;

namespace {

QJsonObject line(const QString& sku, int quantity, qint64 price,
                 const QString& supplier = QStringLiteral("农资公司"),
                 const QString& name = QStringLiteral("复合肥")) {
    return {{QStringLiteral("sku"), sku},
            {QStringLiteral("name"), name},
            {QStringLiteral("spec"), QStringLiteral("40kg")},
            {QStringLiteral("unit"), QStringLiteral("袋")},
            {QStringLiteral("supplier"), supplier},
            {QStringLiteral("quantity"), quantity},
            {QStringLiteral("price_fen"), price},
            {QStringLiteral("price_changed"), false}};
}

sync::WireOp orderOp(const QString& orderId, const QString& kind, const QJsonObject& payload, qint64 seq) {
    sync::WireOp op;
    op.opId = uuid();
    op.seq = seq;
    op.entity = QStringLiteral("order");
    op.entityId = orderId;
    op.kind = kind;
    op.payload = payload;
    op.schemaVersion = 1;
    op.createdAt = kStart + seq;
    return op;
}

sync::WireOp placed(const QString& orderId, const QJsonArray& lines, qint64 seq = 1) {
    qint64 total = 0;
    for (const QJsonValue& v : lines)
        total += v.toObject().value(QStringLiteral("quantity")).toInteger() *
                 v.toObject().value(QStringLiteral("price_fen")).toInteger();
    return orderOp(orderId, QStringLiteral("order.placed"),
                   {{QStringLiteral("order"),
                     QJsonObject{{QStringLiteral("id"), orderId},
                                 {QStringLiteral("villager_id"), uuid()},
                                 {QStringLiteral("villager_masked"), QStringLiteral("张* 138****5678")},
                                 {QStringLiteral("placed_at"), kStart},
                                 {QStringLiteral("payment"), QStringLiteral("deposit")},
                                 {QStringLiteral("method"), QStringLiteral("account")},
                                 {QStringLiteral("total_fen"), total},
                                 {QStringLiteral("lines"), lines}}}},
                   seq);
}

sync::WireOp stationOp(const QString& orderId, const QString& what, qint64 seq) {
    QJsonObject p{{QStringLiteral("order_id"), orderId}, {QStringLiteral("at"), kStart + seq}};
    if (what == QLatin1String("cancelled"))
        p.insert(QStringLiteral("reason"), QStringLiteral("村民不要了"));
    if (what == QLatin1String("arrived")) {
        p.insert(QStringLiteral("parcel_id"), uuid());
        p.insert(QStringLiteral("waybill"), QStringLiteral("YT900000000001"));
    }
    return orderOp(orderId, QStringLiteral("order.") + what, p, seq);
}

QList<sync::OpResult> pushOk(CountyFixture& f, const StationLogin& s, const QList<sync::WireOp>& ops) {
    const auto r = f.push(s, ops);
    const auto d = sync::decodePushResponse(r.body);
    if (r.status != 200 || !d)
        qFatal("push failed: %d", r.status);
    return d->results;
}

QString statusOf(CountyFixture& f, const QString& orderId) {
    auto o = county::findOrder(*f.store, orderId);
    return o ? o->status : o.error().code;
}

QList<sync::Change> pulled(CountyFixture& f, const StationLogin& s, const QString& kind) {
    const auto r = f.pull(s, 0, 1000);
    const auto d = sync::decodePullResponse(r.body);
    if (r.status != 200 || !d)
        qFatal("pull failed: %d", r.status);
    QList<sync::Change> out;
    for (const sync::Change& c : d->changes)
        if (c.kind == kind)
            out.append(c);
    return out;
}

} // namespace

class TstCountyOrders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { CZ_REQUIRE_BACKEND(); }

    void placedOrderIsProjectedOnce() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        const QString id = uuid();
        const sync::WireOp op =
            placed(id, {line(QStringLiteral("FEI-001"), 2, 16000), line(QStringLiteral("ZZ-9"), 1, 1250)});
        QCOMPARE(sync::toString(pushOk(f, s, {op}).first().outcome), sync::toString(sync::Outcome::Applied));
        QCOMPARE(sync::toString(pushOk(f, s, {op}).first().outcome),
                 sync::toString(sync::Outcome::AlreadyApplied));
        QCOMPARE(f.count(QStringLiteral("orders")), 1);
        QCOMPARE(f.count(QStringLiteral("order_lines")), 2);
        auto o = county::findOrder(*f.store, id);
        QVERIFY2(o, o ? "" : qPrintable(o.error().message));
        QCOMPARE(o->status, QStringLiteral("placed"));
        QCOMPARE(o->stationId, s.id);
        QCOMPARE(o->villagerMasked, QStringLiteral("张* 138****5678"));
        QCOMPARE(o->totalFen, 33250);
        QCOMPARE(o->payment, QStringLiteral("deposit"));
        QCOMPARE(o->lines.size(), 2);
        QCOMPARE(o->lines.at(0).quantity, 2);
        QCOMPARE(o->lines.at(1).sku, QStringLiteral("ZZ-9"));
        // The same order as a new op (a county restored from a backup, a new epoch): nothing twice.
        sync::WireOp again = op;
        again.opId = uuid();
        QCOMPARE(sync::toString(pushOk(f, s, {again}).first().outcome),
                 sync::toString(sync::Outcome::Applied));
        QCOMPARE(f.count(QStringLiteral("orders")), 1);
        QCOMPARE(f.count(QStringLiteral("order_lines")), 2);
        // Found by a unique beginning of its id too.
        QCOMPARE(county::findOrder(*f.store, id.left(8))->id, id);
        QCOMPARE(county::findOrder(*f.store, QStringLiteral("abc")).error().code,
                 QStringLiteral("order.bad_id"));
        QCOMPARE(county::findOrder(*f.store, uuid()).error().kind, ErrorKind::NotFound);
        // An invalid order (no lines) is rejected and projects nothing.
        const QString bad = uuid();
        QCOMPARE(sync::toString(pushOk(f, s, {placed(bad, {}, 2)}).first().outcome),
                 sync::toString(sync::Outcome::Rejected));
        QCOMPARE(f.count(QStringLiteral("orders")), 1);
    }

    void decisionsFollowTheStateMachine() {
        CountyFixture f;
        const StationLogin a = f.enrolStation(QStringLiteral("甲站"));
        const StationLogin b = f.enrolStation(QStringLiteral("乙站"));
        const QString id = uuid();
        pushOk(f, a, {placed(id, {line(QStringLiteral("FEI-001"), 1, 16000)})});
        using county::OrderDecision;
        // Out of order: nothing written, no change published.
        const qint64 changes = f.count(QStringLiteral("changes"));
        auto ship = county::decideOrder(*f.store, id, OrderDecision::Ship,
                                        {{}, QStringLiteral("YT123456789012"), {}});
        QVERIFY(!ship);
        QCOMPARE(ship.error().code, QStringLiteral("order.state"));
        QCOMPARE(ship.error().kind, ErrorKind::Conflict);
        QCOMPARE(county::decideOrder(*f.store, id, OrderDecision::Refuse, {}).error().code,
                 QStringLiteral("order.reason"));
        QCOMPARE(f.count(QStringLiteral("changes")), changes);
        QCOMPARE(statusOf(f, id), QStringLiteral("placed"));

        QVERIFY(county::decideOrder(*f.store, id, OrderDecision::Accept, {}));
        QCOMPARE(county::decideOrder(*f.store, id, OrderDecision::Accept, {}).error().code,
                 QStringLiteral("order.state"));
        QCOMPARE(county::decideOrder(*f.store, id, OrderDecision::Ship, {{}, QStringLiteral("bad!"), {}})
                     .error()
                     .code,
                 QStringLiteral("order.waybill"));
        auto shipped = county::decideOrder(*f.store, id, OrderDecision::Ship,
                                           {{}, QStringLiteral("yt123456789012"), QStringLiteral("yto")});
        QVERIFY2(shipped, shipped ? "" : qPrintable(shipped.error().message));
        QCOMPARE(shipped->waybill, QStringLiteral("YT123456789012"));
        QCOMPARE(county::decideOrder(*f.store, id, OrderDecision::Refuse, {QStringLiteral("缺货"), {}, {}})
                     .error()
                     .code,
                 QStringLiteral("order.state"));
        QCOMPARE(f.count(QStringLiteral("changes")), changes + 2);

        // Published to the order's station only, one change per decision.
        const auto forA = pulled(f, a, QStringLiteral("order_status"));
        QCOMPARE(forA.size(), 2);
        QCOMPARE(forA.at(0).key, id);
        QCOMPARE(forA.at(0).data.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
        QCOMPARE(forA.at(1).data.value(QStringLiteral("status")).toString(), QStringLiteral("shipped"));
        QCOMPARE(forA.at(1).data.value(QStringLiteral("waybill")).toString(),
                 QStringLiteral("YT123456789012"));
        QCOMPARE(forA.at(1).data.value(QStringLiteral("carrier")).toString(), QStringLiteral("YTO"));
        QCOMPARE(forA.at(1).data.value(QStringLiteral("at")).toInteger(), *f.now);
        QVERIFY(pulled(f, b, QStringLiteral("order_status")).isEmpty());

        // Refused from accepted, with the reason sent down.
        const QString other = uuid();
        pushOk(f, b, {placed(other, {line(QStringLiteral("FEI-001"), 1, 16000)})});
        QVERIFY(county::decideOrder(*f.store, other, OrderDecision::Accept, {}));
        QVERIFY(
            county::decideOrder(*f.store, other, OrderDecision::Refuse, {QStringLiteral(" 缺货 "), {}, {}}));
        const auto forB = pulled(f, b, QStringLiteral("order_status"));
        QCOMPARE(forB.size(), 2);
        QCOMPARE(forB.at(1).data.value(QStringLiteral("status")).toString(), QStringLiteral("refused"));
        QCOMPARE(forB.at(1).data.value(QStringLiteral("reason")).toString(), QStringLiteral("缺货"));
        QCOMPARE(county::findOrder(*f.store, other)->reason, QStringLiteral("缺货"));
    }

    void stationOpsMoveOrdersForwardOnly() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        using county::OrderDecision;
        // Cancelled before shipping: cancelled, and the county can no longer accept it.
        const QString early = uuid();
        pushOk(f, s,
               {placed(early, {line(QStringLiteral("A"), 1, 100)}, 1),
                stationOp(early, QStringLiteral("cancelled"), 2)});
        QCOMPARE(statusOf(f, early), QStringLiteral("cancelled"));
        QCOMPARE(county::decideOrder(*f.store, early, OrderDecision::Accept, {}).error().code,
                 QStringLiteral("order.state"));

        // Cancelled after the county shipped: stays shipped, flagged for the operator.
        const QString late = uuid();
        pushOk(f, s, {placed(late, {line(QStringLiteral("A"), 1, 100)}, 3)});
        QVERIFY(county::decideOrder(*f.store, late, OrderDecision::Accept, {}));
        QVERIFY(county::decideOrder(*f.store, late, OrderDecision::Ship,
                                    {{}, QStringLiteral("YT123456789013"), {}}));
        pushOk(f, s, {stationOp(late, QStringLiteral("cancelled"), 4)});
        auto o = county::findOrder(*f.store, late);
        QCOMPARE(o->status, QStringLiteral("shipped"));
        QVERIFY(o->cancelConflict);
        auto conflicts = county::listOrders(*f.store, {QStringLiteral("shipped"), {}});
        QCOMPARE(conflicts->size(), 1);
        QVERIFY(conflicts->first().cancelConflict);

        // Collected before the county saw it shipped: the station knows more; the arrival coming
        // after it does not move the order back, and shipping it now is out of order.
        const QString ahead = uuid();
        pushOk(f, s, {placed(ahead, {line(QStringLiteral("A"), 1, 100)}, 5)});
        QVERIFY(county::decideOrder(*f.store, ahead, OrderDecision::Accept, {}));
        pushOk(f, s, {stationOp(ahead, QStringLiteral("collected"), 7)});
        QCOMPARE(statusOf(f, ahead), QStringLiteral("collected"));
        pushOk(f, s, {stationOp(ahead, QStringLiteral("arrived"), 6)});
        QCOMPARE(statusOf(f, ahead), QStringLiteral("collected"));
        QCOMPARE(county::findOrder(*f.store, ahead)->waybill, QString());
        QCOMPARE(county::decideOrder(*f.store, ahead, OrderDecision::Ship,
                                     {{}, QStringLiteral("YT123456789014"), {}})
                     .error()
                     .code,
                 QStringLiteral("order.state"));

        // An arrival records the station's waybill.
        const QString normal = uuid();
        pushOk(f, s,
               {placed(normal, {line(QStringLiteral("A"), 1, 100)}, 8),
                stationOp(normal, QStringLiteral("arrived"), 9)});
        QCOMPARE(statusOf(f, normal), QStringLiteral("arrived"));
        QCOMPARE(county::findOrder(*f.store, normal)->waybill, QStringLiteral("YT900000000001"));
        // A cancellation of a refused order leaves it refused.
        const QString refused = uuid();
        pushOk(f, s, {placed(refused, {line(QStringLiteral("A"), 1, 100)}, 10)});
        QVERIFY(
            county::decideOrder(*f.store, refused, OrderDecision::Refuse, {QStringLiteral("停产"), {}, {}}));
        pushOk(f, s, {stationOp(refused, QStringLiteral("cancelled"), 11)});
        QCOMPARE(statusOf(f, refused), QStringLiteral("refused"));
        QVERIFY(!county::findOrder(*f.store, refused)->cancelConflict);
    }

    // The clerk undid a handover (order.collection_undone): the county's order goes back from
    // collected to arrived, and only from collected; held until its order is known, like the others.
    void undoneCollectionGoesBackToArrived() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        const QString id = uuid();
        pushOk(f, s,
               {placed(id, {line(QStringLiteral("A"), 1, 100)}, 1),
                stationOp(id, QStringLiteral("arrived"), 2),
                stationOp(id, QStringLiteral("collection_undone"), 3)});
        QCOMPARE(statusOf(f, id), QStringLiteral("arrived")); // not collected: nothing to undo
        pushOk(f, s, {stationOp(id, QStringLiteral("collected"), 4)});
        QCOMPARE(statusOf(f, id), QStringLiteral("collected"));
        const auto results = pushOk(f, s, {stationOp(id, QStringLiteral("collection_undone"), 5)});
        QCOMPARE(sync::toString(results.first().outcome), sync::toString(sync::Outcome::Applied));
        QCOMPARE(statusOf(f, id), QStringLiteral("arrived"));
        pushOk(f, s, {stationOp(id, QStringLiteral("collected"), 6)});
        QCOMPARE(statusOf(f, id), QStringLiteral("collected"));

        // Its order comes later: the ops are applied in the station's order when it does.
        const QString late = uuid();
        pushOk(f, s,
               {stationOp(late, QStringLiteral("arrived"), 8),
                stationOp(late, QStringLiteral("collected"), 9),
                stationOp(late, QStringLiteral("collection_undone"), 10)});
        pushOk(f, s, {placed(late, {line(QStringLiteral("A"), 1, 100)}, 7)});
        QCOMPARE(statusOf(f, late), QStringLiteral("arrived"));
    }

    void aLaterOpBeforeItsOrderIsAppliedWhenTheOrderComes() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        const QString id = uuid();
        // The cancellation first (the order.placed was held or sent in another batch).
        QCOMPARE(
            sync::toString(pushOk(f, s, {stationOp(id, QStringLiteral("cancelled"), 2)}).first().outcome),
            sync::toString(sync::Outcome::Applied));
        QCOMPARE(f.count(QStringLiteral("orders")), 0);
        pushOk(f, s, {placed(id, {line(QStringLiteral("A"), 1, 100)}, 1)});
        QCOMPARE(statusOf(f, id), QStringLiteral("cancelled"));
        QCOMPARE(county::findOrder(*f.store, id)->reason, QStringLiteral("村民不要了"));
    }

    void heldOrderOpsAreProjectedWhenKnown() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        const QString id = uuid();
        // A county from before proxy orders holds the order; the cancellation it knows finds no order.
        const sync::OpCatalog older = sync::OpCatalog::current().without(QStringLiteral("order.placed"));
        const QList<sync::WireOp> ops{placed(id, {line(QStringLiteral("A"), 1, 100)}, 1),
                                      stationOp(id, QStringLiteral("cancelled"), 2)};
        {
            auto tx = f.store->begin(county::Tx::Mode::Write);
            QVERIFY(tx);
            auto results = county::applyOps(*tx, s.id, county::prepareOps(ops), older);
            QVERIFY(results);
            QCOMPARE(sync::toString(results->at(0).outcome), sync::toString(sync::Outcome::Held));
            QVERIFY(tx->commit());
        }
        QCOMPARE(f.count(QStringLiteral("orders")), 0);
        auto run = county::applyHeldOps(*f.store);
        QVERIFY(run);
        QCOMPARE(run->applied, 1);
        QCOMPARE(statusOf(f, id), QStringLiteral("cancelled"));
        QCOMPARE(f.count(QStringLiteral("order_lines")), 1);
        // Applying again changes nothing.
        QCOMPARE(county::applyHeldOps(*f.store)->applied, 0);
        QCOMPARE(f.count(QStringLiteral("order_lines")), 1);
    }

    void purchaseListAggregatesStations() {
        CountyFixture f;
        const StationLogin a = f.enrolStation(QStringLiteral("甲站"));
        const StationLogin b = f.enrolStation(QStringLiteral("乙站"));
        const QString o1 = uuid(), o2 = uuid(), o3 = uuid(), o4 = uuid();
        pushOk(f, a,
               {placed(o1,
                       {line(QStringLiteral("FEI-001"), 2, 16000),
                        line(QStringLiteral("ZZ-9"), 3, 500, QStringLiteral("种子站"),
                             QStringLiteral("玉米种, 早熟"))},
                       1),
                placed(o2, {line(QStringLiteral("FEI-001"), 1, 15800)}, 2)});
        pushOk(f, b,
               {placed(o3, {line(QStringLiteral("FEI-001"), 5, 16000)}, 1),
                placed(o4, {line(QStringLiteral("FEI-001"), 100, 16000)}, 2)});
        for (const QString& id : {o1, o2, o3})
            QVERIFY(county::decideOrder(*f.store, id, county::OrderDecision::Accept, {}));
        auto list = county::purchaseList(*f.store, {}, {});
        QVERIFY2(list, list ? "" : qPrintable(list.error().message));
        QCOMPARE(list->size(), 2);
        const county::PurchaseRow fert =
            list->at(1).supplier == QStringLiteral("农资公司") ? list->at(1) : list->at(0);
        QCOMPARE(fert.sku, QStringLiteral("FEI-001"));
        QCOMPARE(fert.quantity, 8);
        QCOMPARE(fert.orders, 3);
        QCOMPARE(fert.stations, 2);
        QCOMPARE(fert.amountFen, 2 * 16000 + 15800 + 5 * 16000);
        auto seeds = county::purchaseList(*f.store, QStringLiteral("accepted"), QStringLiteral("种子站"));
        QCOMPARE(seeds->size(), 1);
        QCOMPARE(seeds->first().quantity, 3);
        QCOMPARE(seeds->first().stations, 1);
        const QByteArray csv = county::purchaseListCsv(*seeds);
        QVERIFY(!csv.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(QString::fromUtf8(csv),
                 QStringLiteral("sku,name,spec,unit,supplier,quantity,orders,stations,amount_yuan\r\n"
                                "ZZ-9,\"玉米种, 早熟\",40kg,袋,种子站,3,1,1,15.00\r\n"));
        QCOMPARE(county::purchaseList(*f.store, QStringLiteral("placed"), {})->first().quantity, 100);
        QCOMPARE(county::purchaseList(*f.store, QStringLiteral("nonsense"), {}).error().code,
                 QStringLiteral("order.bad_status"));
        // Listing by station and status.
        QCOMPARE(county::listOrders(*f.store, {{}, b.id})->size(), 2);
        QCOMPARE(county::listOrders(*f.store, {QStringLiteral("accepted"), a.id})->size(), 2);
    }
};

QTEST_GUILESS_MAIN(TstCountyOrders)
#include "tst_county_orders.moc"
