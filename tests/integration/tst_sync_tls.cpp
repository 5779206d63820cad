// The station reaching a county that signs its own certificate, over real TLS: without the
// county's CA certificate the station refuses to talk (and says why); enrolled with it
// (`cunzhanctl enroll --ca-cert`), enrolment and later syncs go through, the certificate being
// kept with the enrolment.
#include "countyprocess.h"
#include "processrun.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cz::test;

class TstSyncTls : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    Run ctl(const QStringList& args) {
        return runProgram(ctlBinary(),
                          QStringList{QStringLiteral("--db"), m_dir.filePath(QStringLiteral("station.db"))} +
                              args);
    }

private Q_SLOTS:
    void selfSignedCountyNeedsItsCertificate() {
        const QString cert = m_dir.filePath(QStringLiteral("county.pem"));
        const QString key = m_dir.filePath(QStringLiteral("county.key"));
        QVERIFY(makeSelfSignedCertificate(cert, key));

        const QString db = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("county.db"));
        const QString code = addCountyStation(db, QStringLiteral("东村站"), QStringLiteral("城关镇"));
        QVERIFY(!code.isEmpty());
        CountyProcess county(db, {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
        QVERIFY2(county.url().startsWith(QLatin1String("https://")), qPrintable(county.output()));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--station-name"), QStringLiteral("东村站"),
                      QStringLiteral("--shelves"), QStringLiteral("1:2x10")})
                     .code,
                 0);

        // The county's certificate is not trusted: refused, unavailable, and the reason says so.
        const Run untrusted = ctl({QStringLiteral("--json"), QStringLiteral("enroll"),
                                   QStringLiteral("--server"), county.url(), QStringLiteral("--code"), code});
        QCOMPARE(untrusted.code, 5);
        QVERIFY2(untrusted.err.contains("证书不受信任"),
                 untrusted.err.constData()); // in the default language
        QVERIFY2(untrusted.err.contains("--ca-cert") || untrusted.err.contains("CA"),
                 untrusted.err.constData());
        QVERIFY(!QJsonDocument::fromJson(ctl({QStringLiteral("--json"), QStringLiteral("sync-status")}).out)
                     .object()
                     .value(QStringLiteral("enrolled"))
                     .toBool());

        // With the county's certificate: enrolled (the one-time code was not used up above).
        const Run enrolled = ctl({QStringLiteral("enroll"), QStringLiteral("--server"), county.url(),
                                  QStringLiteral("--code"), code, QStringLiteral("--ca-cert"), cert});
        QVERIFY2(enrolled.code == 0, enrolled.err.constData());
        QCOMPARE(ctl({QStringLiteral("receive"), QStringLiteral("YT4300000000001"), QStringLiteral("--phone"),
                      QStringLiteral("13912345678")})
                     .code,
                 0);
        // Later syncs use the certificate kept with the enrolment.
        const Run sync = ctl({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(sync.code == 0, sync.err.constData());
        const QJsonObject status =
            QJsonDocument::fromJson(ctl({QStringLiteral("--json"), QStringLiteral("sync-status")}).out)
                .object();
        QCOMPARE(status.value(QStringLiteral("pending")).toInt(), 0);
        QVERIFY(status.value(QStringLiteral("server")).toString().startsWith(QLatin1String("https://")));
    }
};

QTEST_GUILESS_MAIN(TstSyncTls)
#include "tst_sync_tls.moc"
