"""chain-wide settings documents (the loyalty rules)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 07:10:00
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

JSONDoc = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        'settings',
        sa.Column('key', sa.String(32), primary_key=True),
        sa.Column('data', JSONDoc, nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table('settings')
