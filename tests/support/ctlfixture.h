// cunzhanctl as scripts use it, for the CLI tests: a station database in a temporary folder, each run
// with CUNZHAN_FAKE_NOW_MS (times fixed), a short busy timeout and the locale of a fresh install
// (LANG=LC_ALL=C unless a test sets m_locale), and what the runs wrote read back on a read-only
// connection of the test's own. A test class derives from QObject and CtlFixture, and calls
// setUpFolder() in init() and tearDownFolder() in cleanup().
#pragma once

#include "processrun.h"
#include "readonlyquery.h"
#include "testtime.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace cz::test {

// A villager's number as the clerk types it and as every output shows it, and another villager's.
inline const QString kPhone = QStringLiteral("13812345678");
inline const QString kPhoneMasked = QStringLiteral("138****5678");
inline const QString kOtherPhone = QStringLiteral("13987651234");

// The environment of a cunzhanctl run: the locale, its own XDG data folder, a busy timeout of 200 ms
// and the instant it takes for now.
inline QProcessEnvironment ctlEnvironment(const QString& locale, const QString& xdgDataHome, qint64 nowMs) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), locale);
    env.insert(QStringLiteral("LC_ALL"), locale);
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("LC_MESSAGES"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), xdgDataHome);
    env.insert(QStringLiteral("CUNZHAN_BUSY_TIMEOUT_MS"), QStringLiteral("200"));
    env.insert(QStringLiteral("CUNZHAN_FAKE_NOW_MS"), QString::number(nowMs));
    return env;
}

class CtlFixture {
protected:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    QString m_locale = QStringLiteral("C"); // LANG and LC_ALL of the runs

    void setUpFolder() {
        m_locale = QStringLiteral("C");
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = m_dir->filePath(QStringLiteral("station.db"));
    }

    void tearDownFolder() { m_dir.reset(); }

    Run ctl(const QStringList& args, qint64 nowMs = kStart, const QByteArray& input = {},
            bool withDb = true) {
        const QProcessEnvironment env =
            ctlEnvironment(m_locale, m_dir->filePath(QStringLiteral("xdg")), nowMs);
        const QStringList all = withDb ? QStringList{QStringLiteral("--db"), m_db} + args : args;
        return runProgram(ctlBinary(), all, {env, input, 30000});
    }

    // Runs with --json and expects success and well-formed lines; {"failed": exit code} otherwise.
    QList<QJsonObject> json(const QStringList& args, qint64 nowMs = kStart, const QByteArray& input = {}) {
        const Run r = ctl(QStringList{QStringLiteral("--json")} + args, nowMs, input);
        if (r.code != 0)
            qWarning("cunzhanctl %s -> %d: %s", qPrintable(args.join(QLatin1Char(' '))), r.code,
                     r.err.constData());
        bool ok = false;
        const auto objects = jsonLines(r.out, &ok);
        return r.code == 0 && ok ? objects
                                 : QList<QJsonObject>{QJsonObject{{QStringLiteral("failed"), r.code}}};
    }

    // `receive WAYBILL --phone PHONE EXTRA` → the parcel received, or {} on failure.
    QJsonObject receive(const QString& waybill, const QString& phone, const QStringList& extra = {},
                        qint64 nowMs = kStart) {
        const auto objects = json(
            QStringList{QStringLiteral("receive"), waybill, QStringLiteral("--phone"), phone} + extra, nowMs);
        return objects.size() == 1 ? objects.first() : QJsonObject{};
    }

    // Row counts read through a separate read-only connection.
    int rows(const QString& table, const QString& where = QStringLiteral("1")) {
        return countRows(m_db, table, where);
    }

    // The rows a station command can write: a refused command leaves this unchanged.
    QList<int> snapshot() {
        QList<int> counts;
        for (const char* table :
             {"parcel", "parcel_event", "outbox", "notification", "counter", "setting", "slot"})
            counts << rows(QString::fromLatin1(table));
        counts << rows(QStringLiteral("parcel"), QStringLiteral("status = 'waiting'"));
        return counts;
    }

    void initStation(const QString& shelves = QStringLiteral("1:2x10")) {
        const Run r = ctl({QStringLiteral("init"), QStringLiteral("--station-name"), QStringLiteral("测试站"),
                           QStringLiteral("--shelves"), shelves});
        QCOMPARE(r.code, 0);
    }
};

} // namespace cz::test
