"""promotions at the store; the member's tier on the ticket

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 02:50:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'promotions',
        sa.Column('id', sa.String(32), primary_key=True),
        sa.Column('data', sa.JSON(), nullable=False),
    )
    with op.batch_alter_table('tickets') as batch:
        batch.add_column(sa.Column('member_tier', sa.String(16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('tickets') as batch:
        batch.drop_column('member_tier')
    op.drop_table('promotions')
