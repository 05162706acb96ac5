"""O2O intake in two steps: an order is first written as ``received`` (acknowledged to its channel
at once) and routed behind it. ``store_fixed`` keeps whether the store the channel named is the
customer's choice or only a preference until routing reads it; the router finds the orders waiting
for it by a partial index.

Revision ID: 0073
Revises: 0072
Create Date: 2026-12-03 20:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0073'
down_revision = '0072'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('o2o_orders') as batch:
        batch.add_column(sa.Column('store_fixed', sa.Boolean(), nullable=False, server_default=sa.text('true')))
    op.create_index('ix_o2o_orders_received', 'o2o_orders', ['id'],
                    postgresql_where=sa.text("state = 'received'"), sqlite_where=sa.text("state = 'received'"))


def downgrade() -> None:
    op.drop_index('ix_o2o_orders_received', 'o2o_orders')
    with op.batch_alter_table('o2o_orders') as batch:
        batch.drop_column('store_fixed')
