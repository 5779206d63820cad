// Offline carrier detection from the rule table held as data in the database (seeded from
// shared/REFERENCE.md; the county centre will replace it through sync). All-digit numbers fit
// several carriers, so detection returns ranked candidates and the clerk confirms one.
#pragma once

#include "database.h"

#include <QList>
#include <QRegularExpression>
#include <optional>

namespace cz {

struct CarrierInfo {
    QString code;
    QString nameZh;
    QString nameEn;
    // The name in the language the program runs in.
    [[nodiscard]] QString displayName() const;
};

struct CarrierCandidate {
    QString code;
    int priority = 0; // higher = more specific rule
};

class CarrierRegistry {
public:
    [[nodiscard]] Status load(Database& db);
    // Candidates for a normalised waybill, best first, one per carrier.
    [[nodiscard]] QList<CarrierCandidate> detect(const QString& waybill) const;
    [[nodiscard]] const QList<CarrierInfo>& carriers() const { return m_carriers; }
    [[nodiscard]] std::optional<CarrierInfo> find(const QString& code) const;
    // What a person reads for a carrier code (顺丰, not SF) in the language the program runs in; the
    // code itself when the station does not know it. Every slip, list, table and message shows this;
    // codes stay where machines read them (JSON, CSV, the sync protocol).
    [[nodiscard]] QString displayName(const QString& code) const;

private:
    struct Rule {
        QString carrier;
        QRegularExpression re;
        int priority;
    };
    QList<CarrierInfo> m_carriers;
    QList<Rule> m_rules;
};

} // namespace cz
