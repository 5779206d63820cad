// The op catalogue (sync/protocol/opcatalog.h): its verdicts (known, held as an unknown kind or a
// newer schema, rejected as invalid), the copies that describe an older county, and that every
// kind station-core writes to its outbox is in it — read from station-core's sources at test time,
// so a kind added to the station without a catalogue entry fails here.
#include "opcatalog.h"
#include "protocol.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <functional>

using namespace cz::sync;

namespace {

// An order.placed op with one line; `change` spoils it.
WireOp orderOp(const std::function<void(QJsonObject& order, QJsonObject& line)>& change = {}) {
    QJsonObject line{{QStringLiteral("sku"), QStringLiteral("FERT-001")},
                     {QStringLiteral("name"), QStringLiteral("复合肥")},
                     {QStringLiteral("quantity"), 2},
                     {QStringLiteral("price_fen"), 12800}};
    QJsonObject order{{QStringLiteral("id"), QStringLiteral("o1")}};
    if (change)
        change(order, line);
    if (!order.contains(QStringLiteral("lines")))
        order.insert(QStringLiteral("lines"), QJsonArray{line});
    WireOp op;
    op.opId = QStringLiteral("0190f3a2-7b1c-7def-8a00-000000000002");
    op.entity = QStringLiteral("order");
    op.entityId = QStringLiteral("o1");
    op.kind = QStringLiteral("order.placed");
    op.payload = {{QStringLiteral("order"), order}};
    op.schemaVersion = 1;
    op.createdAt = 1;
    return op;
}

WireOp parcelOp(const QString& kind, const QString& status = QStringLiteral("waiting")) {
    WireOp op;
    op.opId = QStringLiteral("0190f3a2-7b1c-7def-8a00-000000000001");
    op.entity = QStringLiteral("parcel");
    op.entityId = QStringLiteral("p1");
    op.kind = kind;
    op.payload = {
        {QStringLiteral("parcel"), QJsonObject{{QStringLiteral("id"), QStringLiteral("p1")},
                                               {QStringLiteral("waybill"), QStringLiteral("YT4300000000001")},
                                               {QStringLiteral("status"), status}}}};
    op.schemaVersion = 1;
    op.createdAt = 1;
    return op;
}

struct StationKind {
    QString entity;
    QString kind;
    QString where; // file, for the failure message
};

// The kinds station-core's sources pass to WriteTx::appendOp (or appendEncodedOp): literal kinds directly,
// and for a helper that appends "<prefix>" + its kind argument (ParcelStore::recordChange,
// appendDispatchEvent), the literal kinds at each of that helper's call sites. Every call site must be
// understood, so a kind computed some other way fails the test instead of slipping past it.
QList<StationKind> stationKinds(QStringList* problems) {
    const QDir dir(QStringLiteral(CUNZHAN_SOURCE_DIR "/station-core"));
    QHash<QString, QString> sources;
    for (const QString& name : dir.entryList({QStringLiteral("*.cpp")}, QDir::Files)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            problems->append(QStringLiteral("cannot read %1").arg(name));
        sources.insert(name, QString::fromUtf8(f.readAll()));
    }
    if (sources.isEmpty())
        problems->append(QStringLiteral("no station-core sources in %1").arg(dir.path()));

    static const QRegularExpression call(
        QStringLiteral(R"re(append(?:Encoded)?Op\(\s*QStringLiteral\("(\w+)"\)\s*,)re"
                       R"re([^;]*?QStringLiteral\("([\w.]+)"\)(\s*\+)?)re"));
    static const QRegularExpression anyCall(QStringLiteral(R"re(\bappend(?:Encoded)?Op\()re"));
    static const QRegularExpression definition(
        QStringLiteral(R"re(\n\w[\w:<> ]*?(\w+)\([^;{]*\)\s*(const\s*)?\{)re"));
    QList<StationKind> kinds;
    QHash<QString, QPair<QString, QString>> helpers; // helper → (entity, prefix)
    for (auto it = sources.cbegin(); it != sources.cend(); ++it) {
        if (it.key() == QLatin1String("writetx.cpp"))
            continue; // appendOp's own definition
        const QString& text = it.value();
        const qsizetype calls = text.count(anyCall);
        qsizetype understood = 0;
        for (auto m = call.globalMatch(text); m.hasNext();) {
            const auto match = m.next();
            ++understood;
            if (match.captured(3).isEmpty()) {
                kinds.append({match.captured(1), match.captured(2), it.key()});
                continue;
            }
            // "<prefix>" + kind: the function around this call is the helper whose callers name the kind.
            QString helper;
            for (auto d = definition.globalMatch(text.left(match.capturedStart())); d.hasNext();)
                helper = d.next().captured(1);
            if (helper.isEmpty())
                problems->append(QStringLiteral("%1: no function around a prefixed appendOp").arg(it.key()));
            else
                helpers.insert(helper, {match.captured(1), match.captured(2)});
        }
        if (understood != calls)
            problems->append(
                QStringLiteral("%1: %2 of %3 appendOp calls name their kind in a way this test does "
                               "not understand")
                    .arg(it.key())
                    .arg(calls - understood)
                    .arg(calls));
    }
    for (auto h = helpers.cbegin(); h != helpers.cend(); ++h) {
        const QRegularExpression helperCall(
            QStringLiteral(R"re(\b%1\(\s*[^,()]+,\s*[^,()]+,\s*(QStringLiteral\("(\w+)"\))?)re")
                .arg(h.key()));
        int callers = 0;
        for (auto it = sources.cbegin(); it != sources.cend(); ++it) {
            for (auto m = helperCall.globalMatch(it.value()); m.hasNext();) {
                const auto match = m.next();
                // Its own definition ("Status ParcelStore::recordChange(WriteTx& tx, …") names no literal.
                const qsizetype lineStart =
                    it.value().lastIndexOf(QLatin1Char('\n'), match.capturedStart()) + 1;
                const QString line = it.value().mid(lineStart, match.capturedStart() - lineStart);
                if (line.startsWith(QLatin1String("Status ")))
                    continue;
                ++callers;
                if (match.captured(2).isEmpty())
                    problems->append(QStringLiteral("%1: a call of %2 with a kind that is not a literal")
                                         .arg(it.key(), h.key()));
                else
                    kinds.append({h->first, h->second + match.captured(2), it.key()});
            }
        }
        if (callers == 0)
            problems->append(QStringLiteral("no call of %1 found").arg(h.key()));
    }
    return kinds;
}

} // namespace

