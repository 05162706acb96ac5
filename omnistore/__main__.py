"""``python -m omnistore``: the same as the installed ``omnistore`` command."""

from omnistore.cli import main

raise SystemExit(main())
