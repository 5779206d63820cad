// An in-process transport for tests: hands each request to a function (a scripted county server)
// and can fail the way networks do: drop the request before the server sees it, lose the response
// after the server handled it, or delay.
#pragma once

#include "transport.h"

#include <QList>
#include <functional>

namespace cz::sync {

enum class NetFault {
    DropBeforeSend, // the server never sees the request
    LoseResponse,   // the server handles it, the answer is lost
};

class FakeTransport final : public Transport {
public:
    using Handler = std::function<HttpResponse(const HttpRequest&)>;
    explicit FakeTransport(Handler handler)
        : m_handler(std::move(handler)) {}

    [[nodiscard]] Status setServer(const QString& baseUrl, const QByteArray& caCertPem) override;
    [[nodiscard]] Result<HttpResponse> send(const HttpRequest& request) override;

    // The next requests fail in this order, one fault per request.
    void failNext(NetFault fault, int times = 1);
    // Every request then fails (offline) until set back to false.
    void setOffline(bool offline) { m_offline = offline; }
    // Each request waits this long (really: for worker tests with timers).
    void setDelayMs(int ms) { m_delayMs = ms; }

    [[nodiscard]] QString baseUrl() const { return m_baseUrl; }
    [[nodiscard]] QByteArray caCertPem() const { return m_caCertPem; }
    [[nodiscard]] int requests() const { return m_requests; } // requests the server saw

private:
    Handler m_handler;
    QList<NetFault> m_faults;
    bool m_offline = false;
    int m_delayMs = 0;
    int m_requests = 0;
    QString m_baseUrl;
    QByteArray m_caCertPem;
};

} // namespace cz::sync
