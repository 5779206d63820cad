// PDF rendering through QPdfWriter, one page per document page.
#include "pdf.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <cmath>

namespace cz::print {

namespace {
struct PdfText {
    Q_DECLARE_TR_FUNCTIONS(Printing)
};
} // namespace

Result<QByteArray> toPdf(const Document& doc) {
    if (!doc.isValid())
        return fail(ErrorKind::Internal, QStringLiteral("print.invalid-document"),
                    PdfText::tr("The document to print is empty."));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const int resolution = static_cast<int>(std::lround(doc.dpi));
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(resolution);
        writer.setTitle(doc.title);
        writer.setCreator(QStringLiteral("Cunzhan"));
        const QPageSize size(doc.pageMm, QPageSize::Millimeter, QString(), QPageSize::ExactMatch);
        writer.setPageLayout(QPageLayout(size, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        QPainter painter;
        if (!painter.begin(&writer))
            return fail(ErrorKind::Internal, QStringLiteral("print.pdf-failed"),
                        PdfText::tr("Could not create the PDF document."));
        for (int page = 0; page < doc.pages; ++page) {
            if (page > 0)
                writer.newPage();
            Canvas canvas{painter, resolution / 25.4, page};
            doc.paint(canvas);
        }
        painter.end();
    }
    return bytes;
}

Status printToPdf(const Document& doc, const QString& path) {
    auto pdf = toPdf(doc);
    if (!pdf)
        return fail(pdf.error());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*pdf) != pdf->size() || !file.commit())
        return fail(ErrorKind::Unavailable, QStringLiteral("print.pdf-write-failed"),
                    PdfText::tr("Could not write the PDF file %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace cz::print
