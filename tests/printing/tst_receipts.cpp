// Proxy buying on paper: the order and payment receipts fit the 58 and 80 mm rolls (raster width at
// 203 dpi), and their text (PDF through pdftotext) has the masked phone and name, never the full ones,
// the lines and the total in yuan with two decimals; the A4 statement pages its ledger with the
// running balance.
#include "documents.h"
#include "pdf.h"
#include "privacy.h"
#include "sampleprint.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cz::print;

namespace {

// As in tst_render: Qt's PDF writer maps some Han glyphs to CJK radicals; fold them back.
QString foldRadicals(QString s) {
    static const std::pair<char16_t, char16_t> map[] = {
        {0x2E9F, 0x6BCD}, {0x2EA0, 0x6C11}, {0x2EC4, 0x897F}, {0x2EC5, 0x89C1}, {0x2EC6, 0x89D2},
        {0x2ECB, 0x8F66}, {0x2ED3, 0x9577}, {0x2ED4, 0x95E8}, {0x2ED8, 0x9752}, {0x2EDA, 0x9875},
        {0x2EDB, 0x98CE}, {0x2EDC, 0x98DE}, {0x2EDD, 0x98DF}, {0x2EE2, 0x9A6C}, {0x2EE4, 0x9B3C},
        {0x2EE9, 0x9EC4}, {0x2EF0, 0x9F99}};
    for (const auto& [radical, han] : map)
        s.replace(QChar(radical), QChar(han));
    return s.normalized(QString::NormalizationForm_KC);
}

QString pdfText(const QString& path) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return {};
    return foldRadicals(QString::fromUtf8(p.readAllStandardOutput()));
}

bool hasInk(const QImage& img, const QRect& r) {
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            if (qGray(img.pixel(x, y)) < 128)
                return true;
    return false;
}

// Rows with ink in the last 2 dots at the right that are not a rule drawn across the whole width.
int textAtRightEdge(const QImage& img) {
    int rows = 0;
    for (int y = 0; y < img.height(); ++y) {
        if (!hasInk(img, QRect(img.width() - 2, y, 2, 1)))
            continue;
        bool rule = true;
        for (int x = 0; x < img.width() && rule; ++x)
            rule = qGray(img.pixel(x, y)) < 128;
        rows += rule ? 0 : 1;
    }
    return rows;
}

cz::Villager villager() {
    cz::Villager v;
    v.id = QStringLiteral("v1");
    v.name = QStringLiteral("欧阳明华");
    v.phone = QStringLiteral("13812345678");
    v.phoneTail = QStringLiteral("5678");
    v.creditLimitFen = 50000;
    return v;
}

cz::Order order() {
    cz::Order o;
    o.id = QStringLiteral("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    o.villagerId = QStringLiteral("v1");
    o.payment = cz::OrderPayment::Now;
    o.method = QStringLiteral("wechat");
    o.placedAt = cz::test::sampleTime(2026, 11, 28, 10, 5);
    cz::OrderLine rice;
    rice.lineNo = 1;
    rice.name = QStringLiteral("香稻丸");
    rice.spec = QStringLiteral("500 g/袋");
    rice.quantity = 2;
    rice.priceFen = 1280;
    cz::OrderLine fertiliser;
    fertiliser.lineNo = 2;
    fertiliser.name = QStringLiteral("复合肥");
    fertiliser.quantity = 1;
    fertiliser.priceFen = 12000;
    o.lines = {rice, fertiliser};
    o.totalFen = rice.amountFen() + fertiliser.amountFen();
    return o;
}

cz::AccountEntry deposit(int i, qint64 amountFen) {
    cz::AccountEntry e;
    e.id = QStringLiteral("entry-%1").arg(i, 4, 10, QLatin1Char('0'));
    e.villagerId = QStringLiteral("v1");
    e.at = cz::test::sampleTime(2026, 11, 1, 9, 0) + qint64(i) * 60'000;
    e.kind = QStringLiteral("deposit");
    e.amountFen = amountFen;
    e.method = QStringLiteral("cash");
    return e;
}

} // namespace

class TestReceipts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void receiptsFitTheRoll_data();
    void receiptsFitTheRoll();
    void orderReceiptText();
    void paymentReceiptText();
    void statementPagesAndBalance();

private:
    QTemporaryDir m_dir;
};

void TestReceipts::receiptsFitTheRoll_data() {
    QTest::addColumn<int>("paper");
    QTest::addColumn<int>("width");
    QTest::newRow("58mm") << int(SlipPaper::Mm58) << 384;
    QTest::newRow("80mm") << int(SlipPaper::Mm80) << 576;
}

