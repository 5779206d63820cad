// The schema's steps, in one registry. Each step has an id that never changes ("owner.what", the
// owner being the domain whose tables it creates or changes) and runs in one transaction together
// with the new PRAGMA user_version (the number of steps applied) and, from step 8 on, a row of
// schema_step naming it. A database whose recorded steps differ from this build's (two branches that
// both added a step "8") is refused rather than left without one. Never edit a released step: add one.
#pragma once

#include <QStringList>
#include <vector>

namespace cz {

struct SchemaStep {
    const char* id;
    QStringList (*statements)();
};

// Every step in the order it is applied; schema version N = the first N steps.
[[nodiscard]] const std::vector<SchemaStep>& schemaSteps();

// The step from which schema_step records each step by id.
constexpr int kSchemaStepLedgerVersion = 8;

} // namespace cz
