// A fresh county store for each test, on the backend CUNZHAN_TEST_BACKEND names (sqlite | pg), with
// a manual clock and helpers to call the service as a station would.
#pragma once

#include "accounts.h"
#include "feed.h"
#include "protocol.h"
#include "service.h"
#include "store.h"
#include "testtime.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

namespace cz::test {

inline bool usePostgres() {
    return qEnvironmentVariable("CUNZHAN_TEST_BACKEND") == QLatin1String("pg");
}

// Call from initTestCase(): the PostgreSQL variant fails without a server, unless told to skip.
#define CZ_REQUIRE_BACKEND()                                                                                 \
    do {                                                                                                     \
        if (cz::test::usePostgres()) {                                                                       \
            const QString pg = qEnvironmentVariable("CUNZHAN_TEST_PG");                                      \
            if (pg == QLatin1String("skip"))                                                                 \
                QSKIP("CUNZHAN_TEST_PG=skip: PostgreSQL variant skipped on request");                        \
            if (pg.isEmpty())                                                                                \
                QFAIL("CUNZHAN_TEST_PG is not set: run packaging/start-postgres.sh and export its URL "      \
                      "(or set CUNZHAN_TEST_PG=skip)");                                                      \
        }                                                                                                    \
    } while (false)

// A database for one test: an SQLite file in a temporary folder, or a new PostgreSQL database
// (cz_test_<random>) dropped again at the end.
class TestDatabase {
public:
    TestDatabase() {
        if (!usePostgres()) {
            m_spec = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("county.db"));
            return;
        }
        m_name = QStringLiteral("cz_test_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
        adminExec(QStringLiteral("CREATE DATABASE %1").arg(m_name));
        m_spec = qEnvironmentVariable("CUNZHAN_TEST_PG") + m_name;
    }
    ~TestDatabase() {
        if (m_name.isEmpty())
            return;
        // An autovacuum worker (after a large import) holds the database for a moment and cannot be
        // terminated by a non-superuser: try again for a while before giving up.
        const QString drop = QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name);
        for (int attempt = 0; attempt < 60 && !adminExec(drop, false); ++attempt)
            QThread::msleep(500);
        adminExec(drop);
    }
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    [[nodiscard]] const QString& spec() const { return m_spec; }
    [[nodiscard]] QString dir() const { return m_dir.path(); }

private:
    static bool adminExec(const QString& sql, bool fatal = true) {
        bool ok = true;
        const QString connection = QStringLiteral("cz-test-admin");
        {
            auto loc = county::DbLocation::parse(qEnvironmentVariable("CUNZHAN_TEST_PG") +
                                                 QStringLiteral("postgres"));
            if (!loc)
                qFatal("bad CUNZHAN_TEST_PG: %s", qPrintable(loc.error().message));
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(loc->host);
            db.setPort(loc->port);
            db.setUserName(loc->user);
            db.setPassword(loc->password);
            db.setDatabaseName(loc->database);
            if (!db.open())
                qFatal("cannot connect to PostgreSQL: %s", qPrintable(db.lastError().text()));
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok && fatal)
                qFatal("%s failed: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(connection);
        return ok;
    }

    QTemporaryDir m_dir;
    QString m_spec;
    QString m_name;
};

struct StationLogin {
    QString id;
    QString token;
};

struct CountyFixture {
    TestDatabase db;
    std::shared_ptr<qint64> now = std::make_shared<qint64>(kStart);
    std::unique_ptr<county::CountyStore> store;
    std::unique_ptr<county::CountyService> service;

    CountyFixture() {
        // The SMS spool goes to this test's own folder, on either backend.
        auto s = county::CountyStore::open(db.spec(), {[now = now] { return *now; }, 5000, db.dir()});
        if (!s)
            qFatal("cannot open the county store: %s", qPrintable(s.error().message));
        store = std::move(*s);
        service = std::make_unique<county::CountyService>(*store);
    }
    ~CountyFixture() {
        service.reset();
        store.reset(); // closes every connection before the database is dropped
    }

