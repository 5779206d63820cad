// A print backend for the terminal's tests: one printer, "labels", the default. A test's fake says
// what print() does; stopped() is what the backend answers while that printer is stopped.
#pragma once

#include "printjob.h"

namespace cz::test {

class LabelPrinterBackend : public cz::print::PrintBackend {
public:
    Result<QList<cz::print::PrinterInfo>> printers() override {
        cz::print::PrinterInfo p;
        p.name = QStringLiteral("labels");
        p.isDefault = true;
        return QList<cz::print::PrinterInfo>{p};
    }

protected:
    static Result<int> stopped() {
        return fail(ErrorKind::Unavailable, QStringLiteral("print.queue-stopped"),
                    QStringLiteral("The printer labels is stopped."));
    }
};

} // namespace cz::test
