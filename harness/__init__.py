"""The real-process harness that ``tests/`` and ``bench/`` share (never installed, never imported
by the product): store and HQ servers started as ``python -m omnistore`` children on loopback
ports, a till's and an admin's HTTP conversations, a store's signed one, stores enrolled with HQ
through a chaos proxy, the till client as a child process, and a sample receipt."""
