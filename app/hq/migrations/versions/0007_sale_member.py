"""the member on a sale

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 03:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sales') as batch:
        batch.add_column(sa.Column('member_no', sa.String(20), nullable=True))
    op.create_index('ix_sales_member_no', 'sales', ['member_no'])


def downgrade() -> None:
    op.drop_index('ix_sales_member_no', 'sales')
    with op.batch_alter_table('sales') as batch:
        batch.drop_column('member_no')
