#include "syncengine.h"

#include "orders.h"
#include "signing.h"

#include <QCoreApplication>
#include <QUrl>

namespace cz::sync {

namespace {
struct EngineText {
    Q_DECLARE_TR_FUNCTIONS(Sync)
};

// An answer that cannot be decoded was most likely damaged on the way (a proxy, a cut link): nothing
// was recorded from it, so it is retried like a lost answer.
std::unexpected<Error> badResponse(const QString& what) {
    return fail(ErrorKind::Unavailable, kErrBadResponse,
                EngineText::tr("The county server sent an answer this station cannot read (%1).").arg(what));
}

// Tells a failed HTTP exchange apart: retry later, enrol again, or a refusal to show.
Error httpError(const HttpResponse& response, bool enrolling) {
    const auto body = decodeErrorBody(response.body);
    const QString said =
        body && !body->message.isEmpty() ? body->message : QStringLiteral("HTTP %1").arg(response.status);
    const int status = response.status;
    if (status >= 500 || status == 429 || status == 408)
        return {ErrorKind::Unavailable,
                kErrServerUnavailable,
                EngineText::tr("The county server is not available right now (%1); sync will try again.")
                    .arg(said),
                {}};
    if (enrolling)
        return {ErrorKind::BadInput,
                kErrRefused,
                EngineText::tr("The county server did not accept the enrolment: %1").arg(said),
                {}};
    if (status == 401 || status == 403)
        return {ErrorKind::Conflict,
                kErrUnauthorized,
                EngineText::tr(
                    "The county server no longer accepts this station (%1). Enrol again with a new code "
                    "from the county centre.")
                    .arg(said),
                {}};
    return {ErrorKind::Internal,
            kErrRefused,
            EngineText::tr("The county server refused the request: %1").arg(said),
            {}};
}

// Text from the server as shown to the clerk: control characters (escape sequences) as '?'.
QString printable(QString text) {
    for (QChar& c : text)
        if (!c.isPrint())
            c = QLatin1Char('?');
    return text;
}

Result<QString> normaliseServerUrl(const QString& text) {
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const bool ok = url.isValid() &&
                    (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")) &&
                    !url.host().isEmpty() && (url.path().isEmpty() || url.path() == QLatin1String("/")) &&
                    !url.hasQuery() && !url.hasFragment();
    if (!ok)
        return fail(
            ErrorKind::BadInput, QStringLiteral("sync.bad_url"),
            EngineText::tr("\"%1\" is not a county server address; give it as https://host:port.").arg(text));
    return url.toString(QUrl::StripTrailingSlash);
}
} // namespace

SyncEngine::SyncEngine(Database& db, Transport& transport, const Clock& clock)
    : m_store(db, clock)
    , m_transport(transport)
    , m_db(db)
    , m_clock(clock) {}

Result<QByteArray> SyncEngine::post(const QString& path, const QByteArray& body, const Enrolment& e,
                                    bool enrolling) {
    HttpRequest request{
        "POST",
        path,
        {{"content-type", kContentType}, {kHeaderProtocol, QByteArray::number(kProtocolVersion)}},
        body};
    if (!enrolling) {
        request.headers.append({kHeaderStation, e.stationId.toUtf8()});
        request.headers.append({"authorization", "Bearer " + e.token.toUtf8()});
    }
    auto response = m_transport.send(request);
    if (!response)
        return fail(response.error());
    if (response->status != 200)
        return fail(httpError(*response, enrolling));
    return response->body;
}

Result<EnrollResponse> SyncEngine::enroll(const QString& serverUrl, const QString& code,
                                          const QByteArray& caCertPem, bool replaceOther) {
    auto url = normaliseServerUrl(serverUrl);
    if (!url)
        return fail(url.error());
    auto old = m_store.enrolment();
    if (!old)
        return fail(old.error());
    const auto withoutSlash = [](const QString& u) {
        return u.endsWith(QLatin1Char('/')) ? u.chopped(1) : u;
    };
    if (!replaceOther && !old->serverUrl.isEmpty() && withoutSlash(old->serverUrl) != withoutSlash(*url))
        return fail(
            ErrorKind::Conflict, kErrOtherCounty,
            EngineText::tr("This station is enrolled with the county server %1, not %2. Enrolling with "
                           "another server sends it the station's waiting changes and history; confirm "
                           "(cunzhanctl enroll --force) only if the county centre told you to.")
                .arg(old->serverUrl, *url));
    if (code.trimmed().isEmpty())
        return fail(ErrorKind::BadInput, QStringLiteral("sync.no_code"),
                    EngineText::tr("Give the enrolment code from the county centre."));
    if (auto st = m_transport.setServer(*url, caCertPem); !st)
        return fail(st.error());
    // A new batch-signing key for every enrolment: the county keeps the public half with the
    // station's token and checks USB batches against it (exportbatch.h).
    const auto key = newSigningKey();
    if (!key)
        return fail(ErrorKind::Internal, QStringLiteral("sync.no_key"),
                    EngineText::tr("Could not make the station's signing key."));
    auto body = post(enrollPath(), encode(EnrollRequest{code.trimmed(), key->publicKey}), {}, true);
    if (!body)
        return fail(body.error());
    auto response = decodeEnrollResponse(*body);
    if (!response)
        return badResponse(response.error);
    if (response->stationId.isEmpty() || response->token.isEmpty())
        return badResponse(QStringLiteral("no station id or token"));
    if (!replaceOther && !old->stationId.isEmpty() && old->stationId != response->stationId)
        return fail(
            ErrorKind::Conflict, kErrOtherStation,
            EngineText::tr("The county gave this code for the station %1, but this station is %2; nothing "
                           "was changed. Ask the county centre for a code for %2, or enrol with --force "
                           "and a new code to become %1.")
                .arg(printable(response->stationId.left(64)), old->stationId));
    if (auto st = m_store.saveEnrolment(*url, caCertPem, *response, key->privateKey); !st)
        return fail(st.error());
    return *response;
}

Result<SyncReport> SyncEngine::runOnce(const Progress& progress) {
    auto enrolment = m_store.enrolment();
    if (!enrolment)
        return fail(enrolment.error());
    if (!enrolment->enrolled())
        return fail(
            ErrorKind::Conflict, kErrNotEnrolled,
            EngineText::tr("This station is not enrolled with a county server yet: enrol it with the code "
                           "from the county centre first."));
    if (auto st = m_transport.setServer(enrolment->serverUrl, enrolment->caCertPem); !st)
        return fail(st.error());
    if (auto st = m_store.recordAttempt(); !st)
        return fail(st.error());

    SyncReport report;
    Enrolment e = *enrolment;
    m_resends = 0;
    Status outcome = [&]() -> Status {
        // A restored county (new epoch, or a high-water mark below what it acknowledged) makes ops
        // pending again once; twice in one run is left for the next run.
        for (int round = 0; round < 3; ++round) {
            auto p = pass(e, report, progress);
            if (!p)
                return fail(p.error());
            if (*p == Pass::Done)
                return {};
            if (*p == Pass::EpochChanged)
                report.epochChanged = true;
            auto again = m_store.enrolment();
            if (!again)
                return fail(again.error());
            e = *again;
        }
        return fail(
            ErrorKind::Unavailable, QStringLiteral("sync.epoch_unstable"),
            EngineText::tr("The county server's data changed twice during one sync; sync will try again."));
    }();
    if (!outcome) {
        // Best effort: the run already failed; its own error is the one to report.
        (void)m_store.recordOutcome(outcome.error().message);
        return fail(outcome.error());
    }
    // Proxy orders (issue 10): the refusals the county sent are refunded now, each in a normal
    // transaction with its ops (the pull's downstream transaction may not append them; orders.h).
    UuidV7Source ids(m_clock);
    if (auto settled = settleOrderRefunds(m_db, m_clock, ids); !settled)
        return fail(settled.error());
    if (auto st = m_store.recordOutcome({}); !st)
        return fail(st.error());
    return report;
}

Result<SyncEngine::Pass> SyncEngine::pass(const Enrolment& e, SyncReport& report, const Progress& progress) {
    auto pushed = push(e, report, progress);
    if (!pushed || *pushed == Pass::EpochChanged)
        return pushed;
    return pull(e, report);
}

Result<SyncEngine::Pass> SyncEngine::push(const Enrolment& e, SyncReport& report, const Progress& progress) {
    auto total = m_store.pendingCount();
    if (!total)
        return fail(total.error());
    int done = 0;
    if (progress)
        progress(done, *total);
    for (;;) {
        auto ops = m_store.pending(m_batch);
        if (!ops)
            return fail(ops.error());
        if (ops->isEmpty())
            return Pass::Done;
        auto body = post(pushPath(e.stationId), encode(PushRequest{e.epoch, *ops, true}), e);
        if (!body)
            return fail(body.error());
        auto response = decodePushResponse(*body);
        if (!response)
            return badResponse(response.error);
        auto restored = m_store.adoptEpoch(response->epoch);
        if (!restored)
            return fail(restored.error());
        if (*restored)
            return Pass::EpochChanged;
        if (auto st = m_store.recordPush(*ops, *response); !st)
            return fail(st.error());
        auto lost = resendLost(response->highWater);
        if (!lost)
            return fail(lost.error());
        for (const OpResult& r : response->results)
            report.rejected += r.outcome == Outcome::Rejected || r.outcome == Outcome::Conflict ? 1 : 0;
        done += static_cast<int>(ops->size());
        report.pushed += static_cast<int>(ops->size());
        if (progress)
            progress(done, std::max(done, *total));
    }
}

Result<bool> SyncEngine::resendLost(qint64 highWater) {
    auto lost = m_store.reconcileHighWater(highWater);
    if (!lost)
        return fail(lost.error());
    if (*lost == 0)
        return false;
    if (++m_resends > kMaxResends)
        return fail(
            ErrorKind::Unavailable, QStringLiteral("sync.county_lost_ops"),
            EngineText::tr("The county server keeps losing changes this station sent; sync will try again."));
    return true;
}

Result<SyncEngine::Pass> SyncEngine::pull(const Enrolment& e, SyncReport& report) {
    qint64 after = e.cursor;
    for (int pages = 0;; ++pages) {
        if (pages == kMaxPullPages)
            return Pass::Done; // the rest on the next run, from the stored cursor
        auto body = post(pullPath(e.stationId), encode(PullRequest{after, kMaxChangesPerPull}), e);
        if (!body)
            return fail(body.error());
        auto page = decodePullResponse(*body);
        if (!page)
            return badResponse(page.error);
        auto restored = m_store.adoptEpoch(page->epoch);
        if (!restored)
            return fail(restored.error());
        if (*restored)
            return Pass::EpochChanged;
        // A page that promises more must bring changes and move the cursor forward, or the loop
        // would never end (kMaxPullPages bounds one that creeps).
        if (page->more && (page->next <= after || page->changes.isEmpty()))
            return badResponse(QStringLiteral("the cursor did not move forward"));
        if (auto st = m_store.applyPull(*page); !st)
            return fail(st.error());
        report.pulled += static_cast<int>(page->changes.size());
        after = page->next;
        auto lost = resendLost(page->highWater);
        if (!lost)
            return fail(lost.error());
        if (*lost)
            return Pass::Resend;
        if (!page->more)
            return Pass::Done;
    }
}

} // namespace cz::sync
