// The print preview: the document's pages drawn by the same routine that prints them, with Print
// (through the PrintService and its queue) and Save as PDF. It opens within the screen (1024×768 at the
// counter) so its buttons are always on it, with A4 fitted to the width and labels and slips shown whole;
// the clerk can zoom (Ctrl++ / Ctrl+-) or fit again. Print does not wait: the job is posted to
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
class QScrollArea;
class QVBoxLayout;

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

    enum class Fit { Width, Page, None };
    void setFit(Fit fit);
    void zoomIn();
    void zoomOut();
    [[nodiscard]] Fit fit() const { return m_fit; }
    [[nodiscard]] double zoom() const { return m_zoom; } // 1.0: one screen pixel per preview dot
    // The page as shown (frame included), and the room the pages have without scrolling sideways.
    [[nodiscard]] QSize shownPageSize(int page) const;
    [[nodiscard]] QSize pageViewportSize() const;

    // Posts the job; false without a print service or while a job from this preview is in flight.
    bool printNow();
    [[nodiscard]] bool isPrinting() const { return m_request != 0; }
    bool saveAsPdf(); // asks for the file name through Messages::saveFileName

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void setZoom(double zoom);
    void applyZoom();

    print::Document m_doc;
    Paper m_paper;
    PrintService* m_service;
    QList<QImage> m_pages;
    QList<QLabel*> m_pageLabels;
    QScrollArea* m_scroll;
    QVBoxLayout* m_pagesLayout;
    QPushButton* m_fitWidth;
    QPushButton* m_fitPage;
    QLabel* m_zoomLabel;
    QLabel* m_message;
    QPushButton* m_print;
    Fit m_fit;
    double m_zoom = 1.0;
    int m_request = 0; // the job in flight, 0 when none
};

} // namespace cz::ui
