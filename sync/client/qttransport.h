// The real transport: Qt Network, HTTPS (or plain HTTP on a trusted LAN), an optional CA
// certificate for a county that signs its own certificate, and a timeout. send() blocks in its own
// event loop, so it works on a worker thread and in cunzhanctl; the network manager is made in the
// thread of the first call and the transport must stay on that thread afterwards.
#pragma once

#include "transport.h"

#include <QSslConfiguration>
#include <QUrl>
#include <memory>

class QNetworkAccessManager;

namespace cz::sync {

class QtTransport final : public Transport {
public:
    static constexpr int kDefaultTimeoutMs = 30000;
    explicit QtTransport(int timeoutMs = kDefaultTimeoutMs);
    ~QtTransport() override;

    [[nodiscard]] Status setServer(const QString& baseUrl, const QByteArray& caCertPem) override;
    [[nodiscard]] Result<HttpResponse> send(const HttpRequest& request) override;

private:
    int m_timeoutMs;
    QUrl m_base;
    QSslConfiguration m_tls;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

} // namespace cz::sync
