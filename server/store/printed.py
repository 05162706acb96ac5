"""A receipt or a return slip as the till asks for it: text, ESC/POS bytes or a PNG."""

from __future__ import annotations

from typing import Any

from fastapi import Response

from app.domain.errors import DomainError


def printed(document: Any, format: str, profile: str, kick: bool, raster: bool) -> Response:
    """``document`` in ``format`` for the printer ``profile``; ``kick`` adds the drawer pulse, ``raster``
    sends the receipt as a picture to a printer without a Chinese font (GS v 0)."""
    from hardware.escpos.profiles import get_profile

    try:
        printer = get_profile(profile)
    except KeyError:
        raise DomainError("unknown_profile", profile=profile) from None
    if format == "text":
        from app.domain.receipt import plain_text

        return Response(plain_text(document, printer.columns), media_type="text/plain; charset=utf-8")
    if format == "escpos" and raster:
        from hardware.escpos.raster import encode_receipt_raster

        return Response(encode_receipt_raster(document, printer, kick_drawer=kick),
                        media_type="application/octet-stream")
    if format == "escpos":
        from hardware.escpos.encoder import encode_receipt

        return Response(encode_receipt(document, printer, kick_drawer=kick), media_type="application/octet-stream")
    if format == "png":
        from hardware.escpos.raster import render_receipt_png

        return Response(render_receipt_png(document, printer), media_type="image/png")
    raise DomainError("unknown_format", format=format)
