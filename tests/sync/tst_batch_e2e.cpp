// USB batches end to end with real processes: stations enrol with the real `cunzhan-county serve`
// (SQLite, or PostgreSQL with CUNZHAN_TEST_BACKEND=pg) through the real `cunzhanctl`, which makes
// their batch-signing keys; `cunzhanctl export-batch` signs, `cunzhan-county import-batch` checks.
// A batch unsigned, signed by another station or altered is refused with nothing imported and a
// security-log line; a station enrolled before keys needs --accept-unsigned; a 90-day outage is
// written as parts that import completely, in any order, twice without applying anything twice.
#include "../server/countyfixture.h"
#include "countyprocess.h"
#include "processrun.h"
#include "protocol.h"
#include "signing.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <random>

using namespace cz::test;

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Runs statements on a station's SQLite file (the test's own connection, closed afterwards).
QVariant stationSql(const QString& file, const QStringList& statements) {
    QVariant last;
    const QString name = QStringLiteral("station-sql");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(file));
        for (const QString& sql : statements) {
            QSqlQuery q(db);
            if (!q.exec(sql))
                qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            if (q.next())
                last = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return last;
}

// value with every string equal to a key of `to` (at any depth) replaced by its value.
QJsonValue replaced(const QJsonValue& value, const QHash<QString, QString>& to) {
    if (value.isString())
        return to.value(value.toString(), value.toString());
    if (value.isArray()) {
        QJsonArray a;
        for (const QJsonValue& v : value.toArray())
            a.append(replaced(v, to));
        return a;
    }
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            *it = replaced(*it, to);
        return o;
    }
    return value;
}

} // namespace

