"""store stock

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 01:45:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'store_stock',
        sa.Column('store_id', sa.Integer(), sa.ForeignKey('stores.id'), primary_key=True),
        sa.Column('sku', sa.String(32), primary_key=True),
        sa.Column('quantity', sa.BigInteger(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table('store_stock')
