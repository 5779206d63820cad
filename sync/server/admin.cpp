#include "admin.h"

#include "feed.h"
#include "ops.h"
#include "protocol.h"
#include "securitylog.h"
#include "settingdefs.h"
#include "signing.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace cz::county {

namespace {

Error badInput(const QString& code, const QString& message, QStringList details = {}) {
    return {ErrorKind::BadInput, code, message, std::move(details)};
}

// Runs body in one write transaction; commits when it succeeds.
template<class F> Status inWriteTx(CountyStore& store, F body) {
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    if (auto st = body(*tx); !st)
        return fail(st.error());
    return tx->commit();
}

QStringList checkCarriers(const QJsonArray& carriers, QSet<QString>* codes) {
    QStringList errors;
    for (qsizetype i = 0; i < carriers.size(); ++i) {
        const QJsonObject c = carriers.at(i).toObject();
        const QString code = c.value(QStringLiteral("code")).toString();
        if (code.isEmpty() || c.value(QStringLiteral("name_zh")).toString().isEmpty() ||
            c.value(QStringLiteral("name_en")).toString().isEmpty() ||
            !c.value(QStringLiteral("sort")).isDouble())
            errors.append(
                QStringLiteral("carriers[%1]: needs code, name_zh, name_en and a numeric sort").arg(i));
        else if (codes->contains(code))
            errors.append(QStringLiteral("carriers[%1]: the code %2 is listed twice").arg(i).arg(code));
        codes->insert(code);
    }
    return errors;
}

QStringList checkRules(const QJsonArray& rules, const QSet<QString>& codes) {
    QStringList errors;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QJsonObject r = rules.at(i).toObject();
        const QString carrier = r.value(QStringLiteral("carrier")).toString();
        const QRegularExpression pattern(r.value(QStringLiteral("pattern")).toString());
        if (!codes.contains(carrier))
            errors.append(QStringLiteral("rules[%1]: unknown carrier \"%2\"").arg(i).arg(carrier));
        if (r.value(QStringLiteral("pattern")).toString().isEmpty() || !pattern.isValid())
            errors.append(QStringLiteral("rules[%1]: the pattern is not a valid regular expression (%2)")
                              .arg(i)
                              .arg(pattern.errorString()));
        if (!r.value(QStringLiteral("priority")).isDouble())
            errors.append(QStringLiteral("rules[%1]: needs a numeric priority").arg(i));
    }
    return errors;
}

} // namespace

Status importRules(CountyStore& store, const QByteArray& json) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject root = doc.object();
    if (parseError.error != QJsonParseError::NoError || !root.value(QStringLiteral("carriers")).isArray() ||
        !root.value(QStringLiteral("rules")).isArray())
        return fail(badInput(
            QStringLiteral("rules.bad_file"),
            QStringLiteral("The rules file must be JSON with the arrays \"carriers\" and \"rules\".")));
    QSet<QString> codes;
    QStringList errors = checkCarriers(root.value(QStringLiteral("carriers")).toArray(), &codes);
    errors += checkRules(root.value(QStringLiteral("rules")).toArray(), codes);
    if (!errors.isEmpty())
        return fail(badInput(
            QStringLiteral("rules.invalid"),
            QStringLiteral("The rules file has %1 error(s); nothing was imported.").arg(errors.size()),
            errors));
    const QJsonObject data{{QStringLiteral("carriers"), root.value(QStringLiteral("carriers"))},
                           {QStringLiteral("rules"), root.value(QStringLiteral("rules"))}};
    return inWriteTx(store, [&](Tx& tx) {
        return appendChange(tx, {}, QStringLiteral("carrier_rules"), QStringLiteral("all"), data);
    });
}

Status setSetting(CountyStore& store, const QString& key, const QString& value, const QString& stationId) {
    // The station's own definitions (common/settingdefs.h): what a station would refuse is refused here.
    const settings::IntSetting* def = settings::findInt(key);
    if (!def || !def->countyPublishes) {
        QStringList keys;
        for (const settings::IntSetting* s : settings::kIntSettings)
            if (s->countyPublishes)
                keys << s->name();
        return fail(badInput(
            QStringLiteral("setting.unknown"),
            QStringLiteral("Unknown setting %1; known: %2.").arg(key, keys.join(QStringLiteral(", ")))));
    }
    const auto parsed = def->parse(value);
    if (!parsed)
        return fail(badInput(QStringLiteral("setting.bad_value"),
                             QStringLiteral("The value of %1 must be a whole number from %2 to %3.")
                                 .arg(key)
                                 .arg(def->min)
                                 .arg(def->max)));
    const qint64 number = *parsed;
    return inWriteTx(store, [&](Tx& tx) -> Status {
        if (!stationId.isEmpty()) {
            auto row = tx.selectOne(QStringLiteral("SELECT id FROM stations WHERE id = ?"), {stationId});
            if (!row)
                return fail(row.error());
            if (!*row)
                return fail(ErrorKind::NotFound, QStringLiteral("station.not_found"),
                            QStringLiteral("No station with the id %1.").arg(stationId));
        }
        return appendChange(tx, stationId, QStringLiteral("setting"), key,
                            QJsonObject{{QStringLiteral("value"), number}});
    });
}

