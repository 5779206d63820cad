#include "exportbatch.h"

#include "signing.h"
#include "syncengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QUuid>

namespace cz::sync {

namespace {
struct ExportText {
    Q_DECLARE_TR_FUNCTIONS(Sync)
};

Status writeFile(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    const QString native = QDir::toNativeSeparators(path);
    // A batch holds villagers' phone numbers: readable by its owner only (the temporary file that
    // becomes it, so it is never wider, not even for a moment).
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(bytes) != bytes.size() || !file.commit())
        return fail(ErrorKind::Unavailable, QStringLiteral("batch.cannot_write"),
                    ExportText::tr("Cannot write %1: %2").arg(native, file.errorString()));
    return {};
}
} // namespace

QString batchPartPath(const QString& path, int part, int parts) {
    if (parts <= 1)
        return path;
    const QFileInfo info(path);
    const int width = static_cast<int>(QString::number(parts).size());
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    const QString stem = info.fileName().chopped(suffix.size());
    return info.dir().filePath(QStringLiteral("%1-part%2of%3%4")
                                   .arg(stem)
                                   .arg(part, width, 10, QLatin1Char('0'))
                                   .arg(parts)
                                   .arg(suffix));
}

Result<ExportedBatch> exportBatch(SyncStore& store, const QString& path, int opsPerPart) {
    auto e = store.enrolment();
    if (!e)
        return fail(e.error());
    if (e->stationId.isEmpty())
        return fail(
            ErrorKind::Conflict, kErrNotEnrolled,
            ExportText::tr("This station is not enrolled with a county server yet, so the county could "
                           "not tell whose batch it is: enrol it first."));
    // The ops up to the outbox's last seq now; later ones go with the next sync or export.
    auto snapshot = store.pendingSnapshot();
    if (!snapshot)
        return fail(snapshot.error());
    const auto [upToSeq, count] = *snapshot;
    opsPerPart = std::max(1, opsPerPart);
    const int parts = std::max(1, (count + opsPerPart - 1) / opsPerPart);
    ExportedBatch out;
    out.isSigned = publicKeyOf(e->batchKey).has_value();
    const QString batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    qint64 afterSeq = 0;
    for (int part = 1; part <= parts; ++part) {
        // A sync acknowledging ops meanwhile only leaves a part short (or empty): still a valid part.
        auto ops = store.pendingBetween(afterSeq, upToSeq, opsPerPart);
        if (!ops)
            return fail(ops.error());
        if (!ops->isEmpty())
            afterSeq = ops->last().seq;
        const QByteArray body = encode(Batch{e->stationId, *ops, batchId, part, parts});
        const QByteArray file = out.isSigned ? signedBatchFile(body, signBytes(e->batchKey, body)) : body;
        const QString partPath = batchPartPath(path, part, parts);
        if (auto st = writeFile(partPath, file); !st)
            return fail(st.error());
        out.ops += static_cast<int>(ops->size());
        out.files << partPath;
    }
    return out;
}

} // namespace cz::sync
