"""top-ups taken at the till

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 03:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'top_ups',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('shift_id', sa.Integer(), sa.ForeignKey('shifts.id'), nullable=False),
        sa.Column('till', sa.String(16), nullable=False),
        sa.Column('card', sa.String(24), nullable=False),
        sa.Column('amount', sa.Integer(), nullable=False),
        sa.Column('bonus', sa.Integer(), nullable=False),
        sa.Column('ref', sa.String(64), nullable=False, unique=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
    )
    op.create_index('ix_top_ups_shift_id', 'top_ups', ['shift_id'])


def downgrade() -> None:
    op.drop_table('top_ups')
