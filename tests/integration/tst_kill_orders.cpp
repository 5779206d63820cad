// Kill test of proxy orders and payments: a child (cunzhan_kill_orders_child) places orders, takes
// deposits and repayments and cancels orders, reporting each after its commit; the test SIGKILLs it at
// random moments and after each kill demands: every reported change is there, no order without its
// ledger entries, no ledger entry without its order, every cash entry matched by its ledger entry (and
// the other way round), and every change with its op.
#include "accounts.h"
#include "context.h"
#include "countychanges.h"
#include "setup.h"
#include "writetx.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace cz;

namespace {

constexpr int kRuns = 30;

const QString& childPath() {
    static const QString path = QStringLiteral(CUNZHAN_BIN_DIR "/cunzhan_kill_orders_child");
    return path;
}

QStringList rowsOf(StationContext& station, const QString& sql) {
    QStringList out;
    auto q = station.database().exec(sql);
    if (!q)
        return {QStringLiteral("ERROR ") + q.error().message};
    while ((*q)->next()) {
        QStringList cols;
        for (int i = 0; i < (*q)->record().count(); ++i)
            cols << (*q)->value(i).toString();
        out << cols.join(QLatin1Char('|'));
    }
    (*q)->finish();
    return out;
}

} // namespace

class TstKillOrders : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killWhilePlacingAndPaying();

private:
    void verify(int run);

    QTemporaryDir m_dir;
    QString m_path;
    QSet<QString> m_orders, m_cancelled, m_entries;
};

void TstKillOrders::initTestCase() {
    QVERIFY2(QFileInfo(childPath()).isExecutable(),
             qPrintable(childPath() + QStringLiteral(" is not built")));
    m_path = m_dir.filePath(QStringLiteral("station.db"));
    auto station = StationContext::open(m_path);
    QVERIFY(station);
    QVERIFY(StationSetup(**station).initialise(QStringLiteral("断电测试站"), QStringLiteral("1-2:2x50")));
    {
        SystemClock clock;
        UuidV7Source ids(clock);
        auto tx = WriteTx::beginDownstream((*station)->database(), clock, ids);
        QVERIFY(tx);
        const QList<std::pair<QString, qint64>> items{{QStringLiteral("FERT-01"), 12000},
                                                      {QStringLiteral("SEED-02"), 1550},
                                                      {QStringLiteral("FEED-03"), 3333}};
        for (const auto& [sku, price] : items) {
            auto r =
                applyCountyChange(*tx, {QStringLiteral("catalogue_item"), sku,
                                        QJsonObject{{QStringLiteral("name"), sku},
                                                    {QStringLiteral("spec"), QStringLiteral("1 kg")},
                                                    {QStringLiteral("unit"), QStringLiteral("袋")},
                                                    {QStringLiteral("supplier"), QStringLiteral("县农资")},
                                                    {QStringLiteral("price_fen"), price},
                                                    {QStringLiteral("category"), QStringLiteral("农资")}}});
            QVERIFY2(r && r->stored, r ? qPrintable(r->skipped) : qPrintable(r.error().message));
        }
        QVERIFY(tx->commit());
    }
    Accounts accounts(**station);
    for (int i = 0; i < 5; ++i)
        QVERIFY(accounts.add({QStringLiteral("村民%1").arg(i),
                              QStringLiteral("1380000%1").arg(i, 4, 10, QLatin1Char('0')),
                              {},
                              {},
                              30000}));
}

void TstKillOrders::killWhilePlacingAndPaying() {
    const quint32 seed = qEnvironmentVariableIsSet("CUNZHAN_KILL_SEED")
                             ? static_cast<quint32>(qEnvironmentVariableIntValue("CUNZHAN_KILL_SEED"))
                             : QRandomGenerator::global()->generate();
    qInfo("seed %u (set CUNZHAN_KILL_SEED to repeat)", seed);
    QRandomGenerator rng(seed);
    for (int run = 0; run < kRuns; ++run) {
        QProcess child;
        child.start(childPath(), {m_path, QString::number(run)});
        QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
        QByteArray out;
        QElapsedTimer wait;
        wait.start();
        while (!out.startsWith("ready\n") && child.state() == QProcess::Running && wait.elapsed() < 10000) {
            child.waitForReadyRead(100);
            out += child.readAllStandardOutput();
        }
        QTest::qWait(rng.bounded(20, 301));
        const bool stillRunning = child.state() == QProcess::Running;
        child.kill();
        QVERIFY2(!stillRunning || child.waitForFinished(10000), "the child did not end");
        QVERIFY2(stillRunning && child.exitStatus() == QProcess::CrashExit,
                 qPrintable(QStringLiteral("run %1: the child ended by itself: %2")
                                .arg(run)
                                .arg(QString::fromLocal8Bit(child.readAllStandardError()))));
        out += child.readAllStandardOutput();
        for (const QByteArray& line : out.left(out.lastIndexOf('\n') + 1).split('\n')) {
            const QString id = QString::fromLatin1(line.mid(2));
            if (line.startsWith("O "))
                m_orders.insert(id);
            else if (line.startsWith("C "))
                m_cancelled.insert(id);
            else if (line.startsWith("E "))
                m_entries.insert(id);
        }
        verify(run);
        if (QTest::currentTestFailed())
            return;
    }
    qInfo("%d kills; %lld orders, %lld cancellations, %lld payments reported", kRuns,
          static_cast<long long>(m_orders.size()), static_cast<long long>(m_cancelled.size()),
          static_cast<long long>(m_entries.size()));
    QVERIFY(m_orders.size() >= kRuns);
    QVERIFY(!m_cancelled.isEmpty());
}

