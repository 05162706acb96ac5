"""Device drivers, status and simulators for the till's hardware.

Imports only the standard library, ``app.domain``, Pillow, python-escpos, pyusb and Qt
core: nothing here may import QtWidgets or ``ui``.
"""
