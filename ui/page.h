// What every page of the main window offers: a title for its rail entry (its mnemonic letter is the
// page's Alt shortcut), a place for scans, and a hook called when it becomes the current page (to put
// the focus where the clerk starts).
#pragma once

#include "context.h"

#include <QWidget>

namespace cz::ui {

// Calls fn on the receiver's thread after every committed change that touches one of `domains`
// (a receive does not make the Send page read its rates again).
template<class Fn>
void whenChanged(StationContext& station, QObject* receiver, Domains domains, Fn fn) {
    QObject::connect(&station, &StationContext::changed, receiver, [domains, fn](Domains changed) {
        if (changed & domains)
            fn();
    });
}

class Page : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
    [[nodiscard]] virtual QString title() const = 0;
    // A scanner burst arrived while this page is current.
    virtual void handleScan(const QString& code) = 0;
    virtual void activate() {}
};

} // namespace cz::ui
