"""The O2O order center (订单中心): orders from the chain's own shop and the delivery platforms,
routed to a store (订单寻源), handed to it through the order feed, followed through the steps the
store takes, with the platform called back through a persisted queue.

- ``intake``: an order taken in (idempotent by channel + channel order no), or cancelled;
- ``routing``: the candidates read from HQ's stock view, the choice made by ``app.domain.o2o``;
- ``feed``: the per-store feed (versions in commit order) the store long-polls;
- ``steps``: a store's steps (accept … handed over), once per step id;
- ``callbacks``: what HQ owes a platform, sent after the commit, retried with backoff;
- ``platforms``: 美团外卖 and 饿了么 — signatures, their statuses, their pushes;
- ``sla``: acceptance that lapses → re-routed or the channel told.
"""