Result<BatchCounts> importBatch(CountyStore& store, const QByteArray& file, bool acceptUnsigned) {
    const sync::BatchFile parts = sync::splitBatchFile(file);
    const auto batch = sync::decodeBatch(parts.body);
    if (!batch) {
        security::event(QStringLiteral("batch.malformed"), {{QStringLiteral("error"), batch.error}});
        return fail(badInput(QStringLiteral("batch.malformed"),
                             QStringLiteral("The file is not a Cunzhan batch: %1").arg(batch.error)));
    }
    BatchCounts counts{batch->stationId, batch->part, batch->parts, !parts.signature.isEmpty()};
    const auto refuse = [&](const QString& code, const QString& message) {
        security::event(code, {{QStringLiteral("station"), batch->stationId},
                               {QStringLiteral("part"), batch->part},
                               {QStringLiteral("ops"), batch->ops.size()}});
        return fail(badInput(code, message));
    };
    const Status st = inWriteTx(store, [&](Tx& tx) -> Status {
        auto row = tx.selectOne(QStringLiteral("SELECT id, batch_key, revoked_at FROM stations WHERE id = ?"),
                                {batch->stationId});
        if (!row)
            return fail(row.error());
        if (!*row) {
            security::event(QStringLiteral("batch.unknown_station"),
                            {{QStringLiteral("station"), batch->stationId}});
            return fail(ErrorKind::NotFound, QStringLiteral("station.not_found"),
                        QStringLiteral("The batch is from the station %1, which this county does not know.")
                            .arg(batch->stationId));
        }
        if (!(**row).at(2).isNull())
            return refuse(
                QStringLiteral("batch.station_revoked"),
                QStringLiteral("The batch names the station %1, which has been revoked; nothing was "
                               "imported.")
                    .arg(batch->stationId));
        const QByteArray key = QByteArray::fromHex((**row).at(1).toString().toLatin1());
        if (key.isEmpty()) {
            // Enrolled before signed batches: nothing to check a signature against.
            if (!acceptUnsigned)
                return refuse(
                    QStringLiteral("batch.no_station_key"),
                    QStringLiteral("The station %1 was enrolled before batches were signed, so this "
                                   "batch cannot be checked; nothing was imported. Enrol the station "
                                   "again to give it a key, or import with --accept-unsigned if you "
                                   "know where the file comes from.")
                        .arg(batch->stationId));
            counts.signedByStation = false;
            security::event(QStringLiteral("batch.accepted_unsigned"),
                            {{QStringLiteral("station"), batch->stationId},
                             {QStringLiteral("part"), batch->part},
                             {QStringLiteral("ops"), batch->ops.size()}});
        } else if (parts.signature.isEmpty()) {
            return refuse(QStringLiteral("batch.unsigned"),
                          QStringLiteral("The batch claims to come from the station %1 but is not signed; "
                                         "nothing was imported.")
                              .arg(batch->stationId));
        } else if (!sync::verifyBytes(key, parts.body, parts.signature)) {
            return refuse(
                QStringLiteral("batch.bad_signature"),
                QStringLiteral("The batch's signature is not the station %1's: the file was altered "
                               "or written by another station; nothing was imported.")
                    .arg(batch->stationId));
        }
        auto results = applyOps(tx, batch->stationId, prepareOps(batch->ops));
        if (!results)
            return fail(results.error());
        for (const sync::OpResult& r : *results) {
            switch (r.outcome) {
            case sync::Outcome::Applied:
                ++counts.applied;
                break;
            case sync::Outcome::AlreadyApplied:
                ++counts.alreadyApplied;
                break;
            case sync::Outcome::Rejected:
                ++counts.rejected;
                break;
            case sync::Outcome::Conflict:
                ++counts.conflicts;
                break;
            case sync::Outcome::Held:
                ++counts.held;
                break;
            }
        }
        return {};
    });
    if (!st)
        return fail(st.error());
    if (counts.rejected + counts.conflicts > 0)
        security::event(QStringLiteral("batch.ops_rejected"),
                        {{QStringLiteral("station"), counts.stationId},
                         {QStringLiteral("rejected"), counts.rejected},
                         {QStringLiteral("conflicts"), counts.conflicts}});
    return counts;
}

} // namespace cz::county
