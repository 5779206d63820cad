// The county's sync service, transport-neutral: the HTTP adapter, in-process tests and the fuzz
// target all call handle(). Thread-safe: each call uses the calling thread's connection.
//
// Order of checks: protocol version, route and method, body decoding (a malformed body never
// reaches the database), then authentication and authorisation inside the request's transaction.
#pragma once

#include "http.h"
#include "store.h"

#include <QHash>
#include <QMutex>

namespace cz::county {

class CountyService {
public:
    explicit CountyService(CountyStore& store)
        : m_store(store) {}

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
    [[nodiscard]] bool needsTouch(const QString& stationId);
    void markTouched(const QString& stationId);
    void touchAfterRead(const QString& stationId);

    CountyStore& m_store;
    QMutex m_seenMutex;
    QHash<QString, qint64> m_lastTouched; // station id → when last_seen_at was last written
};

} // namespace cz::county
