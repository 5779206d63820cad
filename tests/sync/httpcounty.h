// The scripted county (fakecounty.h) behind a real HTTP listener on 127.0.0.1 (cpp-httplib on
// its own thread), so cunzhanctl can be tested as a separate process over Qt Network.
#pragma once

#include "fakecounty.h"

#include <httplib.h>
#include <mutex>
#include <thread>

namespace czt {

class HttpCounty {
public:
    HttpCounty() {
        m_server.Post(R"(/v1/.*)", [this](const httplib::Request& req, httplib::Response& res) {
            HttpRequest r{"POST", QString::fromStdString(req.path), {}, QByteArray::fromStdString(req.body)};
            for (const auto& [name, value] : req.headers)
                r.headers.append(
                    {QByteArray::fromStdString(name).toLower(), QByteArray::fromStdString(value)});
            const std::lock_guard lock(mutex);
            const HttpResponse out = county.handle(r);
            res.status = out.status;
            res.set_content(out.body.toStdString(), kContentType);
        });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running())
            std::this_thread::yield();
    }
    ~HttpCounty() { stop(); }
    void stop() {
        m_server.stop();
        if (m_thread.joinable())
            m_thread.join();
    }
    [[nodiscard]] QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

    std::mutex mutex; // hold it to read or change county while the server runs
    FakeCounty county;

private:
    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
};

} // namespace czt
