// Transport-neutral HTTP request and response, so the county service can be driven by the real
// HTTP server, by an in-process fake network in tests and by the fuzz target alike.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace cz::sync {

struct HttpRequest {
    QByteArray method; // "GET", "POST"
    QString path;
    QList<QPair<QByteArray, QByteArray>> headers; // names in lower case
    QByteArray body;
    // The peer's address as the HTTP front end saw it ("" when unknown): enrolment attempts are
    // rate-limited per address.
    QString remoteAddress;

    [[nodiscard]] QByteArray header(const QByteArray& lowerName) const {
        for (const auto& h : headers)
            if (h.first == lowerName)
                return h.second;
        return {};
    }
};

struct HttpResponse {
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/x-cunzhan-sync";
    int retryAfterSeconds = 0; // > 0: a Retry-After header (429, 503)
};

} // namespace cz::sync
