#include "chain.h"

#include "migrations.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace cz {

namespace {
constexpr ChainDef kChains[] = {
    {Chain::Audit, "audit", "audit_log", "seq", "seq, at, actor, action, subject, detail"},
    {Chain::ParcelEvents, "parcel_event", "parcel_event", "id", "id, parcel_id, at, kind, data, actor"},
    {Chain::Ledger, "account_entry", "account_entry", "id",
     "id, villager_id, at, kind, amount_fen, method, order_id, cash_entry_id, note, actor"},
    {Chain::CashBook, "cash_entry", "cash_entry", "id", "id, at, kind, amount_fen, ref, note, actor, method"},
};

void appendField(QCryptographicHash& h, const QVariant& v) {
    uchar len[4];
    if (v.isNull()) {
        qToBigEndian<quint32>(0xFFFFFFFFu, len);
        h.addData(QByteArrayView(reinterpret_cast<const char*>(len), 4));
        return;
    }
    QByteArray bytes;
    switch (v.typeId()) {
    case QMetaType::QByteArray:
        bytes = v.toByteArray();
        break;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Bool:
        bytes = QByteArray::number(v.toLongLong());
        break;
    default:
        bytes = v.toString().toUtf8();
    }
    qToBigEndian<quint32>(quint32(bytes.size()), len);
    h.addData(QByteArrayView(reinterpret_cast<const char*>(len), 4));
    h.addData(bytes);
}
} // namespace

const ChainDef& chainDef(Chain chain) {
    return kChains[size_t(chain)];
}

QByteArray chainHash(const QByteArray& prev, Chain chain, qint64 seq, const QVariantList& values) {
    QCryptographicHash h(QCryptographicHash::Sha256);
    appendField(h, prev);
    appendField(h, QByteArray(chainDef(chain).name));
    appendField(h, seq);
    for (const QVariant& v : values)
        appendField(h, v);
    return h.result();
}

bool hasChains(const Database& db) {
    static const int version = [] {
        const auto& steps = schemaSteps();
        for (size_t i = 0; i < steps.size(); ++i)
            if (QLatin1String(steps[i].id) == QLatin1String("staff.initial"))
                return static_cast<int>(i) + 1;
        return 1 << 30;
    }();
    return db.schemaVersion() >= version;
}

Result<QList<ChainStatus>> chainHeads(Database& db) {
    QList<ChainStatus> out;
    if (!hasChains(db))
        return out;
    for (const ChainDef& def : kChains) {
        auto q = db.exec(QStringLiteral("SELECT seq, hash, legacy FROM chain_head WHERE chain = ?"),
                         {QString::fromLatin1(def.name)});
        if (!q)
            return fail(q.error());
        ChainStatus s;
        s.table = QString::fromLatin1(def.table);
        if ((*q)->next()) {
            s.rows = (*q)->value(0).toLongLong();
            s.head = (*q)->value(1).toByteArray();
            s.legacy = (*q)->value(2).toLongLong();
        }
        (*q)->finish();
        out.append(s);
    }
    return out;
}

Result<ChainReport> verifyChains(Database& db) {
    ChainReport report;
    auto heads = chainHeads(db);
    if (!heads)
        return fail(heads.error());
    for (int c = 0; c < heads->size(); ++c) {
        const ChainDef& def = kChains[c];
        const ChainStatus head = heads->at(c);
        const QString table = QString::fromLatin1(def.table);
        const int columns = int(QString::fromLatin1(def.columns).count(QLatin1Char(','))) + 1;
        ChainStatus seen{table, 0, 0, {}};
        std::optional<ChainBreak> broken;
        auto breakAt = [&](const QString& row, qint64 seq, const char* problem) {
            if (!broken)
                broken = ChainBreak{table, row, seq, QString::fromLatin1(problem)};
        };
        // Unchained rows first (NULLs sort first), then the chain in order.
        auto q = db.exec(QStringLiteral("SELECT %1, chain_seq, hash, %2 FROM %3 ORDER BY chain_seq, %1")
                             .arg(QString::fromLatin1(def.key), QString::fromLatin1(def.columns), table));
        if (!q)
            return fail(q.error());
        QByteArray prev;
        qint64 expected = 1;
        while (!broken && (*q)->next()) {
            const QString key = (*q)->value(0).toString();
            const QVariant seqValue = (*q)->value(1);
            if (seqValue.isNull()) {
                if (++seen.legacy > head.legacy)
                    breakAt(key, 0, "not_chained");
                continue;
            }
            const qint64 seq = seqValue.toLongLong();
            if (seq != expected) {
                breakAt(key, expected, seq > expected ? "missing_before" : "altered");
                break;
            }
            QVariantList values;
            values.reserve(columns);
            for (int i = 0; i < columns; ++i)
                values.append((*q)->value(3 + i));
            const QByteArray hash = chainHash(prev, def.chain, seq, values);
            if (hash != (*q)->value(2).toByteArray()) {
                breakAt(key, seq, "altered");
                break;
            }
            prev = hash;
            seen.rows = seq;
            ++expected;
        }
        (*q)->finish();
        if (!broken && seen.legacy < head.legacy)
            breakAt(QString(), 0, "not_chained");
        if (!broken && seen.rows != head.rows)
            breakAt(QString(), seen.rows + 1, seen.rows < head.rows ? "missing_at_end" : "head_altered");
        if (!broken && prev != head.head)
            breakAt(QString(), seen.rows, "head_altered");
        seen.head = prev;
        report.chains.append(seen);
        if (broken && !report.firstBreak)
            report.firstBreak = broken;
    }
    return report;
}

} // namespace cz
