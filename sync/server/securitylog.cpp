#include "securitylog.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QMutex>
#include <cstdio>
#include <memory>

namespace cz::county::security {

namespace {

constexpr qsizetype kMaxFieldLength = 200;
constexpr qint64 kMinuteMs = 60 * 1000;

struct Window {
    qint64 start = 0;
    int lines = 0;
    int suppressed = 0;
};

struct Log {
    QMutex mutex;
    std::unique_ptr<QFile> file; // null: stderr
    QHash<QString, Window> windows;
};

Log& log() {
    static Log instance;
    return instance;
}

QJsonValue bounded(const QJsonValue& v) {
    if (v.isString() && v.toString().size() > kMaxFieldLength)
        return v.toString().left(kMaxFieldLength) + QStringLiteral("…");
    if (v.isArray() || v.isObject())
        return bounded(
            QString::fromUtf8(QJsonDocument::fromVariant(v.toVariant()).toJson(QJsonDocument::Compact)));
    return v;
}

} // namespace

bool setLogFile(const QString& path) {
    Log& l = log();
    const QMutexLocker lock(&l.mutex);
    if (path.isEmpty()) {
        l.file.reset();
        return true;
    }
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    l.file = std::move(file);
    return true;
}

void event(const QString& name, const QJsonObject& fields) {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Log& l = log();
    const QMutexLocker lock(&l.mutex);
    Window& w = l.windows[name];
    if (now - w.start >= kMinuteMs) {
        w.start = now;
        w.lines = 0;
    }
    if (w.lines >= kMaxLinesPerMinute) {
        ++w.suppressed;
        return;
    }
    ++w.lines;
    QJsonObject line{{QStringLiteral("at"), now}, {QStringLiteral("event"), name}};
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        line.insert(it.key().left(64), bounded(it.value()));
    if (w.suppressed > 0) {
        line.insert(QStringLiteral("suppressed"), w.suppressed);
        w.suppressed = 0;
    }
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    if (l.file) {
        l.file->write(bytes);
        l.file->flush();
    } else {
        std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
        std::fflush(stderr);
    }
}

} // namespace cz::county::security
