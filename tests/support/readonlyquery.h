// Read-only queries on a database another process writes (a station's, the county's), on a
// short-lived connection of the test's own: what tests check after the programs have run.
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>
#include <QVariantList>

namespace cz::test {

// Rows of a query on a read-only connection of the test's own, closed before returning.
inline QList<QVariantList> readOnlyQuery(const QString& path, const QString& sql) {
    QList<QVariantList> rows;
    const QString name = QStringLiteral("test-read-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
        QSqlQuery q(db);
        if (!q.exec(sql))
            qFatal("%s failed", qPrintable(sql));
        while (q.next()) {
            QVariantList row;
            for (int i = 0; i < q.record().count(); ++i)
                row << q.value(i);
            rows << row;
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

// Rows of a table matching where; -1 when the query fails. Lets a test prove that a refused
// command wrote nothing without asking the program under test.
inline int countRows(const QString& path, const QString& table, const QString& where = QStringLiteral("1")) {
    const auto rows =
        readOnlyQuery(path, QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(table, where));
    return rows.isEmpty() ? -1 : rows.first().first().toInt();
}

} // namespace cz::test