class TstOpCatalog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void kindsAreUniqueAndWellFormed() {
        QSet<QString> seen;
        for (const OpKind& k : OpCatalog::current().kinds()) {
            QVERIFY2(!seen.contains(k.kind), qPrintable(k.kind));
            seen.insert(k.kind);
            QVERIFY(k.kind.contains(QLatin1Char('.')));
            QVERIFY(!k.entity.isEmpty());
            QVERIFY(k.oldestSchema >= 1);
            QVERIFY(k.oldestSchema <= k.newestSchema);
        }
        QVERIFY(OpCatalog::current().find(QStringLiteral("parcel.received")));
        QVERIFY(!OpCatalog::current().find(QStringLiteral("parcel.")));
    }

    void verdicts_data() {
        QTest::addColumn<WireOp>("op");
        QTest::addColumn<int>("standing");
        QTest::addColumn<QString>("code");
        WireOp unknownKind = parcelOp(QStringLiteral("parcel.weighed"));
        WireOp unknownEntity = unknownKind;
        unknownEntity.entity = QStringLiteral("lot");
        unknownEntity.kind = QStringLiteral("lot.graded");
        WireOp newer = parcelOp(QStringLiteral("parcel.received"));
        newer.schemaVersion = 2;
        WireOp noSchema = parcelOp(QStringLiteral("parcel.received"));
        noSchema.schemaVersion = 0;
        WireOp otherEntity = parcelOp(QStringLiteral("dispatch.accepted"));
        WireOp noId = parcelOp(QStringLiteral("lot.graded"));
        noId.entityId.clear();
        WireOp setting = parcelOp(QStringLiteral("setting.changed"));
        setting.entity = QStringLiteral("setting");
        setting.payload = {};
        QTest::newRow("known") << parcelOp(QStringLiteral("parcel.received")) << int(OpStanding::Known)
                               << QString();
        QTest::newRow("known, no payload check") << setting << int(OpStanding::Known) << QString();
        QTest::newRow("unknown kind")
            << unknownKind << int(OpStanding::UnknownKind) << QStringLiteral("op.held_unknown_kind");
        QTest::newRow("unknown entity")
            << unknownEntity << int(OpStanding::UnknownKind) << QStringLiteral("op.held_unknown_kind");
        QTest::newRow("newer schema")
            << newer << int(OpStanding::NewerSchema) << QStringLiteral("op.held_schema_version");
        QTest::newRow("schema 0") << noSchema << int(OpStanding::Invalid)
                                  << QStringLiteral("op.schema_version");
        QTest::newRow("known kind, other entity")
            << otherEntity << int(OpStanding::Invalid) << QStringLiteral("op.unknown_kind");
        QTest::newRow("no entity id, even for an unknown kind")
            << noId << int(OpStanding::Invalid) << QStringLiteral("op.invalid_payload");
        QTest::newRow("parcel status") << parcelOp(QStringLiteral("parcel.moved"), QStringLiteral("lost"))
                                       << int(OpStanding::Invalid) << QStringLiteral("op.invalid_payload");

        const QString invalidPayload = QStringLiteral("op.invalid_payload");
        QTest::newRow("order") << orderOp() << int(OpStanding::Known) << QString();
        QTest::newRow("order of another id") << orderOp([](QJsonObject& o, QJsonObject&) {
            o.insert(QStringLiteral("id"), QStringLiteral("o2"));
        }) << int(OpStanding::Invalid) << invalidPayload;
        QTest::newRow("order without lines")
            << orderOp([](QJsonObject& o, QJsonObject&) { o.insert(QStringLiteral("lines"), QJsonArray{}); })
            << int(OpStanding::Invalid) << invalidPayload;
        QTest::newRow("order of too many lines") << orderOp([](QJsonObject& o, QJsonObject& l) {
            QJsonArray lines;
            for (int i = 0; i <= kMaxOrderLines; ++i)
                lines.append(l);
            o.insert(QStringLiteral("lines"), lines);
        }) << int(OpStanding::Invalid) << invalidPayload;
        QTest::newRow("quantity 0") << orderOp([](QJsonObject&, QJsonObject& l) {
            l.insert(QStringLiteral("quantity"), 0);
        }) << int(OpStanding::Invalid)
                                    << invalidPayload;
        QTest::newRow("quantity 1.5")
            << orderOp([](QJsonObject&, QJsonObject& l) { l.insert(QStringLiteral("quantity"), 1.5); })
            << int(OpStanding::Invalid) << invalidPayload;
        QTest::newRow("negative price")
            << orderOp([](QJsonObject&, QJsonObject& l) { l.insert(QStringLiteral("price_fen"), -1); })
            << int(OpStanding::Invalid) << invalidPayload;
        QTest::newRow("price beyond bounds")
            << orderOp([](QJsonObject&, QJsonObject& l) { l.insert(QStringLiteral("price_fen"), 3e18); })
            << int(OpStanding::Invalid) << invalidPayload;
        QTest::newRow("line without sku")
            << orderOp([](QJsonObject&, QJsonObject& l) { l.remove(QStringLiteral("sku")); })
            << int(OpStanding::Invalid) << invalidPayload;
        QTest::newRow("name of 201 characters") << orderOp([](QJsonObject&, QJsonObject& l) {
            l.insert(QStringLiteral("name"), QString(201, QLatin1Char('x')));
        }) << int(OpStanding::Invalid) << invalidPayload;
    }
    void verdicts() {
        QFETCH(WireOp, op);
        QFETCH(int, standing);
        QFETCH(QString, code);
        const OpVerdict v = OpCatalog::current().judge(op);
        QCOMPARE(int(v.standing), standing);
        QCOMPARE(v.code, code);
        QCOMPARE(v.reason.isEmpty(), code.isEmpty());
        QCOMPARE(v.kind != nullptr, standing == int(OpStanding::Known));
    }

    // An older county's catalogue, as the held-op tests build it.
    void olderCatalogues() {
        const OpCatalog older = OpCatalog::current()
                                    .without(QStringLiteral("parcel.picked_up"))
                                    .withNewestSchema(QStringLiteral("parcel.received"), 0);
        QCOMPARE(older.kinds().size(), OpCatalog::current().kinds().size() - 1);
        QCOMPARE(int(older.judge(parcelOp(QStringLiteral("parcel.picked_up"), QStringLiteral("picked_up")))
                         .standing),
                 int(OpStanding::UnknownKind));
        QCOMPARE(int(older.judge(parcelOp(QStringLiteral("parcel.received"))).standing),
                 int(OpStanding::NewerSchema));
        QCOMPARE(int(older.judge(parcelOp(QStringLiteral("parcel.moved"))).standing), int(OpStanding::Known));
        // The current catalogue is untouched.
        QCOMPARE(int(OpCatalog::current().judge(parcelOp(QStringLiteral("parcel.received"))).standing),
                 int(OpStanding::Known));
    }

    void everyKindTheStationWritesIsInTheCatalogue() {
        QStringList problems;
        const QList<StationKind> kinds = stationKinds(&problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        // The payload schema every station op is written in (WriteTx's kOpSchemaVersion).
        QFile writeTx(QStringLiteral(CUNZHAN_SOURCE_DIR "/station-core/writetx.h"));
        QVERIFY(writeTx.open(QIODevice::ReadOnly));
        const auto schema = QRegularExpression(QStringLiteral(R"re(kOpSchemaVersion\s*=\s*(\d+))re"))
                                .match(QString::fromUtf8(writeTx.readAll()));
        QVERIFY(schema.hasMatch());
        const int written = schema.captured(1).toInt();
        // A floor, so a scan that silently stopped matching cannot pass: the kinds of docs/architecture.md.
        QSet<QString> distinct;
        for (const StationKind& k : kinds) {
            distinct.insert(k.kind);
            const OpKind* known = OpCatalog::current().find(k.kind);
            QVERIFY2(
                known,
                qPrintable(
                    QStringLiteral("%1 writes \"%2\", which the op catalogue lacks").arg(k.where, k.kind)));
            QVERIFY2(
                known->entity == k.entity,
                qPrintable(QStringLiteral("%1 writes \"%2\" for the entity \"%3\", the catalogue says \"%4\"")
                               .arg(k.where, k.kind, k.entity, known->entity)));
            QVERIFY2(known->oldestSchema <= written && written <= known->newestSchema,
                     qPrintable(
                         QStringLiteral("\"%1\" is written in payload schema %2").arg(k.kind).arg(written)));
        }
        QVERIFY2(distinct.size() >= 18,
                 qPrintable(QStringList(distinct.cbegin(), distinct.cend()).join(u' ')));
    }
};

QTEST_GUILESS_MAIN(TstOpCatalog)
#include "tst_opcatalog.moc"
