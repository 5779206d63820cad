#include "camerascanner.h"

#include <QCamera>
#include <QCameraDevice>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVBoxLayout>
#include <QVideoFrame>
#include <QVideoSink>
#include <QVideoWidget>

namespace cz::ui {

CameraScanner::CameraScanner(const QCameraDevice& device, QWidget* parent)
    : QDialog(parent)
    , m_camera(new QCamera(device.isNull() ? QMediaDevices::defaultVideoInput() : device, this))
    , m_session(new QMediaCaptureSession(this))
    , m_video(new QVideoWidget(this))
    , m_status(new QLabel(this)) {
    setWindowTitle(tr("Scan with camera"));
    setModal(false);
    m_video->setMinimumSize(320, 240);
    m_status->setText(tr("Hold the barcode in front of the camera."));
    m_status->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_video, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    // The video widget's own sink both paints the picture and hands us every frame.
    m_session->setCamera(m_camera);
    m_session->setVideoOutput(m_video);
    connect(m_video->videoSink(), &QVideoSink::videoFrameChanged, this, &CameraScanner::onFrame);
    connect(m_camera, &QCamera::errorOccurred, this, [this](QCamera::Error error, const QString& text) {
        if (error != QCamera::NoError)
            m_status->setText(tr("The camera cannot be used: %1").arg(text));
    });
    m_camera->start();
}

CameraScanner::~CameraScanner() {
    m_camera->stop();
}

void CameraScanner::onFrame(const QVideoFrame& frame) {
    // Converting a frame costs as much as a small decode: only convert the ones the decoder will take.
    if (m_done || !frame.isValid() || !m_decoder.due())
        return;
    if (const auto code = m_decoder.offer(frame.toImage())) {
        m_done = true;
        m_camera->stop();
        Q_EMIT scanned(*code);
        accept();
    }
}

} // namespace cz::ui
