// Fixture for tst_core_header_guard_rejects: a station-core source must never look like this.
#include <QString>
#include <QtWidgets/QWidget>
