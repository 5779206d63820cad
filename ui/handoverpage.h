// The handover to the county van (交接): a bag number and its seal, each outgoing waybill scanned
// into the bag (sent parcels and parcels on the return list), the open manifest's bags listed,
// then the driver and plate and "Hand over to the van" (confirmed), and the manifest printed.
#pragma once

#include "manifest.h"
#include "page.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace cz {
class StationContext;
}

namespace cz::ui {

class ManifestModel;
class PrintService;

class HandoverPage : public Page {
    Q_OBJECT
public:
    explicit HandoverPage(StationContext& station, PrintService* printing = nullptr, QWidget* parent = nullptr);

    [[nodiscard]] QString title() const override { return tr("Handov&er"); }
    // Into the bag or seal field when the clerk is there, otherwise a waybill into the bag.
    void handleScan(const QString& code) override;
    void activate() override;

    void addToBag();
    void handOver();
    void printManifest();

    [[nodiscard]] QLineEdit* bagField() const { return m_bag; }
    [[nodiscard]] QLineEdit* sealField() const { return m_seal; }
    [[nodiscard]] QLineEdit* waybillField() const { return m_waybill; }
    [[nodiscard]] QLineEdit* driverField() const { return m_driver; }
    [[nodiscard]] QLineEdit* plateField() const { return m_plate; }
    [[nodiscard]] ManifestModel* manifestModel() const { return m_model; }
    [[nodiscard]] QString shownMessage() const;

private:
    void refresh();

    StationContext& m_station;
    Manifests m_manifests;
    PrintService* m_printing;
    QString m_lastHandedOver; // manifest id, for printing after the van has left
    QLineEdit* m_bag;
    QLineEdit* m_seal;
    QLineEdit* m_waybill;
    QLabel* m_summary;
    QTableView* m_table;
    ManifestModel* m_model;
    QLineEdit* m_driver;
    QLineEdit* m_plate;
    QPushButton* m_handOver;
    QPushButton* m_print;
    QLabel* m_message;
};

} // namespace cz::ui
