#include "shelves.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace cz {

namespace {
struct ShelfText {
    Q_DECLARE_TR_FUNCTIONS(Shelves)
};

Error badSpec(const QString& part) {
    return {
        ErrorKind::BadInput, QStringLiteral("shelves.spec"),
        ShelfText::tr("Cannot read the shelf layout \"%1\". Write it as SHELVES:LAYERSxCAPACITY, for example "
                      "1-4:3x30 or A-B:2x20, several separated by commas.")
            .arg(part)};
}

// Expands "1-4" to 1,2,3,4 and "A-C" to A,B,C; a single name stands for itself.
Result<QStringList> expandNames(const QString& names) {
    static const QRegularExpression range(QStringLiteral("^([0-9]{1,3})-([0-9]{1,3})$|^([A-Z])-([A-Z])$"));
    static const QRegularExpression single(QStringLiteral("^[A-Z0-9]{1,3}$"));
    QStringList out;
    if (auto m = range.match(names); m.hasMatch()) {
        if (!m.captured(1).isEmpty()) {
            const int from = m.captured(1).toInt(), to = m.captured(2).toInt();
            if (from < 1 || to < from || to - from > 99)
                return fail(badSpec(names));
            for (int i = from; i <= to; ++i)
                out << QString::number(i);
        } else {
            const char16_t from = m.captured(3).at(0).unicode(), to = m.captured(4).at(0).unicode();
            if (to < from)
                return fail(badSpec(names));
            for (char16_t c = from; c <= to; ++c)
                out << QString(QChar(c));
        }
        return out;
    }
    if (single.match(names).hasMatch())
        return QStringList{names};
    return fail(badSpec(names));
}
} // namespace

QString normaliseShelfSpec(const QString& spec) {
    QString out = spec.toUpper();
    out.remove(QLatin1Char(' '));
    return out;
}

Result<QList<SlotDef>> parseShelfSpec(const QString& spec) {
    static const QRegularExpression group(QStringLiteral("^([A-Z0-9-]+):([0-9]{1,2})[X*]([0-9]{1,4})$"));
    QList<SlotDef> slots;
    QSet<QString> shelves;
    int sort = 0;
    const QStringList parts = normaliseShelfSpec(spec).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return fail(badSpec(spec));
    for (const QString& part : parts) {
        const auto m = group.match(part);
        if (!m.hasMatch())
            return fail(badSpec(part));
        auto names = expandNames(m.captured(1));
        if (!names)
            return fail(names.error());
        const int layers = m.captured(2).toInt(), capacity = m.captured(3).toInt();
        if (layers < 1 || layers > 20 || capacity < 1 || capacity > 999)
            return fail(
                ErrorKind::BadInput, QStringLiteral("shelves.range"),
                ShelfText::tr("A shelf has 1 to 20 layers and each layer holds 1 to 999 parcels (\"%1\").")
                    .arg(part));
        for (const QString& name : *names) {
            if (shelves.contains(name))
                return fail(ErrorKind::BadInput, QStringLiteral("shelves.duplicate"),
                            ShelfText::tr("Shelf %1 appears twice in the layout.").arg(name));
            shelves.insert(name);
            ++sort;
            for (int layer = 1; layer <= layers; ++layer)
                slots.append({name, layer, capacity, sort});
        }
    }
    if (slots.size() > 2000)
        return fail(ErrorKind::BadInput, QStringLiteral("shelves.too_many"),
                    ShelfText::tr("The layout has %1 places; at most 2000 are supported.").arg(slots.size()));
    return slots;
}

Result<std::pair<QString, int>> parseSlotName(const QString& text) {
    static const QRegularExpression re(QStringLiteral("^([A-Z0-9]{1,3})-([0-9]{1,2})$"));
    const auto m = re.match(text.trimmed().toUpper());
    if (!m.hasMatch())
        return fail(
            ErrorKind::BadInput, QStringLiteral("slot.invalid"),
            ShelfText::tr("\"%1\" is not a shelf place; write SHELF-LAYER, for example 3-2.").arg(text));
    return std::pair{m.captured(1), m.captured(2).toInt()};
}

QStringList shelvesFillOrderStep() {
    return {QStringLiteral("CREATE INDEX slot_fill_order ON slot(%1)").arg(QLatin1String(kFillOrder)),
            // Its statistics: with those ANALYZE took of the key index before (the benchmark's
            // database), the planner preferred sorting every place to reading this index.
            QStringLiteral("ANALYZE slot_fill_order")};
}

} // namespace cz
