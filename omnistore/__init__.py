"""The composition root: the ``omnistore`` command, the one place that wires app, server, ui and
hardware together and chooses the real adapters (``omnistore.cli``; HQ's commands in
``omnistore.hq``)."""
