// The real county server as a child process, for HTTP tests, integration tests and benchmarks:
// `cunzhan-county serve` on 127.0.0.1 with an ephemeral port (stopped with SIGTERM at the end), and
// one-shot `cunzhan-county` administration commands, and a self-signed certificate for its TLS.
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>

namespace cz::test {

// CUNZHAN_COUNTY_BIN runs the tests against another build (to see a test fail on the old code).
inline QString countyBinary() {
    const QString other = qEnvironmentVariable("CUNZHAN_COUNTY_BIN");
    return other.isEmpty() ? QStringLiteral(CUNZHAN_BIN_DIR "/cunzhan-county") : other;
}

class CountyProcess {
public:
    // Listens on 127.0.0.1:0 unless extra has its own --listen.
    explicit CountyProcess(const QString& db, const QStringList& extra = {}) {
        QStringList args{QStringLiteral("serve"), QStringLiteral("--db"), db};
        if (!extra.contains(QStringLiteral("--listen")))
            args << QStringLiteral("--listen") << QStringLiteral("127.0.0.1:0");
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(countyBinary(), args + extra);
        const QRegularExpression listening(QStringLiteral("listening on (https?)://[^:]+:(\\d+)"));
        while (m_process.waitForReadyRead(10000) || m_process.canReadLine()) {
            m_output += QString::fromUtf8(m_process.readAll());
            const auto m = listening.match(m_output);
            if (m.hasMatch()) {
                m_port = m.captured(2).toInt();
                m_url = m.captured(1) + QStringLiteral("://127.0.0.1:") + m.captured(2);
                return;
            }
        }
    }
    ~CountyProcess() { stop(); }
    CountyProcess(const CountyProcess&) = delete;
    CountyProcess& operator=(const CountyProcess&) = delete;

    void stop() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(10000))
                m_process.kill();
        }
    }
    [[nodiscard]] int port() const { return m_port; } // 0: it did not start
    [[nodiscard]] QString url() const { return m_url; }
    QProcess& process() { return m_process; }
    QString output() { return m_output + QString::fromUtf8(m_process.readAll()); }

private:
    QProcess m_process;
    QString m_output;
    QString m_url;
    int m_port = 0;
};

// Runs `cunzhan-county ARGS`; returns stdout, and stderr too unless stdoutOnly.
inline QString countyCli(const QStringList& args, int* exitCode = nullptr, bool stdoutOnly = false) {
    QProcess p;
    p.start(countyBinary(), args);
    p.waitForFinished(60000);
    if (exitCode)
        *exitCode = p.exitCode();
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    return stdoutOnly ? out : out + QString::fromUtf8(p.readAllStandardError());
}

// `station add --json` → the one-time enrolment code ("" on failure).
inline QString addCountyStation(const QString& db, const QString& name, const QString& township) {
    const QString out = countyCli({QStringLiteral("station"), QStringLiteral("add"), QStringLiteral("--db"),
                                   db, QStringLiteral("--name"), name, QStringLiteral("--township"), township,
                                   QStringLiteral("--json")},
                                  nullptr, true);
    return QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("code")).toString();
}

// A self-signed certificate for 127.0.0.1 (its CN and an IP subjectAltName), valid for two days, and
// its key, as PEM files for --tls-cert and --tls-key; false when openssl failed.
inline bool makeSelfSignedCertificate(const QString& cert, const QString& key) {
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
    return openssl.waitForFinished(60000) && openssl.exitStatus() == QProcess::NormalExit &&
           openssl.exitCode() == 0;
}

} // namespace cz::test
