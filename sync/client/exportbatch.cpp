#include "exportbatch.h"

#include "syncengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace cz::sync {

namespace {
struct ExportText {
    Q_DECLARE_TR_FUNCTIONS(Sync)
};
} // namespace

Result<int> exportBatch(SyncStore& store, const QString& path) {
    auto e = store.enrolment();
    if (!e)
        return fail(e.error());
    if (e->stationId.isEmpty())
        return fail(
            ErrorKind::Conflict, kErrNotEnrolled,
            ExportText::tr("This station is not enrolled with a county server yet, so the county could "
                           "not tell whose batch it is: enrol it first."));
    auto ops = store.pending(std::numeric_limits<int>::max());
    if (!ops)
        return fail(ops.error());
    QSaveFile file(path);
    const QString native = QDir::toNativeSeparators(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorKind::Unavailable, QStringLiteral("batch.cannot_write"),
                    ExportText::tr("Cannot write %1: %2").arg(native, file.errorString()));
    // The batch holds villagers' phone numbers: readable by its owner only (the temporary file that
    // becomes it, so it is never wider, not even for a moment).
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(encode(Batch{e->stationId, *ops}));
    if (!file.commit())
        return fail(ErrorKind::Unavailable, QStringLiteral("batch.cannot_write"),
                    ExportText::tr("Cannot write %1: %2").arg(native, file.errorString()));
    return static_cast<int>(ops->size());
}

} // namespace cz::sync