void TestReceipts::receiptsFitTheRoll() {
    QFETCH(int, paper);
    QFETCH(int, width);
    // A long item name must shrink into the roll, not run off it.
    cz::Order o = order();
    o.lines[1].name = QStringLiteral("复合肥料（氮磷钾十五比十五比十五）高塔造粒型五十公斤装");
    const Document doc =
        orderReceipt({QStringLiteral("张庄村便民服务站"), o, villager(), -9560}, SlipPaper(paper));
    const QImage img = renderPage(doc);
    QCOMPARE(img.width(), width);
    QVERIFY(hasInk(img, QRect(0, 0, img.width(), img.height() / 5)));
    // Ink at the right edge only in the rules across the paper: the text stayed on it.
    QCOMPARE(textAtRightEdge(img), 0);
    QVERIFY(doc.media.startsWith(paper == int(SlipPaper::Mm58) ? u"Custom.58x" : u"Custom.80x"));

    const Document pay =
        paymentReceipt({QStringLiteral("服务站"), deposit(1, 5050), villager(), 5050}, SlipPaper(paper));
    QCOMPARE(renderPage(pay).width(), width);
    // One more line on the order receipt makes it longer.
    cz::Order more = o;
    more.lines << o.lines.first();
    const Document longer = orderReceipt({QStringLiteral("服务站"), more, villager(), 0}, SlipPaper(paper));
    QVERIFY(longer.pageMm.height() > doc.pageMm.height());
}

void TestReceipts::orderReceiptText() {
    const QString path = m_dir.filePath(QStringLiteral("order.pdf"));
    QVERIFY(printToPdf(orderReceipt({QStringLiteral("张庄村便民服务站"), order(), villager(), -9560}), path)
                .has_value());
    const QString text = pdfText(path);
    QVERIFY2(text.contains(u"138****5678"), qPrintable(text));
    QVERIFY(!text.contains(u"13812345678"));
    QVERIFY(text.contains(u"欧**华"));
    QVERIFY(!text.contains(u"欧阳明华"));
    QVERIFY(text.contains(u"香稻丸"));
    QVERIFY(text.contains(u"25.60"));  // 2 × 12.80
    QVERIFY(text.contains(u"145.60")); // the total
    QVERIFY(text.contains(u"95.60"));  // owed after
    QVERIFY(text.contains(u"4A5B"));   // the order's short number
    QVERIFY(text.contains(u"2026-11-28 10:05"));
}

void TestReceipts::paymentReceiptText() {
    const QString path = m_dir.filePath(QStringLiteral("payment.pdf"));
    QVERIFY(
        printToPdf(paymentReceipt({QStringLiteral("张庄村便民服务站"), deposit(3, 5050), villager(), 12345},
                                  SlipPaper::Mm80),
                   path));
    const QString text = pdfText(path);
    QVERIFY2(text.contains(u"138****5678"), qPrintable(text));
    QVERIFY(!text.contains(u"13812345678"));
    QVERIFY(text.contains(u"50.50"));
    QVERIFY(text.contains(u"123.45"));
}

void TestReceipts::statementPagesAndBalance() {
    StatementData data{
        QStringLiteral("张庄村便民服务站"), villager(), {}, {}, cz::test::sampleTime(2026, 11, 28, 9, 0)};
    const int n = statementRowsPerPage() + 5;
    for (int i = 0; i < n; ++i)
        data.entries << deposit(i, 100 + i);
    qint64 balance = 0;
    for (const auto& e : data.entries)
        balance += e.amountFen;
    data.state.balanceFen = balance;
    data.state.creditLimitFen = 50000;
    const Document doc = accountStatement(data);
    QCOMPARE(doc.pages, 2);
    QCOMPARE(doc.media, QStringLiteral("A4"));
    const QString path = m_dir.filePath(QStringLiteral("statement.pdf"));
    QVERIFY(printToPdf(doc, path).has_value());
    const QString text = pdfText(path);
    QVERIFY2(text.contains(u"138****5678"), qPrintable(text.left(600)));
    QVERIFY(!text.contains(u"13812345678"));
    QVERIFY(!text.contains(u"欧阳明华"));
    QVERIFY(text.contains(cz::formatFen(balance))); // the last running balance and the summary
    QVERIFY(text.contains(u"1.00"));                // the first row's balance: 100 fen
    QVERIFY(text.contains(u"500.00"));              // the credit limit
    QVERIFY(text.contains(u"Page 2 of 2"));
}

QTEST_MAIN(TestReceipts)
#include "tst_receipts.moc"
