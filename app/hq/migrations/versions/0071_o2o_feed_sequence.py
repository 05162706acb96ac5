"""the stores' order feed numbered from a sequence (PostgreSQL): a writer takes the feed lock and
its version in the one statement that writes its feed row

Revision ID: 0071
Revises: 0070
Create Date: 2026-12-03 15:10:00
"""
from alembic import op

revision = '0071'
down_revision = '0050'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return  # SQLite numbers the feed by max + 1 (one writer at a time)
    op.execute('CREATE SEQUENCE o2o_feed_version_seq AS bigint')
    op.execute("SELECT setval('o2o_feed_version_seq', coalesce(max(version), 0) + 1, false) FROM o2o_feed")


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute('DROP SEQUENCE o2o_feed_version_seq')
