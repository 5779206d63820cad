#include "faketransport.h"

#include <QCoreApplication>
#include <QThread>

namespace cz::sync {

namespace {
struct FakeNetText {
    Q_DECLARE_TR_FUNCTIONS(Sync)
};

std::unexpected<Error> netError(const QString& code) {
    return fail(ErrorKind::Unavailable, code,
                FakeNetText::tr("Cannot reach the county server: %1").arg(code));
}
} // namespace

Status FakeTransport::setServer(const QString& baseUrl, const QByteArray& caCertPem) {
    m_baseUrl = baseUrl;
    m_caCertPem = caCertPem;
    return {};
}

void FakeTransport::failNext(NetFault fault, int times) {
    for (int i = 0; i < times; ++i)
        m_faults.append(fault);
}

Result<HttpResponse> FakeTransport::send(const HttpRequest& request) {
    if (m_delayMs > 0)
        QThread::msleep(static_cast<unsigned long>(m_delayMs));
    if (m_offline)
        return netError(QStringLiteral("net.unreachable"));
    const auto fault = m_faults.isEmpty() ? std::optional<NetFault>() : m_faults.takeFirst();
    if (fault == NetFault::DropBeforeSend)
        return netError(QStringLiteral("net.unreachable"));
    ++m_requests;
    HttpResponse response = m_handler(request);
    if (fault == NetFault::LoseResponse)
        return netError(QStringLiteral("net.connection_lost"));
    return response;
}

} // namespace cz::sync