    sync::HttpResponse call(const QByteArray& method, const QString& path, const QByteArray& body,
                            const QString& token = {}, const QString& station = {},
                            const QByteArray& version = QByteArray::number(sync::kProtocolVersion)) {
        sync::HttpRequest r;
        r.method = method;
        r.path = path;
        r.body = body;
        if (!version.isNull())
            r.headers.append({QByteArray(sync::kHeaderProtocol), version});
        if (!token.isEmpty())
            r.headers.append({"authorization", "Bearer " + token.toLatin1()});
        if (!station.isEmpty())
            r.headers.append({QByteArray(sync::kHeaderStation), station.toUtf8()});
        return service->handle(r);
    }

    // Adds a station and enrols it over the service.
    StationLogin enrolStation(const QString& name = QStringLiteral("东村站"),
                              const QString& township = QStringLiteral("城关镇")) {
        auto code = county::addStation(*store, name, township);
        if (!code)
            qFatal("addStation: %s", qPrintable(code.error().message));
        const auto r = call("POST", sync::enrollPath(), sync::encode(sync::EnrollRequest{code->code}));
        const auto e = sync::decodeEnrollResponse(r.body);
        if (r.status != 200 || !e)
            qFatal("enrol failed: %d", r.status);
        return {e->stationId, e->token};
    }

    // understandsHeld: as a current station says it does; false for a station from before "held".
    sync::HttpResponse push(const StationLogin& s, const QList<sync::WireOp>& ops,
                            const QByteArray& version = QByteArray::number(sync::kProtocolVersion),
                            bool understandsHeld = true) {
        return call("POST", sync::pushPath(s.id), sync::encode(sync::PushRequest{{}, ops, understandsHeld}),
                    s.token, s.id, version);
    }
    sync::HttpResponse pull(const StationLogin& s, qint64 after, int limit = 1000,
                            const QByteArray& version = QByteArray::number(sync::kProtocolVersion)) {
        return call("POST", sync::pullPath(s.id), sync::encode(sync::PullRequest{after, limit}), s.token,
                    s.id, version);
    }

    // Reads through a transaction of the store itself (works the same on both backends).
    QList<county::Row> rows(const QString& sql, const QVariantList& args = {}) {
        auto tx = store->begin(county::Tx::Mode::Read);
        if (!tx)
            qFatal("begin: %s", qPrintable(tx.error().message));
        auto r = tx->select(sql, args);
        if (!r)
            qFatal("%s: %s", qPrintable(sql), qPrintable(r.error().message));
        return *r;
    }
    qint64 count(const QString& table, const QString& where = QStringLiteral("1 = 1"),
                 const QVariantList& args = {}) {
        return rows(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2").arg(table, where), args)
            .first()
            .at(0)
            .toLongLong();
    }
    QList<qint64> counts() {
        QList<qint64> out;
        for (const char* t : {"stations", "reviewers", "ops", "parcels", "changes", "notices"})
            out.append(count(QString::fromLatin1(t)));
        return out;
    }

    void addChange(const QString& station, const QString& kind, const QString& key,
                   const std::optional<QJsonObject>& data) {
        auto tx = store->begin(county::Tx::Mode::Write);
        if (!tx || !county::appendChange(*tx, station, kind, key, data) || !tx->commit())
            qFatal("cannot append a change");
    }
};

inline QString uuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A parcel op as station-core writes it.
inline sync::WireOp parcelOp(const QString& parcelId, const QString& kind, const QString& status,
                             qint64 createdAt, const QString& noticeId = {},
                             const QString& phone = QStringLiteral("13800138000"), qint64 seq = 1) {
    QJsonObject data;
    if (!noticeId.isEmpty())
        data.insert(QStringLiteral("notification_id"), noticeId);
    const QJsonObject parcel{{QStringLiteral("id"), parcelId},
                             {QStringLiteral("waybill"), QStringLiteral("YT") + parcelId.right(12)},
                             {QStringLiteral("carrier"), QStringLiteral("YTO")},
                             {QStringLiteral("phone"), phone},
                             {QStringLiteral("pickup_code"), QStringLiteral("3-2-1045")},
                             {QStringLiteral("status"), status}};
    sync::WireOp op;
    op.opId = uuid();
    op.seq = seq;
    op.entity = QStringLiteral("parcel");
    op.entityId = parcelId;
    op.kind = kind;
    op.payload = {{QStringLiteral("event_id"), uuid()},
                  {QStringLiteral("at"), createdAt},
                  {QStringLiteral("data"), data},
                  {QStringLiteral("parcel"), parcel}};
    op.schemaVersion = 1;
    op.createdAt = createdAt;
    return op;
}

} // namespace cz::test
