"""``omnistore hq-server`` and ``omnistore hq ...``: registered into the main CLI."""

from __future__ import annotations

import argparse


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the HQ commands to the ``omnistore`` parser."""
