// Child process of tst_kill_orders: places proxy orders (paid now, from the deposit, on credit),
// takes deposits and repayments and cancels orders in the station database given on the command line,
// and reports each change on stdout only after it was committed, so the test can SIGKILL it at any
// moment and demand that every reported change survived whole.
//
//   cunzhan_kill_orders_child DB RUN
// prints "ready", then "O <order id>" after each placed order, "C <order id>" after each cancellation
// and "E <entry id>" after each deposit or repayment. Gives up by itself after 30 s.
#include "accounts.h"
#include "context.h"
#include "orders.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <cstdio>

namespace {

void report(const QByteArray& line) {
    const QByteArray text = line + '\n';
    std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stdout);
    std::fflush(stdout);
}

int failWith(const char* what, const cz::Error& e) {
    std::fprintf(stderr, "%s failed: %s %s\n", what, qPrintable(e.code), qPrintable(e.message));
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: cunzhan_kill_orders_child DB RUN\n");
        return 1;
    }
    auto opened = cz::StationContext::open(args.at(1));
    if (!opened)
        return failWith("open", opened.error());
    cz::StationContext& station = **opened;
    QStringList villagers;
    {
        auto q = station.database().exec(QStringLiteral("SELECT id FROM villager ORDER BY id"));
        if (!q)
            return failWith("villagers", q.error());
        while ((*q)->next())
            villagers << (*q)->value(0).toString();
        (*q)->finish();
    }
    if (villagers.isEmpty()) {
        std::fprintf(stderr, "no villagers\n");
        return 2;
    }
    cz::Accounts accounts(station);
    cz::Orders orders(station);
    report("ready");

    QRandomGenerator rng(static_cast<quint32>(args.at(2).toInt()) * 104729u + 3u);
    const QStringList skus{QStringLiteral("FERT-01"), QStringLiteral("SEED-02"), QStringLiteral("FEED-03")};
    const cz::PayMethod methods[] = {cz::PayMethod::Cash, cz::PayMethod::Wechat, cz::PayMethod::Alipay,
                                     cz::PayMethod::Bank};
    QStringList placed; // cancellable orders of this run
    QElapsedTimer alive;
    alive.start();
    while (alive.elapsed() < 30000) {
        const QString villager = villagers.at(rng.bounded(static_cast<int>(villagers.size())));
        const cz::PayMethod method = methods[rng.bounded(4)];
        const int what = rng.bounded(10);
        if (what < 5) {
            QList<cz::OrderLineInput> lines;
            for (int i = 0, n = rng.bounded(1, 4); i < n; ++i)
                lines << cz::OrderLineInput{skus.at(rng.bounded(3)), rng.bounded(1, 5), std::nullopt};
            const auto payment = static_cast<cz::OrderPayment>(rng.bounded(3));
            auto o = orders.place(villager, lines, payment, method);
            if (!o) {
                if (o.error().kind == cz::ErrorKind::Conflict)
                    continue; // not enough deposit or credit: refused, nothing written
                return failWith("place", o.error());
            }
            report("O " + o->id.toLatin1());
            placed << o->id;
        } else if (what < 7) {
            auto e = accounts.deposit(villager, rng.bounded(100, 50000), method);
            if (!e)
                return failWith("deposit", e.error());
            report("E " + e->id.toLatin1());
        } else if (what < 8) {
            auto e = accounts.repay(villager, rng.bounded(100, 5000), method);
            if (!e)
                return failWith("repay", e.error());
            report("E " + e->id.toLatin1());
        } else if (!placed.isEmpty()) {
            const QString id = placed.takeAt(rng.bounded(static_cast<int>(placed.size())));
            auto c = orders.cancel(id, QStringLiteral("kill test"));
            if (!c)
                return failWith("cancel", c.error());
            report("C " + id.toLatin1());
        }
    }
    return 0;
}
