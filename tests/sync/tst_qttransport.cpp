// The Qt Network transport against real sockets: an answer cut short is an error (not a short
// body), a county that never answers times out, and a request in flight is abandoned when its
// thread is asked to stop (the terminal closing).
#include "protocol.h"
#include "qttransport.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

using namespace cz;
using namespace cz::sync;

namespace {

HttpRequest ping() {
    HttpRequest r;
    r.method = "POST";
    r.path = enrollPath();
    r.body = encode(EnrollRequest{QStringLiteral("X")});
    return r;
}

} // namespace

class TstQtTransport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shortBodyIsAnError() {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        // Promise 100 bytes, send 10, close.
        connect(&server, &QTcpServer::newConnection, this, [&] {
            QTcpSocket* s = server.nextPendingConnection();
            connect(s, &QTcpSocket::readyRead, s, [s] {
                s->readAll();
                s->write("HTTP/1.1 200 OK\r\nContent-Type: application/x-cunzhan-sync\r\nContent-Length: "
                         "100\r\n\r\n"
                         "0123456789");
                s->flush();
                s->disconnectFromHost();
            });
        });
        QtTransport transport(10000);
        QVERIFY(transport.setServer(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()), {})
                    .has_value());
        const auto r = transport.send(ping());
        QVERIFY2(!r.has_value(), "a body cut short must not pass for an answer");
        QCOMPARE(r.error().kind, ErrorKind::Unavailable);
    }

    void requestInFlightIsAbandonedWhenTheThreadStops() {
        QTcpServer silent; // accepts (the kernel does) and never answers
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        const quint16 port = silent.serverPort();
        std::optional<Result<HttpResponse>> result;
        qint64 tookMs = -1;
        QThread* worker = QThread::create([&] {
            QtTransport transport(60000);
            if (!transport.setServer(QStringLiteral("http://127.0.0.1:%1").arg(port), {}))
                return;
            QElapsedTimer t;
            t.start();
            result = transport.send(ping());
            tookMs = t.elapsed();
        });
        worker->start();
        QTest::qWait(300);
        worker->requestInterruption();
        QVERIFY(worker->wait(20000)); // far below the 60 s timeout
        delete worker;
        QVERIFY(result.has_value());
        QVERIFY(!result->has_value());
        QVERIFY2(tookMs < 20000, qPrintable(QString::number(tookMs)));
    }
};

QTEST_GUILESS_MAIN(TstQtTransport)
#include "tst_qttransport.moc"
