// The print preview: the document's pages drawn by the same routine that prints them, with Print
// (through the PrintService and its queue) and Save as PDF. Print does not wait: the job is posted to
// the service, the dialog says so, and it closes when the job printed or shows why it did not. preview() is
// the seam: in the Messages test mode it only records the document, so no test blocks on the dialog.
#pragma once

#include "document.h"
#include "printservice.h"

#include <QDialog>
#include <QImage>
#include <QList>

class QLabel;
class QPushButton;

namespace cz::ui {

class PrintPreview : public QDialog {
    Q_OBJECT
public:
    // service may be null: then only Save as PDF is offered.
    PrintPreview(print::Document doc, Paper paper, PrintService* service, QWidget* parent = nullptr);

    // Shows the preview modally; in test mode records doc and returns at once.
    static void preview(QWidget* parent, const print::Document& doc, Paper paper, PrintService* service);
    // Test seam: the documents preview() was asked to show since the last call.
    [[nodiscard]] static QList<print::Document> takeOpened();

    [[nodiscard]] int pageCount() const { return static_cast<int>(m_pages.size()); }
    [[nodiscard]] QImage pageImage(int page) const { return m_pages.value(page); }
    [[nodiscard]] QString shownMessage() const;

    // Posts the job; false without a print service or while a job from this preview is in flight.
    bool printNow();
    [[nodiscard]] bool isPrinting() const { return m_request != 0; }
    bool saveAsPdf(); // asks for the file name through Messages::saveFileName

private:
    print::Document m_doc;
    Paper m_paper;
    PrintService* m_service;
    QList<QImage> m_pages;
    QLabel* m_message;
    QPushButton* m_print;
    int m_request = 0; // the job in flight, 0 when none
};

} // namespace cz::ui
