"""a loyalty conflict is marked handled by the store manager: when, by whom, and the note

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 09:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('loyalty_conflicts') as batch:
        batch.add_column(sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('resolved_by', sa.String(16), nullable=True))
        batch.add_column(sa.Column('resolution', sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('loyalty_conflicts') as batch:
        batch.drop_column('resolution')
        batch.drop_column('resolved_by')
        batch.drop_column('resolved_at')
