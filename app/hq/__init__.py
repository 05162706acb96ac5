"""Headquarters: master data, every store's events, channel API keys (PostgreSQL)."""
