"""points entries say what they are about: the amount, and the entry a take-back reverses

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 07:40:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('points_entries') as batch:
        batch.add_column(sa.Column('amount', sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column('of_ref', sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('points_entries') as batch:
        batch.drop_column('of_ref')
        batch.drop_column('amount')
