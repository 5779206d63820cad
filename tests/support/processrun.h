// The project's programs as child processes, for the CLI, integration and smoke tests: one runner
// that collects the exit code and what the program said, and the JSON lines of `--json` output.
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace cz::test {

// The test build of cunzhanctl, which answers the test hooks (app/ctl/testhooks.h).
inline QString ctlBinary() {
    return QStringLiteral(CUNZHAN_BIN_DIR "/cunzhanctl-testhooks");
}

// The cunzhanctl that is installed: without test hooks.
inline QString shippedCtlBinary() {
    return QStringLiteral(CUNZHAN_BIN_DIR "/cunzhanctl");
}

struct Run {
    int code = -1; // the exit code; -2 when the program crashed or was killed, -1 when it did not finish
    QByteArray out;
    QByteArray err;
    // The first line of stdout as a JSON object (a --json result).
    [[nodiscard]] QJsonObject json() const {
        return QJsonDocument::fromJson(out.split('\n').first()).object();
    }
};

struct RunOptions {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QByteArray input; // written to stdin, which is then closed
    int timeoutMs = 60000;
};

// Runs program with args to the end; one that does not finish in time is killed (code -1).
inline Run runProgram(const QString& program, const QStringList& args, const RunOptions& options = {}) {
    QProcess p;
    p.setProcessEnvironment(options.env);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        qFatal("cannot start %s: %s", qPrintable(program), qPrintable(p.errorString()));
    if (!options.input.isEmpty())
        p.write(options.input);
    p.closeWriteChannel();
    Run r;
    if (!p.waitForFinished(options.timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.code = -1;
    } else {
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Each stdout line as a JSON object; ok (when given) is false when any line is not one.
inline QList<QJsonObject> jsonLines(const QByteArray& out, bool* ok = nullptr) {
    QList<QJsonObject> objects;
    if (ok)
        *ok = true;
    for (const QByteArray& line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            qWarning("not a JSON object line: %s", line.constData());
            if (ok)
                *ok = false;
            continue;
        }
        objects << doc.object();
    }
    return objects;
}

} // namespace cz::test
