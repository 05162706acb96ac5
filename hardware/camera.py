"""Camera scanning (摄像头扫码): frames decoded with zxing-cpp off the GUI thread.

Frames are turned grayscale and cut down to at most 1280 pixels wide, only the formats a
till meets are searched, and a code held in front of the camera is reported once (not
once per frame) until it has been out of view for ``gone_after`` seconds.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import zxingcpp

log = logging.getLogger(__name__)

MAX_WIDTH = 1280
DEFAULT_FORMATS = "QRCode,EAN13,EAN8,UPCA,UPCE,Code128,DataMatrix"


def formats(names: str = DEFAULT_FORMATS) -> Any:
    return zxingcpp.barcode_formats_from_str(names)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    format: str  # 'QRCode', 'EAN13', …
    symbology: str = ""  # the AIM id zxing reports, e.g. ']Q1'


def prepare(image: Any) -> Any:
    """A PIL image or QImage, grayscale and ≤ ``MAX_WIDTH`` wide (same kind back)."""
    if hasattr(image, "convertToFormat"):  # QImage: imported lazily, QtGui is optional here
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QImage

        if image.width() > MAX_WIDTH:
            image = image.scaledToWidth(MAX_WIDTH, Qt.TransformationMode.FastTransformation)
        if image.format() != QImage.Format.Format_Grayscale8:
            image = image.convertToFormat(QImage.Format.Format_Grayscale8)
        return image
    if image.width > MAX_WIDTH:
        image = image.resize((MAX_WIDTH, round(image.height * MAX_WIDTH / image.width)))
    return image if image.mode == "L" else image.convert("L")


class FrameDecoder:
    """Decodes one frame. Not thread-safe per instance; one per worker."""

    def __init__(self, names: str = DEFAULT_FORMATS) -> None:
        self.formats = formats(names)

    def decode(self, image: Any) -> list[Decoded]:
        found = zxingcpp.read_barcodes(prepare(image), formats=self.formats, try_rotate=False, try_invert=False)
        return [Decoded(b.text, b.format.name, b.symbology_identifier) for b in found if b.valid]


class Debouncer:
    """Lets a code through once, then not again until it has been out of view ``gone_after`` s."""

    def __init__(self, gone_after: float = 1.0) -> None:
        self.gone_after = gone_after
        self._last_seen: dict[tuple[str, str], float] = {}

    def accept(self, codes: Iterable[Decoded], now: float | None = None) -> list[Decoded]:
        now = time.monotonic() if now is None else now
        fresh = []
        for code in codes:
            key = (code.format, code.text)
            seen = self._last_seen.get(key)
            if seen is None or now - seen > self.gone_after:
                fresh.append(code)
            self._last_seen[key] = now
        self._last_seen = {k: t for k, t in self._last_seen.items() if now - t <= self.gone_after * 4}
        return fresh


class DecodeWorker:
    """A thread that decodes the latest frame handed to it; frames arriving while busy are dropped.

    ``on_codes`` runs on the worker thread. ``submit`` never waits.
    """

    def __init__(self, on_codes: Callable[[list[Decoded]], None], *, names: str = DEFAULT_FORMATS,
                 gone_after: float = 1.0, convert: Callable[[Any], Any] | None = None) -> None:
        self.decoder = FrameDecoder(names)
        self.debouncer = Debouncer(gone_after)
        self.on_codes = on_codes
        self.convert = convert  # e.g. QVideoFrame.toImage, run here rather than on the GUI thread
        self._frame: Any = None
        self._cond = threading.Condition()
        self._stopping = False
        self.decoded_frames = 0
        self.dropped_frames = 0
        self.last_ms = 0.0
        self._thread = threading.Thread(target=self._run, name="camera-decode", daemon=True)
        self._thread.start()

    def submit(self, frame: Any) -> bool:
        """Hand over a frame; False when one is already waiting (this one replaces it)."""
        with self._cond:
            replaced = self._frame is not None
            if replaced:
                self.dropped_frames += 1
            self._frame = frame
            self._cond.notify()
            return not replaced

    def close(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify()
        self._thread.join(2)

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._stopping or self._frame is not None)
                if self._stopping:
                    return
                frame, self._frame = self._frame, None
            started = time.perf_counter()
            try:
                image = self.convert(frame) if self.convert else frame
                codes = self.decoder.decode(image)
            except Exception:
                log.exception("camera: frame decode failed")
                continue
            self.last_ms = (time.perf_counter() - started) * 1000
            self.decoded_frames += 1
            fresh = self.debouncer.accept(codes)
            if fresh:
                try:
                    self.on_codes(fresh)
                except Exception:
                    log.exception("camera: on_codes failed")


def multimedia_error() -> str:
    """Why Qt Multimedia cannot be used here ('' when it can): e.g. libpulse missing on Linux."""
    try:
        import PySide6.QtMultimedia  # noqa: F401
    except ImportError as exc:
        return str(exc)
    return ""


def _qt_camera_scanner() -> type:
    from PySide6.QtCore import QObject, Signal

    class CameraScanner(QObject):
        """A camera whose frames are decoded in the background. ``decoded(text, format)`` is a Qt signal.

        ``sink`` (after ``start``) also feeds a preview; ``frame`` carries each frame as a QImage
        for a simple preview widget. Without Qt Multimedia (or a camera) ``start`` emits
        ``failed('camera_unavailable')`` and ``feed`` still decodes pictures.
        """

        decoded = Signal(str, str)
        failed = Signal(str)

        def __init__(self, device: Any = None, *, names: str = DEFAULT_FORMATS, gone_after: float = 1.0,
                     parent: QObject | None = None) -> None:
            super().__init__(parent)
            self.device = device
            self.worker = DecodeWorker(self._emit, names=names, gone_after=gone_after, convert=_frame_image)
            self.sink: Any = None
            self.session: Any = None
            self.camera: Any = None
            self.on_preview: Callable[[Any], None] | None = None

        def start(self) -> None:
            try:
                from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoSink
            except ImportError:
                self.failed.emit("camera_unavailable")
                return
            device = self.device or QMediaDevices.defaultVideoInput()
            if device is None or device.isNull():
                self.failed.emit("camera_unavailable")
                return
            self.sink = QVideoSink(self)
            self.sink.videoFrameChanged.connect(self._frame)
            self.session = QMediaCaptureSession(self)
            self.camera = QCamera(device, self)
            self.camera.errorOccurred.connect(lambda *_: self.failed.emit("camera_unavailable"))
            self.session.setCamera(self.camera)
            self.session.setVideoSink(self.sink)
            self.camera.start()

        def stop(self) -> None:
            if self.camera is not None:
                self.camera.stop()

        def close(self) -> None:
            self.stop()
            self.worker.close()

        def feed(self, image: Any) -> None:
            """Decode a frame from elsewhere (a QImage, a PIL image): tests and still pictures."""
            self.worker.submit(image)

        def _frame(self, frame: Any) -> None:
            from PySide6.QtMultimedia import QVideoFrame

            self.worker.submit(QVideoFrame(frame))  # a shared copy; converted on the worker
            if self.on_preview is not None:
                self.on_preview(frame)

        def _emit(self, codes: list[Decoded]) -> None:
            for code in codes:
                self.decoded.emit(code.text, code.format)

    return CameraScanner


def _frame_image(frame: Any) -> Any:
    return frame.toImage() if hasattr(frame, "toImage") else frame


def __getattr__(name: str) -> Any:
    # CameraScanner needs QtMultimedia; build it only when asked for, so decoding works without Qt.
    if name == "CameraScanner":
        cls = _qt_camera_scanner()
        globals()["CameraScanner"] = cls
        return cls
    raise AttributeError(name)
