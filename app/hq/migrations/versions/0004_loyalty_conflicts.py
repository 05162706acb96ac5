"""loyalty conflicts

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 02:25:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'loyalty_conflicts',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True),
        sa.Column('store_id', sa.Integer(), sa.ForeignKey('stores.id'), nullable=False),
        sa.Column('event_id', sa.String(64), nullable=False),
        sa.Column('subject', sa.String(64), nullable=False),
        sa.Column('action', sa.String(16), nullable=False),
        sa.Column('reason', sa.String(64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index('ix_loyalty_conflicts_store_id', 'loyalty_conflicts', ['store_id'])


def downgrade() -> None:
    op.drop_table('loyalty_conflicts')
