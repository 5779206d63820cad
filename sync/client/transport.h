// How the station reaches the county: a blocking request/response call behind an interface, so the
// sync engine runs the same over Qt Network (qttransport.h) and over an in-process fake in tests
// (faketransport.h). A transport is used from one thread at a time.
#pragma once

#include "http.h"
#include "result.h"

namespace cz::sync {

class Transport {
public:
    virtual ~Transport() = default;
    // Where requests go ("https://county.example:8443") and, optionally, the PEM certificate of the
    // authority that signed the county's certificate (a self-signed county). BadInput when the
    // certificate cannot be read.
    [[nodiscard]] virtual Status setServer(const QString& baseUrl, const QByteArray& caCertPem) = 0;
    // Sends and waits for the answer. Any HTTP status is a response; an error (kind Unavailable,
    // code net.*) means no answer came: not connected, timed out, TLS refused, connection cut. The
    // server may still have handled the request, so callers must be safe to repeat it.
    [[nodiscard]] virtual Result<HttpResponse> send(const HttpRequest& request) = 0;
};

} // namespace cz::sync
