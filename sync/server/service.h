// The county's sync service, transport-neutral: the HTTP adapter, in-process tests and the fuzz
// target all call handle(). Thread-safe: each call uses the calling thread's connection.
//
// Order of checks: protocol version, route and method, body decoding (a malformed body never
// reaches the database), then authentication and authorisation inside the request's transaction.
// The HTTP server calls admit() first, on the headers: version, route, method and the token, so a
// body is read only for a caller who may send it, and only up to the route's size.
#pragma once

#include "http.h"
#include "opcatalog.h"
#include "protocol.h"
#include "ratelimit.h"
#include "store.h"

#include <QHash>
#include <QMutex>
#include <optional>
#include <variant>

namespace cz::county {

class CountyService {
public:
    // The catalogue decides which ops are applied and which held; tests pass an older county's.
    explicit CountyService(CountyStore& store, const sync::OpCatalog& catalog = sync::OpCatalog::current())
        : m_store(store)
        , m_catalog(catalog) {}

    [[nodiscard]] sync::HttpResponse handle(const sync::HttpRequest& request);

    // The first look at a request, from its method, path and headers alone, before any of its body
    // is read: the checks of handle() up to the token (a station's token must fit its path; a
    // reviewer may read summaries), and how many bytes the route's body may have. A refused request
    // never gets its body read; handle() checks everything again.
    struct Admission {
        std::optional<sync::HttpResponse> refusal;
        qsizetype maxBodyBytes = 0;
    };
    [[nodiscard]] Admission admit(const sync::HttpRequest& head);

private:
    struct Route;
    [[nodiscard]] std::variant<Route, sync::HttpResponse> route(const sync::HttpRequest& request) const;
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
