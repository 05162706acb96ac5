"""Label printer driver: TSPL or ZPL jobs through the same persisted queue as receipts."""

from __future__ import annotations

from hardware.escpos.status import PrinterState
from hardware.labels import tspl, zpl
from hardware.labels.document import LabelDocument
from hardware.links import Link
from hardware.printer import PrinterWorker


class TsplStatus:
    """ESC !? → one byte."""

    def query(self, link: Link, timeout: float) -> PrinterState | None:
        if not link.can_read:
            return None
        link.discard_input()
        link.write(tspl.STATUS_REQUEST)
        reply = link.read(1, timeout)
        if not reply:
            return None
        bits = tspl.parse_status_byte(reply[0])
        return PrinterState(
            offline=bits["paused"] or bits["ribbon_out"] or bits["paper_jam"],
            cover_open=bits["cover_open"],
            paper_out=bits["paper_out"],
            cutter_error=bits["paper_jam"],
        )


class ZplStatus:
    """~HS → three STX…ETX strings."""

    def query(self, link: Link, timeout: float) -> PrinterState | None:
        if not link.can_read:
            return None
        link.discard_input()
        link.write(zpl.STATUS_REQUEST)
        reply = b""
        for _ in range(3):
            reply += link.read(256, timeout)
            if reply.count(b"\x03") >= 3:
                break
        bits = zpl.parse_host_status(reply)
        if bits is None:
            return None
        return PrinterState(offline=bits["paused"] or bits["ribbon_out"], cover_open=bits["cover_open"],
                            paper_out=bits["paper_out"])


class LabelPrinter(PrinterWorker):
    """A TSPL or ZPL label printer (标签打印机).

    >>> labels = LabelPrinter("tcp://192.168.1.60:9100", language="tspl", printer_id="label", home=till_home)
    >>> labels.print_label(shelf_label(ShelfLabel("农夫山泉 550ml", 200, "6921168509256")))
    """

    queue_kind = "label"

    def __init__(self, uri: str, *, language: str = "tspl", font: str = zpl.CJK_FONT, **kwargs: object) -> None:
        if language not in ("tspl", "zpl"):
            raise ValueError("label language is tspl or zpl")
        self.language = language
        self.font = font
        self.status_protocol = TsplStatus() if language == "tspl" else ZplStatus()
        kwargs.setdefault("printer_id", "label")
        super().__init__(uri, **kwargs)  # type: ignore[arg-type]

    def encode(self, doc: LabelDocument) -> bytes:
        return tspl.build_tspl(doc) if self.language == "tspl" else zpl.build_zpl(doc, font=self.font)

    def print_label(self, doc: LabelDocument, *, job_id: str | None = None, label: str = "") -> str:
        return self.submit(self.encode(doc), kind="label", label=label, job_id=job_id)
