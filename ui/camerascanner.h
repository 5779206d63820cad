// "Scan with camera": a small non-modal window showing the camera's picture. Frames go through a
// FrameDecoder (at most 5 a second); the first code found is emitted as scanned() and the window
// closes, so each use of the action is one scan, exactly like one pull of a wedge scanner's trigger.
// Constructed only when a camera exists (MainWindow hides the action otherwise).
#pragma once

#include "framedecoder.h"

#include <QDialog>

class QCamera;
class QCameraDevice;
class QLabel;
class QMediaCaptureSession;
class QVideoFrame;
class QVideoWidget;

namespace cz::ui {

class CameraScanner : public QDialog {
    Q_OBJECT
public:
    // Starts the camera at once; a null device means QMediaDevices::defaultVideoInput().
    explicit CameraScanner(const QCameraDevice& device, QWidget* parent = nullptr);
    ~CameraScanner() override;

Q_SIGNALS:
    // A code, normalised as the keyboard-wedge scanner normalises it.
    void scanned(const QString& code);

private:
    void onFrame(const QVideoFrame& frame);

    FrameDecoder m_decoder;
    QCamera* m_camera;
    QMediaCaptureSession* m_session;
    QVideoWidget* m_video;
    QLabel* m_status;
    bool m_done = false;
};

} // namespace cz::ui