void TstKillOrders::verify(int run) {
    const QString where = QStringLiteral("after kill %1: ").arg(run);
    auto opened = StationContext::open(m_path);
    QVERIFY(opened);
    StationContext& s = **opened;
    QCOMPARE(rowsOf(s, QStringLiteral("PRAGMA integrity_check")), QStringList{QStringLiteral("ok")});
    QCOMPARE(rowsOf(s, QStringLiteral("PRAGMA foreign_key_check")), QStringList());
    // Every reported change survived.
    const QStringList orderRows = rowsOf(s, QStringLiteral("SELECT id FROM proxy_order"));
    const QSet<QString> orders(orderRows.begin(), orderRows.end());
    const QStringList cancelledRows =
        rowsOf(s, QStringLiteral("SELECT id FROM proxy_order WHERE status = 'cancelled'"));
    const QSet<QString> cancelled(cancelledRows.begin(), cancelledRows.end());
    const QStringList entryRows = rowsOf(s, QStringLiteral("SELECT id FROM account_entry"));
    const QSet<QString> entries(entryRows.begin(), entryRows.end());
    QVERIFY2(orders.contains(m_orders), qPrintable(where + QStringLiteral("a reported order is missing")));
    QVERIFY2(cancelled.contains(m_cancelled),
             qPrintable(where + QStringLiteral("a reported cancellation is missing")));
    QVERIFY2(entries.contains(m_entries),
             qPrintable(where + QStringLiteral("a reported payment is missing")));

    const auto none = [&](const QString& what, const QString& sql) {
        const QStringList bad = rowsOf(s, sql);
        QVERIFY2(bad.isEmpty(),
                 qPrintable(where + what + QStringLiteral(": ") + bad.mid(0, 3).join(QLatin1Char(' '))));
    };
    // No order without its lines, its ledger entries and its op; what it took from the account is its
    // total while it stands, nothing once cancelled (refunded).
    none(QStringLiteral("order without lines"),
         QStringLiteral("SELECT id FROM proxy_order o WHERE NOT EXISTS (SELECT 1 FROM proxy_order_line l"
                        " WHERE l.order_id = o.id)"));
    none(QStringLiteral("order whose ledger does not match"),
         QStringLiteral(
             "SELECT o.id, o.status, o.total_fen, (SELECT coalesce(sum(amount_fen), 0) FROM account_entry a"
             " WHERE a.order_id = o.id AND a.method = 'account') AS taken FROM proxy_order o"
             " WHERE (o.status = 'placed' AND taken <> -o.total_fen) OR (o.status = 'cancelled' AND taken <> "
             "0)"));
    none(QStringLiteral("order paid now whose counter money does not match"),
         QStringLiteral(
             "SELECT o.id FROM proxy_order o WHERE o.payment = 'now' AND (SELECT coalesce(sum(amount_fen), 0)"
             " FROM account_entry a WHERE a.order_id = o.id AND a.method <> 'account')"
             " <> CASE o.status WHEN 'cancelled' THEN 0 ELSE o.total_fen END"));
    none(QStringLiteral("order without its op"),
         QStringLiteral(
             "SELECT id FROM proxy_order o WHERE NOT EXISTS (SELECT 1 FROM outbox x WHERE x.entity_id = o.id"
             " AND x.kind = 'order.placed')"));
    none(
        QStringLiteral("cancellation without its op"),
        QStringLiteral(
            "SELECT id FROM proxy_order o WHERE o.status = 'cancelled' AND NOT EXISTS (SELECT 1 FROM outbox x"
            " WHERE x.entity_id = o.id AND x.kind = 'order.cancelled')"));
    // No ledger entry without its order; every cash entry matched, both ways, to the fen.
    none(QStringLiteral("ledger entry without its order"),
         QStringLiteral("SELECT id FROM account_entry a WHERE a.order_id IS NOT NULL AND NOT EXISTS"
                        " (SELECT 1 FROM proxy_order o WHERE o.id = a.order_id)"));
    none(QStringLiteral("counter entry without its cash entry"),
         QStringLiteral("SELECT a.id FROM account_entry a LEFT JOIN cash_entry c ON c.id = a.cash_entry_id"
                        " WHERE a.method <> 'account' AND (c.id IS NULL OR c.amount_fen <> a.amount_fen"
                        " OR c.method <> a.method OR c.ref <> a.id)"));
    none(
        QStringLiteral("cash entry without its ledger entry"),
        QStringLiteral(
            "SELECT c.id FROM cash_entry c WHERE c.kind LIKE 'account\\_%' ESCAPE '\\' AND NOT EXISTS"
            " (SELECT 1 FROM account_entry a WHERE a.cash_entry_id = c.id AND a.amount_fen = c.amount_fen)"));
    QCOMPARE(rowsOf(s, QStringLiteral("SELECT count(*) FROM account_entry")),
             rowsOf(s, QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'account.entry'")));
    // No balance below its credit limit.
    none(QStringLiteral("balance beyond the credit limit"),
         QStringLiteral(
             "SELECT v.id FROM villager v WHERE (SELECT coalesce(sum(amount_fen), 0) FROM account_entry a"
             " WHERE a.villager_id = v.id) < -v.credit_limit_fen"));
}

QTEST_GUILESS_MAIN(TstKillOrders)
#include "tst_kill_orders.moc"
