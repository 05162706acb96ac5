"""a store's top-ups (stored_value_topup events) found by their business day, for the day's ERP
top-up voucher, without reading every event the store ever sent (PostgreSQL)

Revision ID: 0072
Revises: 0071
Create Date: 2026-12-03 17:00:00
"""
from alembic import op

revision = '0072'
down_revision = '0071'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return  # a SQLite HQ is a test's: small enough to read through
    op.execute("CREATE INDEX ix_events_topup_day ON events (store_id, (payload ->> 'business_day'))"
               " WHERE kind = 'stored_value_topup'")
    op.execute("CREATE INDEX ix_events_topup_made ON events (store_id, created_at)"
               " WHERE kind = 'stored_value_topup'")


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute('DROP INDEX ix_events_topup_made')
    op.execute('DROP INDEX ix_events_topup_day')
