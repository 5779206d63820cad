// The keyboard-wedge filter: bursts become scans (upper case), everything else reaches the
// widget with focus unchanged — slow typing, short bursts, bursts without terminator, other keys.
#include "scanfilter.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>
#include <QWidget>

using cz::ui::ScanFilter;

class TestScanFilter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void burstWithTerminatorIsAScan_data();
    void burstWithTerminatorIsAScan();
    void slowTypingLandsInTheField();
    void shortBurstIsTyping();
    void burstWithoutTerminatorIsGivenBack();
    void slowGapInsideABurstIsTyping();
    void otherCharacterEndsTheBurst();
    void scanWhileAButtonHasFocus();
    void scanCharacters();

private:
    void keys(QWidget* target, const QString& text, qint64 gapMs) {
        for (QChar c : text) {
            QTest::keyClick(target, c.toLatin1());
            m_now += gapMs;
        }
    }

    qint64 m_now = 0;
    QWidget* m_window = nullptr;
    QLineEdit* m_field = nullptr;
    QPushButton* m_button = nullptr;
    ScanFilter* m_filter = nullptr;
};

void TestScanFilter::init() {
    m_now = 10000;
    m_window = new QWidget;
    m_field = new QLineEdit(m_window);
    m_button = new QPushButton(QStringLiteral("OK"), m_window);
    auto* layout = new QVBoxLayout(m_window);
    layout->addWidget(m_field);
    layout->addWidget(m_button);
    m_filter = new ScanFilter(m_window, [this] { return m_now; });
    m_filter->install();
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    m_field->setFocus();
}

void TestScanFilter::cleanup() {
    delete m_window;
    m_window = nullptr;
}

void TestScanFilter::burstWithTerminatorIsAScan_data() {
    QTest::addColumn<QString>("keys");
    QTest::addColumn<int>("terminator");
    QTest::addColumn<QString>("expected");
    QTest::newRow("digits, Return") << QStringLiteral("773277027280336") << int(Qt::Key_Return)
                                    << QStringLiteral("773277027280336");
    QTest::newRow("lower case normalised, Enter")
        << QStringLiteral("yt764306505052") << int(Qt::Key_Enter) << QStringLiteral("YT764306505052");
    QTest::newRow("mixed with dash, Tab")
        << QStringLiteral("Ab-12cD") << int(Qt::Key_Tab) << QStringLiteral("AB-12CD");
    QTest::newRow("exactly the minimum")
        << QStringLiteral("123456") << int(Qt::Key_Return) << QStringLiteral("123456");
}

void TestScanFilter::burstWithTerminatorIsAScan() {
    QFETCH(QString, keys);
    QFETCH(int, terminator);
    QFETCH(QString, expected);
    QSignalSpy spy(m_filter, &ScanFilter::scanned);
    QSignalSpy returns(m_field, &QLineEdit::returnPressed);
    this->keys(m_field, keys, 5);
    QTest::keyClick(m_field, static_cast<Qt::Key>(terminator));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), expected);
    // Swallowed: nothing typed, no Return delivered, the focus did not move on Tab.
    QCOMPARE(m_field->text(), QString());
    QCOMPARE(returns.size(), 0);
    QCOMPARE(m_filter->pendingKeys(), 0);
    QCOMPARE(QApplication::focusWidget(), m_field);
}

void TestScanFilter::slowTypingLandsInTheField() {
    QSignalSpy spy(m_filter, &ScanFilter::scanned);
    QSignalSpy returns(m_field, &QLineEdit::returnPressed);
    keys(m_field, QStringLiteral("Abc123x"), 200);
    QTest::keyClick(m_field, Qt::Key_Return);
    QCOMPARE(spy.size(), 0);
    // Typed text keeps its case: normalising is only for scans.
    QCOMPARE(m_field->text(), QStringLiteral("Abc123x"));
    QCOMPARE(returns.size(), 1);
}

void TestScanFilter::shortBurstIsTyping() {
    QSignalSpy spy(m_filter, &ScanFilter::scanned);
    QSignalSpy returns(m_field, &QLineEdit::returnPressed);
    keys(m_field, QStringLiteral("12345"), 5); // one short of the minimum
    QTest::keyClick(m_field, Qt::Key_Return);
    QCOMPARE(spy.size(), 0);
    QCOMPARE(m_field->text(), QStringLiteral("12345"));
    QCOMPARE(returns.size(), 1); // the Return still arrives, after the text
}

void TestScanFilter::burstWithoutTerminatorIsGivenBack() {
    QSignalSpy spy(m_filter, &ScanFilter::scanned);
    keys(m_field, QStringLiteral("SF1385628716739"), 5);
    QVERIFY(m_filter->pendingKeys() > 0);
    QCOMPARE(m_field->text(), QString()); // held back for now
    QTRY_COMPARE(m_field->text(), QStringLiteral("SF1385628716739"));
    QCOMPARE(spy.size(), 0);
}

void TestScanFilter::slowGapInsideABurstIsTyping() {
    QSignalSpy spy(m_filter, &ScanFilter::scanned);
    keys(m_field, QStringLiteral("1234"), 5);
    m_now += 300;
    keys(m_field, QStringLiteral("5678"), 5);
    QTest::keyClick(m_field, Qt::Key_Return);
    // "5678" alone is too short to be a scan; nothing may be lost or reordered.
    QCOMPARE(spy.size(), 0);
    QCOMPARE(m_field->text(), QStringLiteral("12345678"));
}

void TestScanFilter::otherCharacterEndsTheBurst() {
    QSignalSpy spy(m_filter, &ScanFilter::scanned);
    keys(m_field, QStringLiteral("123456"), 5);
    keys(m_field, QStringLiteral("/"), 5);
    keys(m_field, QStringLiteral("7890"), 5);
    QTest::keyClick(m_field, Qt::Key_Return);
    QCOMPARE(spy.size(), 0);
    QCOMPARE(m_field->text(), QStringLiteral("123456/7890"));
}

void TestScanFilter::scanWhileAButtonHasFocus() {
    m_button->setFocus();
    QSignalSpy spy(m_filter, &ScanFilter::scanned);
    QSignalSpy clicks(m_button, &QPushButton::clicked);
    keys(m_button, QStringLiteral("JT0001234567890"), 8);
    QTest::keyClick(m_button, Qt::Key_Return);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("JT0001234567890"));
    QCOMPARE(clicks.size(), 0);
}

void TestScanFilter::scanCharacters() {
    for (QChar c : QStringLiteral("09AZaz-"))
        QVERIFY2(ScanFilter::isScanChar(c), qPrintable(QString(c)));
    for (QChar c : QStringLiteral(" /_.+*\u4e2d\u00e9"))
        QVERIFY2(!ScanFilter::isScanChar(c), qPrintable(QString(c)));
    QVERIFY(ScanFilter::isTerminator(Qt::Key_Return));
    QVERIFY(ScanFilter::isTerminator(Qt::Key_Enter));
    QVERIFY(ScanFilter::isTerminator(Qt::Key_Tab));
    QVERIFY(!ScanFilter::isTerminator(Qt::Key_Space));
}

QTEST_MAIN(TestScanFilter)
#include "tst_scanfilter.moc"
