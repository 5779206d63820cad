// The county's sync service, transport-neutral: the HTTP adapter, in-process tests and the fuzz
// target all call handle(). Thread-safe: each call uses the calling thread's connection.
//
// Order of checks: protocol version, route and method, body decoding (a malformed body never
// reaches the database), then authentication and authorisation inside the request's transaction.
#pragma once

#include "http.h"
#include "opcatalog.h"
#include "protocol.h"
#include "ratelimit.h"
#include "store.h"

#include <QHash>
#include <QMutex>

namespace cz::county {

class CountyService {
public:
    // The catalogue decides which ops are applied and which held; tests pass an older county's.
    explicit CountyService(CountyStore& store, const sync::OpCatalog& catalog = sync::OpCatalog::current())
        : m_store(store)
        , m_catalog(catalog) {}

    [[nodiscard]] sync::HttpResponse handle(const sync::HttpRequest& request);

private:
    struct Route;
    [[nodiscard]] sync::HttpResponse dispatch(const Route& route, const sync::HttpRequest& request);
    [[nodiscard]] sync::HttpResponse enroll(const sync::HttpRequest& request);
    [[nodiscard]] sync::HttpResponse push(const Route& route, const sync::HttpRequest& request);
    [[nodiscard]] sync::HttpResponse pull(const Route& route, const sync::HttpRequest& request);
    [[nodiscard]] sync::HttpResponse summary(const Route& route, const sync::HttpRequest& request);
    // last_seen_at is written at most once a minute per station: inside a push's transaction, or
    // after a read (best effort).
    // Rejected and conflicting ops of a push, counted by reason, to the security log.
    static void logRejected(const QString& stationId, const QList<sync::OpResult>& results);
    [[nodiscard]] bool needsTouch(const QString& stationId);
    void markTouched(const QString& stationId);
    void touchAfterRead(const QString& stationId);

    CountyStore& m_store;
    const sync::OpCatalog& m_catalog;
    EnrolmentGuard m_enrolGuard;
    QMutex m_seenMutex;
    QHash<QString, qint64> m_lastTouched; // station id → when last_seen_at was last written
};

} // namespace cz::county
