"""HQ's migrations build exactly the schema its models describe, on PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.hq.engine import make_hq_engine
from app.hq.migrate import VERSION_TABLE
from app.hq.models import HQBase
from harness.hq import HQServer


def test_hq_migrations_match_the_models(hq: HQServer) -> None:
    engine = make_hq_engine(hq.database_url)  # migrated by ``omnistore hq db upgrade``
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "version_table": VERSION_TABLE})
        drift = compare_metadata(context, HQBase.metadata)
    engine.dispose()
    assert drift == []
