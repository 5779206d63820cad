// A stand-in for a network receipt/label printer: a TCP listener on its own thread (the test thread blocks
// in libcups while the socket backend sends), keeping the bytes of each connection as one job.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

class RawListener : public QThread {
public:
    explicit RawListener(quint16 port)
        : m_port(port) {}
    ~RawListener() override {
        quit();
        wait();
    }

    bool startListening() {
        start();
        m_ready.acquire();
        return m_ok;
    }

    QList<QByteArray> jobs() const {
        QMutexLocker lock(&m_mutex);
        return m_jobs;
    }

    // Waits (without an event loop on the caller's thread) until count jobs have arrived.
    bool waitForJobs(qsizetype count, int timeoutMs) const {
        for (int waited = 0; waited < timeoutMs; waited += 50) {
            if (jobs().size() >= count)
                return true;
            QThread::msleep(50);
        }
        return jobs().size() >= count;
    }

protected:
    void run() override {
        QTcpServer server;
        m_ok = server.listen(QHostAddress::LocalHost, m_port);
        m_ready.release();
        if (!m_ok)
            return;
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this, &server] {
            while (QTcpSocket* socket = server.nextPendingConnection()) {
                auto* buffer = new QByteArray;
                auto finish = [this, socket, buffer] {
                    if (socket->property("done").toBool())
                        return;
                    socket->setProperty("done", true);
                    buffer->append(socket->readAll());
                    {
                        QMutexLocker lock(&m_mutex);
                        m_jobs.append(*buffer);
                    }
                    delete buffer;
                    socket->disconnectFromHost();
                    socket->deleteLater();
                };
                QObject::connect(socket, &QTcpSocket::readyRead, socket,
                                 [socket, buffer] { buffer->append(socket->readAll()); });
                QObject::connect(socket, &QTcpSocket::readChannelFinished, socket, finish);
                QObject::connect(socket, &QTcpSocket::disconnected, socket, finish);
            }
        });
        exec();
    }

private:
    quint16 m_port;
    bool m_ok = false;
    QSemaphore m_ready;
    mutable QMutex m_mutex;
    QList<QByteArray> m_jobs;
};
