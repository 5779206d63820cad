// Hash chains over the station's history: the audit log, the parcel events, the account ledger and
// the cash book. Each row carries chain_seq (1, 2, 3, ... per chain) and hash = SHA-256 over the
// previous row's hash and the row's canonical content (chainHash); chain_head keeps each chain's last
// seq and hash, and how many rows were there before chaining began (legacy rows, not chained).
// WriteTx computes the links in the transaction that writes the rows (one read of the head per chain
// and transaction, one SHA-256 per row); verifyChains() walks every chain and names the first row
// whose link does not hold, so an edit, insert or delete made behind the program's back shows.
#pragma once

#include "database.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QVariantList>

namespace cz {

enum class Chain : quint8 { Audit, ParcelEvents, Ledger, CashBook };
constexpr int kChainCount = 4;

struct ChainDef {
    Chain chain;
    const char* name;    // chain_head.chain
    const char* table;   // the chained table
    const char* key;     // the column that names a row in reports
    const char* columns; // the canonical content, in order (comma separated)
};

[[nodiscard]] const ChainDef& chainDef(Chain chain);

// SHA-256 over prev, the chain's name, seq and each value (length-prefixed; NULL distinct from "").
[[nodiscard]] QByteArray chainHash(const QByteArray& prev, Chain chain, qint64 seq,
                                   const QVariantList& values);

// True when the database has the chains (the staff step has run).
[[nodiscard]] bool hasChains(const Database& db);

struct ChainStatus {
    QString table;
    qint64 rows = 0;   // chained rows
    qint64 legacy = 0; // rows from before chaining
    QByteArray head;   // the last hash (empty when no row)
};

struct ChainBreak {
    QString table;
    QString row;     // the key of the row where the chain breaks (empty when the end is missing)
    qint64 seq = 0;  // its place in the chain (expected)
    QString problem; // "altered", "missing_before", "not_chained", "missing_at_end", "head_altered"
};

struct ChainReport {
    QList<ChainStatus> chains;
    std::optional<ChainBreak> firstBreak;
};

// Reads every chained row in order; stops each chain at its first break.
[[nodiscard]] Result<ChainReport> verifyChains(Database& db);

// The heads, for the county ("table:seq:hex" per chain).
[[nodiscard]] Result<QList<ChainStatus>> chainHeads(Database& db);

} // namespace cz
