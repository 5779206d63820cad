// PDF output of documents: for files, for the notice-board printer and for CUPS queues fed with PDF.
#pragma once

#include "document.h"
#include "result.h"

#include <QByteArray>
#include <QString>

namespace cz::print {

// The whole document as PDF bytes, drawn at the document's dpi with the same routine as the raster.
[[nodiscard]] Result<QByteArray> toPdf(const Document& doc);

// Writes the PDF to path (atomically: a temporary file renamed into place).
[[nodiscard]] Status printToPdf(const Document& doc, const QString& path);

} // namespace cz::print
