// tests/tools/faultproxy as a child process in front of a server on 127.0.0.1, for integration tests
// and benchmarks. Closing its stdin stops it; it then prints its tally of faults.
#pragma once

#include <QProcess>
#include <QStringList>

namespace cz::test {

class FaultProxyProcess {
public:
    // options: the proxy's fault and link options (see faultproxy.cpp).
    FaultProxyProcess(int targetPort, const QStringList& options) {
        m_process.start(
            QStringLiteral(CUNZHAN_BIN_DIR "/faultproxy"),
            QStringList{QStringLiteral("--target"), QStringLiteral("127.0.0.1:%1").arg(targetPort)} +
                options);
        if (m_process.waitForReadyRead(10000))
            m_port = m_process.readLine().trimmed().split(' ').value(2).toInt();
    }
    ~FaultProxyProcess() { tally(); }
    FaultProxyProcess(const FaultProxyProcess&) = delete;
    FaultProxyProcess& operator=(const FaultProxyProcess&) = delete;

    [[nodiscard]] int port() const { return m_port; } // 0: it did not start
    [[nodiscard]] QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    // Stops the proxy and returns its final tally line.
    QString tally() {
        if (m_process.state() == QProcess::NotRunning)
            return m_tally;
        m_process.closeWriteChannel();
        m_process.waitForFinished(10000);
        m_tally = QString::fromUtf8(m_process.readAllStandardOutput()).trimmed();
        return m_tally;
    }

private:
    QProcess m_process;
    QString m_tally;
    int m_port = 0;
};

} // namespace cz::test
