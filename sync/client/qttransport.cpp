#include "qttransport.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QThread>
#include <QTimer>

namespace cz::sync {

namespace {
struct NetText {
    Q_DECLARE_TR_FUNCTIONS(Sync)
};

Error netError(QNetworkReply::NetworkError code, const QString& detail, bool timedOut) {
    if (timedOut)
        return {ErrorKind::Unavailable,
                QStringLiteral("net.timeout"),
                NetText::tr("The county server did not answer in time."),
                {}};
    const bool tls = code == QNetworkReply::SslHandshakeFailedError;
    return {ErrorKind::Unavailable,
            tls ? QStringLiteral("net.tls") : QStringLiteral("net.unreachable"),
            tls ? NetText::tr("The county server's certificate is not trusted (%1). Check the address, or "
                              "enrol again with the county's CA certificate.")
                      .arg(detail)
                : NetText::tr("Cannot reach the county server: %1").arg(detail),
            {}};
}
} // namespace

QtTransport::QtTransport(int timeoutMs)
    : m_timeoutMs(timeoutMs)
    , m_tls(QSslConfiguration::defaultConfiguration()) {}

QtTransport::~QtTransport() = default;

Status QtTransport::setServer(const QString& baseUrl, const QByteArray& caCertPem) {
    m_base = QUrl(baseUrl);
    m_tls = QSslConfiguration::defaultConfiguration();
    if (caCertPem.isEmpty())
        return {};
    const QList<QSslCertificate> certs = QSslCertificate::fromData(caCertPem, QSsl::Pem);
    if (certs.isEmpty())
        return fail(ErrorKind::BadInput, QStringLiteral("net.bad_ca_cert"),
                    NetText::tr("The CA certificate is not a PEM certificate."));
    m_tls.addCaCertificates(certs);
    return {};
}

Result<HttpResponse> QtTransport::send(const HttpRequest& request) {
    if (!m_nam)
        m_nam = std::make_unique<QNetworkAccessManager>();
    QUrl url = m_base;
    url.setPath(request.path);
    QNetworkRequest r(url);
    r.setSslConfiguration(m_tls);
    r.setTransferTimeout(m_timeoutMs);
    for (const auto& [name, value] : request.headers)
        r.setRawHeader(name, value);

    QNetworkReply* reply = m_nam->sendCustomRequest(r, request.method, request.body);
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    deadline.start(m_timeoutMs);
    // The terminal closing (QThread::requestInterruption) abandons the request at once.
    QTimer interrupted;
    QObject::connect(&interrupted, &QTimer::timeout, &loop, [&] {
        if (QThread::currentThread()->isInterruptionRequested())
            reply->abort();
    });
    interrupted.start(100);
    if (!reply->isFinished())
        loop.exec();
    std::unique_ptr<QNetworkReply> owned(reply);

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    // A status line can arrive before the connection breaks: errors of the network, proxy and
    // protocol layers (Qt's ranges 1-199 and 301-399; 201-299 and 401-499 stand for HTTP 4xx/5xx
    // answers) mean the answer is incomplete, and so does a body shorter than its Content-Length.
    const int code = reply->error();
    const bool broken = (code > 0 && code < 200) || (code > 300 && code < 400);
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    const bool shortBody = length.isValid() && length.toLongLong() != body.size();
    if (!status.isValid() || broken || shortBody)
        return fail(
            netError(broken || !status.isValid() ? reply->error() : QNetworkReply::RemoteHostClosedError,
                     shortBody && !broken ? QStringLiteral("the answer was cut short") : reply->errorString(),
                     timedOut || reply->error() == QNetworkReply::TimeoutError));
    return HttpResponse{status.toInt(), body,
                        reply->header(QNetworkRequest::ContentTypeHeader).toString().toUtf8()};
}

} // namespace cz::sync
