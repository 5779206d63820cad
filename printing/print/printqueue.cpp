// PrintQueue: pending jobs in memory and, optionally, in a spool directory (metadata JSON + data file).
#include "printqueue.h"

#include "pdf.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <algorithm>

namespace cz::print {

namespace {
struct QueueText {
    Q_DECLARE_TR_FUNCTIONS(Printing)
};

QJsonObject toJson(const PrintJob& job) {
    QJsonObject options;
    for (auto it = job.options.cbegin(); it != job.options.cend(); ++it)
        options.insert(it.key(), it.value());
    return {{QStringLiteral("id"), job.id},
            {QStringLiteral("printer"), job.printer},
            {QStringLiteral("title"), job.title},
            {QStringLiteral("format"),
             job.format == JobFormat::Pdf ? QStringLiteral("pdf") : QStringLiteral("raw")},
            {QStringLiteral("options"), options},
            {QStringLiteral("attempts"), job.attempts},
            {QStringLiteral("lastError"), job.lastError}};
}

PrintJob fromJson(const QJsonObject& o) {
    PrintJob job;
    job.id = o.value(QStringLiteral("id")).toString();
    job.printer = o.value(QStringLiteral("printer")).toString();
    job.title = o.value(QStringLiteral("title")).toString();
    job.format = o.value(QStringLiteral("format")).toString() == QLatin1String("raw") ? JobFormat::Raw
                                                                                      : JobFormat::Pdf;
    const QJsonObject options = o.value(QStringLiteral("options")).toObject();
    for (auto it = options.begin(); it != options.end(); ++it)
        job.options.insert(it.key(), it.value().toString());
    job.attempts = o.value(QStringLiteral("attempts")).toInt();
    job.lastError = o.value(QStringLiteral("lastError")).toString();
    return job;
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QSaveFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() && f.commit();
}

} // namespace

Result<PrintJob> makePdfJob(const Document& doc, const QString& printer) {
    auto pdf = toPdf(doc);
    if (!pdf)
        return fail(pdf.error());
    PrintJob job;
    job.printer = printer;
    job.title = doc.title;
    job.format = JobFormat::Pdf;
    job.data = *pdf;
    if (!doc.media.isEmpty())
        job.options.insert(QStringLiteral("media"), doc.media);
    return job;
}

PrintJob makeRawJob(const QByteArray& data, const QString& printer, const QString& title) {
    PrintJob job;
    job.printer = printer;
    job.title = title;
    job.format = JobFormat::Raw;
    job.data = data;
    return job;
}

PrintQueue::PrintQueue(PrintBackend& backend, QString spoolDir)
    : m_backend(backend)
    , m_spoolDir(std::move(spoolDir)) {
    load();
}

QString PrintQueue::newId() {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now == m_lastMs) {
        ++m_counter;
    } else {
        m_lastMs = now;
        m_counter = 0;
    }
    return QStringLiteral("%1-%2").arg(now, 13, 10, QLatin1Char('0')).arg(m_counter, 4, 10, QLatin1Char('0'));
}

Status PrintQueue::store(const PrintJob& job) const {
    if (m_spoolDir.isEmpty())
        return {};
    const QDir dir(m_spoolDir);
    // Data first, metadata last: a job is only loaded back when both files are complete.
    if (!QDir().mkpath(m_spoolDir) || !writeFile(dir.filePath(job.id + QStringLiteral(".bin")), job.data) ||
        !writeFile(dir.filePath(job.id + QStringLiteral(".json")),
                   QJsonDocument(toJson(job)).toJson(QJsonDocument::Compact)))
        return fail(ErrorKind::Unavailable, QStringLiteral("print.spool-failed"),
                    QueueText::tr("The print job could not be saved in %1.").arg(m_spoolDir));
    return {};
}

void PrintQueue::unstore(const QString& id) const {
    if (m_spoolDir.isEmpty())
        return;
    const QDir dir(m_spoolDir);
    QFile::remove(dir.filePath(id + QStringLiteral(".json")));
    QFile::remove(dir.filePath(id + QStringLiteral(".bin")));
}

void PrintQueue::load() {
    if (m_spoolDir.isEmpty())
        return;
    const QDir dir(m_spoolDir);
    const QStringList metas = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString& meta : metas) {
        QFile mf(dir.filePath(meta));
        if (!mf.open(QIODevice::ReadOnly))
            continue;
        PrintJob job = fromJson(QJsonDocument::fromJson(mf.readAll()).object());
        QFile df(dir.filePath(job.id + QStringLiteral(".bin")));
        if (job.id.isEmpty() || !df.open(QIODevice::ReadOnly))
            continue;
        job.data = df.readAll();
        m_jobs.append(job);
    }
}

Result<int> PrintQueue::attempt(int index) {
    PrintJob& job = m_jobs[index];
    ++job.attempts;
    auto printed = m_backend.print(job);
    if (!printed) {
        job.lastError = printed.error().message;
        (void)store(job); // keep attempts and the message; the data is already safe
        return printed;
    }
    unstore(job.id);
    m_jobs.removeAt(index);
    return printed;
}

Result<int> PrintQueue::submit(PrintJob job) {
    job.id = newId();
    job.attempts = 0;
    job.lastError.clear();
    if (auto stored = store(job); !stored)
        return fail(stored.error());
    m_jobs.append(std::move(job));
    return attempt(static_cast<int>(m_jobs.size()) - 1);
}

Result<int> PrintQueue::retry() {
    int printed = 0;
    while (!m_jobs.isEmpty()) {
        auto done = attempt(0);
        if (!done)
            return fail(done.error());
        ++printed;
    }
    return printed;
}

Status PrintQueue::discard(const QString& id) {
    const auto it = std::find_if(m_jobs.begin(), m_jobs.end(), [&](const PrintJob& j) { return j.id == id; });
    if (it == m_jobs.end())
        return fail(ErrorKind::NotFound, QStringLiteral("print.no-job"),
                    QueueText::tr("There is no queued print job %1.").arg(id));
    unstore(id);
    m_jobs.erase(it);
    return {};
}

} // namespace cz::print
