"""find a sale to return by day, amount, member or goods

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 07:05:00
"""
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_ticket_completed_at', 'tickets', ['completed_at'])


def downgrade() -> None:
    op.drop_index('ix_ticket_completed_at', 'tickets')
