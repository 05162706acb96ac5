"""the free item of a 兑换券 on a ticket

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26 03:35:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('ticket_coupons') as batch:
        batch.add_column(sa.Column('sku', sa.String(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('ticket_coupons') as batch:
        batch.drop_column('sku')
