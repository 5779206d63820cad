// Order (代购下单): scanner first. The focus sits in one field: a scanned product barcode puts the item
// in the basket (again: one more), typed text searches the catalogue (name, pinyin initials, full pinyin)
// with the results under it, Up/Down choose and Enter adds; a category lists its items. The basket's
// quantities are edited in place (Delete removes a line). Then the villager (phone tail or name, shown
// masked), how it is paid, and "Place order"; a refusal (credit limit, deposit) is shown and nothing is
// written. After placing, the page offers the receipt.
#pragma once

#include "catalogue.h"
#include "orders.h"
#include "page.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;

namespace cz::ui {

class BasketModel;
class PrintService;

class OrderPage : public Page {
    Q_OBJECT
public:
    OrderPage(StationContext& station, PrintService* printing, QWidget* parent = nullptr);

    [[nodiscard]] QString title() const override { return tr("&Buy for villagers"); }
    void handleScan(const QString& code) override;
    void activate() override;

    void search(const QString& text);
    void showCategory(int comboIndex);
    // Adds the highlighted search result (or the typed barcode) to the basket.
    void addChosen();
    void removeCurrentLine();
    void findVillager(const QString& text);
    void placeOrder();

    [[nodiscard]] QLineEdit* itemField() const { return m_item; }
    [[nodiscard]] QListWidget* results() const { return m_results; }
    [[nodiscard]] QComboBox* categoryBox() const { return m_category; }
    [[nodiscard]] BasketModel* basket() const { return m_basket; }
    [[nodiscard]] QTableView* basketView() const { return m_basketView; }
    [[nodiscard]] QLineEdit* villagerField() const { return m_villager; }
    [[nodiscard]] QComboBox* villagerBox() const { return m_villagers; }
    [[nodiscard]] QComboBox* paymentBox() const { return m_payment; }
    [[nodiscard]] QComboBox* methodBox() const { return m_method; }
    [[nodiscard]] QPushButton* placeButton() const { return m_place; }
    [[nodiscard]] QString shownMessage() const;
    [[nodiscard]] QString shownTotal() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showItems(const QList<CatalogueItem>& items);
    void addItem(const CatalogueItem& item);
    void loadCategories();
    void updateTotal();

    StationContext& m_station;
    PrintService* m_printing;
    Catalogue m_catalogue;
    QLineEdit* m_item;
    QComboBox* m_category;
    QListWidget* m_results;
    BasketModel* m_basket;
    QTableView* m_basketView;
    QPushButton* m_remove;
    QLabel* m_total;
    QLineEdit* m_villager;
    QComboBox* m_villagers;
    QComboBox* m_payment;
    QComboBox* m_method;
    QPushButton* m_place;
    QLabel* m_message;
    QList<CatalogueItem> m_shown; // the items in m_results, in its order
};

} // namespace cz::ui
