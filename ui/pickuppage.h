// Pickup (出库): look up by pickup code, waybill or the last 4 digits of the phone, tick the
// parcels the collector takes, hand them over with Enter; the last handover can be undone while
// the station's undo window lasts (the button goes grey when it closes).
#pragma once

#include "context.h"
#include "pickup.h"
#include "page.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace cz {
class StationContext;
}

namespace cz::ui {

class PickupModel;

class PickupPage : public Page {
    Q_OBJECT
public:
    explicit PickupPage(StationContext& station, QWidget* parent = nullptr);

    [[nodiscard]] QString title() const override { return tr("&Pickup"); }
    void handleScan(const QString& code) override;
    void activate() override;

    void lookUp(const QString& text);
    void handOver();
    void undoLast();

    [[nodiscard]] QLineEdit* lookupField() const { return m_lookup; }
    [[nodiscard]] QLineEdit* collectorField() const { return m_collector; }
    [[nodiscard]] QPushButton* handOverButton() const { return m_handOver; }
    [[nodiscard]] QPushButton* undoButton() const { return m_undo; }
    [[nodiscard]] PickupModel* model() const { return m_model; }
    [[nodiscard]] QTimer* undoTimer() const { return m_undoTimer; }
    [[nodiscard]] QString shownMessage() const;
    [[nodiscard]] QString shownTotal() const;

private:
    void updateTotal();
    // Enables undo only while the last handover is within settings().undoWindowMin by the station's clock.
    void updateUndo();

    StationContext& m_station;
    Pickup m_pickup;
    QLineEdit* m_lookup;
    QPushButton* m_find;
    QTableView* m_table;
    PickupModel* m_model;
    QLineEdit* m_collector;
    QLabel* m_total;
    QPushButton* m_handOver;
    QPushButton* m_undo;
    QLabel* m_message;
    QStringList m_lastHandedOver;
    qint64 m_lastHandedOverAt = 0;
    QTimer* m_undoTimer;
};

} // namespace cz::ui
