// Row counts of a station database read through a separate read-only connection, so CLI tests can
// prove that a refused command wrote nothing without going through the program under test.
#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace czt {

inline int countRows(const QString& dbPath, const QString& table,
                     const QString& where = QStringLiteral("1")) {
    const QString name = QUuid::createUuid().toString();
    int n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(table, where)) && q.next())
                n = q.value(0).toInt();
            else
                qWarning("query failed: %s", qPrintable(q.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

} // namespace czt
