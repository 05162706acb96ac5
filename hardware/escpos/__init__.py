"""ESC/POS receipt printers: profiles, our own CJK-correct encoder, a decoder, raster rendering."""

from hardware.escpos.profiles import PROFILES, PrinterProfile, get_profile

__all__ = ["PROFILES", "PrinterProfile", "get_profile"]
