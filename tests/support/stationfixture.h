// A station as the tests drive it: the StationContext and every domain service built on it, opened
// like a front end opens its database, so a test reads `station->inbound.receive(r)` or
// `station->ctx->database()`. Services are cheap: a test that needs only one may build it on
// *station->ctx instead.
#pragma once

#include "context.h"
#include "dispatch.h"
#include "inbound.h"
#include "manifest.h"
#include "overdue.h"
#include "pickup.h"
#include "query.h"
#include "setup.h"
#include "shelfaudit.h"

#include <memory>

namespace cz::test {

struct StationServices {
    std::unique_ptr<StationContext> ctx;
    StationSetup setup;
    Inbound inbound;
    Pickup pickup;
    Overdue overdue;
    ShelfAudit shelves;
    ParcelQueries queries;
    DispatchDesk desk;
    Manifests manifests;

    explicit StationServices(std::unique_ptr<StationContext> context)
        : ctx(std::move(context))
        , setup(*ctx)
        , inbound(*ctx)
        , pickup(*ctx)
        , overdue(*ctx)
        , shelves(*ctx)
        , queries(*ctx)
        , desk(*ctx)
        , manifests(*ctx) {}
    StationServices(const StationServices&) = delete;
    StationServices& operator=(const StationServices&) = delete;

    // As StationContext::open; the services over it.
    [[nodiscard]] static Result<std::unique_ptr<StationServices>> open(const QString& path,
                                                                       const OpenOptions& options = {},
                                                                       std::shared_ptr<Clock> clock = {},
                                                                       std::shared_ptr<IdSource> ids = {}) {
        auto context = StationContext::open(path, options, std::move(clock), std::move(ids));
        if (!context)
            return fail(context.error());
        return std::make_unique<StationServices>(std::move(*context));
    }
};

} // namespace cz::test
