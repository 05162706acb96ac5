"""Store ↔ HQ sync: request signing, the outbox pusher and the master-data feed puller."""
