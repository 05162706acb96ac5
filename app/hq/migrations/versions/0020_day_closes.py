"""the stores' day closes (日结, Z) and the cash deposited against them

Revision ID: 0020
Revises: 0013
Create Date: 2026-12-03 11:00:00
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0020'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    big_id = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
    json_doc = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')
    op.create_table(
        'day_closes',
        sa.Column('id', big_id, primary_key=True, autoincrement=True),
        sa.Column('store_id', sa.Integer(), sa.ForeignKey('stores.id'), nullable=False),
        sa.Column('business_day', sa.Date(), nullable=False),
        sa.Column('z_no', sa.Integer(), nullable=False),
        sa.Column('net_total', sa.BigInteger(), nullable=False),
        sa.Column('sales_count', sa.Integer(), nullable=False),
        sa.Column('cash_counted', sa.BigInteger(), nullable=True),
        sa.Column('deposited', sa.BigInteger(), nullable=False),
        sa.Column('report', json_doc, nullable=False),
        sa.Column('event_id', sa.String(64), nullable=False),
        sa.UniqueConstraint('store_id', 'business_day', name='uq_day_closes_store_day'),
    )


def downgrade() -> None:
    op.drop_table('day_closes')
