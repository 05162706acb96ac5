"""a gift card keeps the last day it was sold with: a later change of the rules never shortens it

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 15:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('wallet_accounts') as batch:
        batch.add_column(sa.Column('last_day', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('wallet_accounts') as batch:
        batch.drop_column('last_day')
