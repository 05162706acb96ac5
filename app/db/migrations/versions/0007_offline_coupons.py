"""paper coupon batches at the store; coupons taken offline

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 03:10:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'coupon_batches',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('data', sa.JSON(), nullable=False),
    )
    with op.batch_alter_table('ticket_coupons') as batch:
        batch.add_column(sa.Column('offline', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('ticket_coupons') as batch:
        batch.drop_column('offline')
    op.drop_table('coupon_batches')
