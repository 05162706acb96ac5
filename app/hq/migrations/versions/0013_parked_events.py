"""an event HQ cannot apply is parked, visibly, and the store's stream flows on past it

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 10:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'parked_events',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), primary_key=True, autoincrement=True),
        sa.Column('store_id', sa.Integer(), sa.ForeignKey('stores.id'), nullable=False),
        sa.Column('event_id', sa.String(64), nullable=False, unique=True),
        sa.Column('seq', sa.BigInteger(), nullable=False),
        sa.Column('kind', sa.String(32), nullable=False),
        sa.Column('reason', sa.String(64), nullable=False),
        sa.Column('detail', sa.String(200), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index('ix_parked_events_store_id', 'parked_events', ['store_id'])


def downgrade() -> None:
    op.drop_index('ix_parked_events_store_id', 'parked_events')
    op.drop_table('parked_events')