class TstBatchE2e : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestDatabase> m_county;
    std::unique_ptr<CountyProcess> m_server;
    QString m_securityLog;

    Run ctl(const QString& station, const QStringList& args) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg")));
        return runProgram(ctlBinary(),
                          QStringList{QStringLiteral("--db"), station, QStringLiteral("--json")} + args,
                          {env, {}, 600000});
    }
    Run county(const QStringList& args) {
        return runProgram(countyBinary(),
                          args + QStringList{QStringLiteral("--db"), m_county->spec(),
                                             QStringLiteral("--json"), QStringLiteral("--security-log"),
                                             m_securityLog},
                          {QProcessEnvironment::systemEnvironment(), {}, 900000});
    }
    Run import(const QStringList& files, const QStringList& extra = {}) {
        return county(QStringList{QStringLiteral("import-batch")} + files + extra);
    }
    // A new station file enrolled with the county; returns its county id ("" on failure).
    QString enrol(const QString& station, const QString& name) {
        const QString code = addCountyStation(m_county->spec(), name, QStringLiteral("城关镇"));
        if (code.isEmpty() ||
            ctl(station, {QStringLiteral("init"), QStringLiteral("--station-name"), name}).code != 0)
            return {};
        const Run r = ctl(station, {QStringLiteral("enroll"), QStringLiteral("--server"), m_server->url(),
                                    QStringLiteral("--code"), code});
        if (r.code != 0)
            qWarning("enroll: %s", r.err.constData());
        return r.json().value(QStringLiteral("station_id")).toString();
    }
    qint64 opsApplied(const QString& stationId) {
        const Run r = county({QStringLiteral("stats")});
        for (const QJsonObject& o : jsonLines(r.out))
            if (o.value(QStringLiteral("id")).toString() == stationId)
                return o.value(QStringLiteral("ops_applied")).toInteger();
        return -1;
    }
    QString errorCode(const Run& r) {
        return r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
    QByteArray securityLog() { return readAll(m_securityLog); }
    // The first reasons the county gave for refusing ops (diagnostics).
    QString rejectionReasons() {
        auto store = cz::county::CountyStore::open(m_county->spec());
        if (!store)
            return store.error().message;
        auto tx = (*store)->begin(cz::county::Tx::Mode::Read);
        if (!tx)
            return tx.error().message;
        auto rows =
            tx->select(QStringLiteral("SELECT kind, reason_code, reason FROM ops WHERE outcome <> 'applied'"
                                      " LIMIT 3"));
        QStringList out;
        if (rows)
            for (const auto& r : *rows)
                out << QStringLiteral("%1 %2 %3")
                           .arg(r.at(0).toString(), r.at(1).toString(), r.at(2).toString());
        return out.join(QStringLiteral("; "));
    }

private Q_SLOTS:
    void initTestCase() { CZ_REQUIRE_BACKEND(); }

    void init() {
        m_county = std::make_unique<TestDatabase>();
        m_securityLog = m_dir.filePath(QStringLiteral("security-%1.jsonl").arg(QTest::currentTestFunction()));
        m_server = std::make_unique<CountyProcess>(m_county->spec());
        QVERIFY2(m_server->port() > 0, qPrintable(m_server->output()));
    }
    void cleanup() {
        m_server.reset();
        m_county.reset();
    }

    void signedBatchImportsAndForgeriesAreRefused() {
        const QString a = m_dir.filePath(QStringLiteral("a.db"));
        const QString b = m_dir.filePath(QStringLiteral("b.db"));
        const QString idA = enrol(a, QStringLiteral("东村站"));
        const QString idB = enrol(b, QStringLiteral("西村站"));
        QVERIFY(!idA.isEmpty() && !idB.isEmpty());
        for (const char* waybill : {"YT500000000001", "YT500000000002"})
            QCOMPARE(ctl(a, {QStringLiteral("receive"), QString::fromLatin1(waybill),
                             QStringLiteral("--phone"), QStringLiteral("1234")})
                         .code,
                     0);
        QCOMPARE(ctl(b, {QStringLiteral("receive"), QStringLiteral("YT700000000009"),
                         QStringLiteral("--phone"), QStringLiteral("5678")})
                     .code,
                 0);
        const QString fileA = m_dir.filePath(QStringLiteral("a.czb"));
        const Run exported = ctl(a, {QStringLiteral("export-batch"), fileA});
        QVERIFY2(exported.code == 0, exported.err.constData());
        const int opsA = exported.json().value(QStringLiteral("ops")).toInt();
        QCOMPARE(opsA, 3); // the station's initialisation and two receives
        QVERIFY(exported.json().value(QStringLiteral("signed")).toBool());
        const QByteArray good = readAll(fileA);
        const cz::sync::BatchFile split = cz::sync::splitBatchFile(good);
        QCOMPARE(split.signature.size(), cz::sync::kSignatureBytes);

        // Forgeries, each refused with nothing imported and a line in the security log.
        const auto refused = [&](const QByteArray& bytes, const QStringList& extra, const QString& code) {
            const QString forged = m_dir.filePath(QStringLiteral("forged.czb"));
            QVERIFY(writeAll(forged, bytes));
            const qsizetype logged = securityLog().count(code.toUtf8());
            const Run r = import({forged}, extra);
            QVERIFY2(r.code != 0, r.out.constData());
            QCOMPARE(errorCode(r), code);
            QCOMPARE(opsApplied(idA), 0);
            QCOMPARE(securityLog().count(code.toUtf8()), logged + 1);
        };
        // Unsigned, as every batch was before: refused even with --accept-unsigned (A has a key).
        refused(split.body, {}, QStringLiteral("batch.unsigned"));
        refused(split.body, {QStringLiteral("--accept-unsigned")}, QStringLiteral("batch.unsigned"));
        // One byte of the signature changed.
        QByteArray flipped = good;
        flipped[flipped.size() - 1] = char(flipped.at(flipped.size() - 1) ^ 0x01);
        refused(flipped, {}, QStringLiteral("batch.bad_signature"));
        // One character of an op changed (a body that still decodes: another waybill).
        const auto decoded = cz::sync::decodeBatch(good);
        QVERIFY(decoded);
        cz::sync::Batch batch = *decoded;
        batch.ops[1].payload =
            replaced(batch.ops[1].payload,
                     {{QStringLiteral("YT500000000001"), QStringLiteral("YT500000000009")}})
                .toObject();
        const QByteArray altered = cz::sync::encode(batch);
        QVERIFY(altered != split.body);
        refused(cz::sync::signedBatchFile(altered, split.signature), {},
                QStringLiteral("batch.bad_signature"));
        // A byte flipped anywhere in the body: refused, whatever it breaks.
        for (qsizetype at : {qsizetype(0), split.body.size() / 2, split.body.size() - 1}) {
            QByteArray bytes = good;
            bytes[at] = char(bytes.at(at) ^ 0x20);
            const QString forged = m_dir.filePath(QStringLiteral("flipped.czb"));
            QVERIFY(writeAll(forged, bytes));
            const Run r = import({forged});
            QVERIFY(r.code != 0);
            QVERIFY2(errorCode(r) == QLatin1String("batch.bad_signature") ||
                         errorCode(r) == QLatin1String("batch.malformed"),
                     r.out.constData());
            QCOMPARE(opsApplied(idA), 0);
        }
        // B's batch rewritten to name A, signed with B's own key (read from B's database).
        const QString fileB = m_dir.filePath(QStringLiteral("b.czb"));
        QCOMPARE(ctl(b, {QStringLiteral("export-batch"), fileB}).code, 0);
        const auto decodedB = cz::sync::decodeBatch(readAll(fileB));
        QVERIFY(decodedB);
        cz::sync::Batch batchB = *decodedB;
        batchB.stationId = idA;
        const QByteArray keyB = QByteArray::fromBase64(
            stationSql(b, {QStringLiteral("SELECT value FROM sync_state WHERE key = 'batch_key'")})
                .toString()
                .toLatin1());
        QCOMPARE(keyB.size(), cz::sync::kSigningKeyBytes);
        const QByteArray bodyAsA = cz::sync::encode(batchB);
        refused(cz::sync::signedBatchFile(bodyAsA, cz::sync::signBytes(keyB, bodyAsA)), {},
                QStringLiteral("batch.bad_signature"));

        // The real files import, once.
        Run r = import({fileA, fileB});
        QVERIFY2(r.code == 0, r.err.constData());
        const auto lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].value(QStringLiteral("applied")).toInt(), opsA);
        QVERIFY(lines[0].value(QStringLiteral("signed")).toBool());
        QCOMPARE(lines[1].value(QStringLiteral("applied")).toInt(), 2);
        QCOMPARE(opsApplied(idA), opsA);
        r = import({fileA});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json().value(QStringLiteral("applied")).toInt(), 0);
        QCOMPARE(r.json().value(QStringLiteral("already_applied")).toInt(), opsA);
    }

    void stationEnrolledBeforeKeysNeedsAcceptUnsigned() {
        const QString a = m_dir.filePath(QStringLiteral("legacy.db"));
        const QString id = enrol(a, QStringLiteral("老站"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(ctl(a, {QStringLiteral("receive"), QStringLiteral("YT500000000003"),
                         QStringLiteral("--phone"), QStringLiteral("1234")})
                     .code,
                 0);
        // As enrolled before this change: no key at either end.
        stationSql(a, {QStringLiteral("DELETE FROM sync_state WHERE key = 'batch_key'")});
        {
            auto store = cz::county::CountyStore::open(m_county->spec());
            QVERIFY(store);
            auto tx = (*store)->begin(cz::county::Tx::Mode::Write);
            QVERIFY(tx);
            QVERIFY(tx->exec(QStringLiteral("UPDATE stations SET batch_key = NULL WHERE id = ?"), {id}));
            QVERIFY(tx->commit());
        }
        const QString file = m_dir.filePath(QStringLiteral("legacy.czb"));
        const Run exported = ctl(a, {QStringLiteral("export-batch"), file});
        QCOMPARE(exported.code, 0);
        QVERIFY(!exported.json().value(QStringLiteral("signed")).toBool());
        QVERIFY(cz::sync::splitBatchFile(readAll(file)).signature.isEmpty());

        Run r = import({file});
        QVERIFY(r.code != 0);
        QCOMPARE(errorCode(r), QStringLiteral("batch.no_station_key"));
        QCOMPARE(opsApplied(id), 0);
        QVERIFY(securityLog().contains("batch.no_station_key"));
        r = import({file}, {QStringLiteral("--accept-unsigned")});
        QVERIFY2(r.code == 0, r.err.constData());
        const int ops = exported.json().value(QStringLiteral("ops")).toInt();
        QCOMPARE(r.json().value(QStringLiteral("applied")).toInt(), ops);
        QVERIFY(!r.json().value(QStringLiteral("signed")).toBool());
        QCOMPARE(opsApplied(id), ops);
        QVERIFY(securityLog().contains("batch.accepted_unsigned"));
    }

    // 90 days offline at 900 parcels a day: 81 000 receives and 81 000 pickups, made from one real
    // receive and pickup of this station (copied with new ids straight into its outbox, for speed).
    // The export comes in signed parts; they import completely in a shuffled order, and a second
    // import of every part applies nothing.
    void ninetyDaysOfflineInParts() {
        const int parcels = qEnvironmentVariableIntValue("CUNZHAN_BATCH_PARCELS") > 0
                                ? qEnvironmentVariableIntValue("CUNZHAN_BATCH_PARCELS")
                                : 90 * 900;
        const QString station = m_dir.filePath(QStringLiteral("outage.db"));
        const QString id = enrol(station, QStringLiteral("山村站"));
        QVERIFY(!id.isEmpty());
        const QJsonObject received =
            ctl(station, {QStringLiteral("receive"), QStringLiteral("YT764306505052"),
                          QStringLiteral("--phone"), QStringLiteral("13800138000")})
                .json();
        const QString code = received.value(QStringLiteral("pickup_code")).toString();
        QVERIFY(!code.isEmpty());
        QCOMPARE(ctl(station, {QStringLiteral("pickup"), QStringLiteral("--code"), code}).code, 0);
        const QString sample = m_dir.filePath(QStringLiteral("sample.czb"));
        QCOMPARE(ctl(station, {QStringLiteral("export-batch"), sample}).code, 0);
        const auto templ = cz::sync::decodeBatch(readAll(sample));
        QVERIFY(templ);
        QList<cz::sync::WireOp> pair;
        for (const cz::sync::WireOp& op : templ->ops)
            if (op.entity == QLatin1String("parcel"))
                pair << op;
        QCOMPARE(pair.size(), 2);
        const QString parcelId = pair[0].entityId;
        const QString waybill = received.value(QStringLiteral("waybill")).toString();

        // Copies: new parcel ids, waybills and op ids, times spread over the 90 days.
        {
            const QString name = QStringLiteral("outage-writer");
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(station);
                QVERIFY(db.open());
                QVERIFY(db.transaction());
                QSqlQuery q(db);
                QVERIFY(
                    q.prepare(QStringLiteral("INSERT INTO outbox(op_id, entity, entity_id, kind, payload,"
                                             " schema_version, created_at, actor) VALUES (?, ?, ?, ?, ?, ?,"
                                             " ?, 'station')")));
                const qint64 step = 90LL * 86400000 / parcels;
                for (int i = 0; i < parcels; ++i) {
                    const QString newId =
                        parcelId.left(24) + QStringLiteral("%1").arg(i, 12, 16, QLatin1Char('0'));
                    const QString newWaybill = QStringLiteral("YT9%1").arg(i, 11, 10, QLatin1Char('0'));
                    for (int k = 0; k < 2; ++k) {
                        const cz::sync::WireOp& op = pair[k];
                        QJsonObject payload =
                            replaced(op.payload, {{parcelId, newId}, {waybill, newWaybill}}).toObject();
                        payload.remove(QStringLiteral("actor"));
                        q.addBindValue(op.opId.left(24) +
                                       QStringLiteral("%1").arg(2 * i + k, 12, 16, QLatin1Char('0')));
                        q.addBindValue(op.entity);
                        q.addBindValue(newId);
                        q.addBindValue(op.kind);
                        q.addBindValue(
                            QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
                        q.addBindValue(op.schemaVersion);
                        q.addBindValue(op.createdAt + i * step + k * 3600000);
                        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
                    }
                }
                QVERIFY(db.commit());
            }
            QSqlDatabase::removeDatabase(name);
        }
        const int total = int(templ->ops.size()) + 2 * parcels;

        const QString file = m_dir.filePath(QStringLiteral("outage.czb"));
        const Run exported = ctl(station, {QStringLiteral("export-batch"), file});
        QVERIFY2(exported.code == 0, exported.err.constData());
        QCOMPARE(exported.json().value(QStringLiteral("ops")).toInt(), total);
        QStringList files;
        for (const QJsonValue& f : exported.json().value(QStringLiteral("files")).toArray())
            files << f.toString();
        const int parts = (total + cz::sync::kMaxOpsPerBatchPart - 1) / cz::sync::kMaxOpsPerBatchPart;
        QCOMPARE(files.size(), parts);
        qint64 bytes = 0;
        for (const QString& f : std::as_const(files)) {
            const QByteArray content = readAll(f);
            bytes += content.size();
            QVERIFY(content.size() < cz::sync::kMaxBodyBytes);
        }
        qInfo("%d ops in %d parts, %lld bytes", total, parts, bytes);

        // Any order: the last part first, then the rest shuffled.
        QStringList order = files;
        std::mt19937 random(11);
        std::shuffle(order.begin(), order.end(), random);
        Run r = import(order);
        QVERIFY2(r.code == 0, r.err.constData());
        if (!r.out.contains("\"rejected\":0"))
            qWarning("refused: %s", qPrintable(rejectionReasons()));
        int applied = 0;
        for (const QJsonObject& o : jsonLines(r.out)) {
            applied += o.value(QStringLiteral("applied")).toInt();
            QCOMPARE(o.value(QStringLiteral("rejected")).toInt(), 0);
            QCOMPARE(o.value(QStringLiteral("conflicts")).toInt(), 0);
        }
        if (applied != total)
            qWarning("refused: %s", qPrintable(rejectionReasons()));
        QCOMPARE(applied, total);
        QCOMPARE(opsApplied(id), total);
        // Every parcel ends picked up, whatever order its two parts came in.
        const Run stats = county({QStringLiteral("stats")});
        QJsonObject byStatus;
        for (const QJsonObject& o : jsonLines(stats.out))
            if (o.value(QStringLiteral("id")).toString() == id)
                byStatus = o.value(QStringLiteral("parcels")).toObject();
        QCOMPARE(byStatus.value(QStringLiteral("picked_up")).toInt(), parcels + 1);
        QCOMPARE(byStatus.value(QStringLiteral("waiting")).toInt(), 0);

        // Twice: nothing applied again.
        r = import(files);
        QVERIFY2(r.code == 0, r.err.constData());
        int again = 0;
        int already = 0;
        for (const QJsonObject& o : jsonLines(r.out)) {
            again += o.value(QStringLiteral("applied")).toInt();
            already += o.value(QStringLiteral("already_applied")).toInt();
        }
        QCOMPARE(again, 0);
        QCOMPARE(already, total);
        QCOMPARE(opsApplied(id), total);
    }
};

QTEST_GUILESS_MAIN(TstBatchE2e)
#include "tst_batch_e2e.moc"
