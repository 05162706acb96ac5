"""returns

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 02:35:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'returns',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('return_no', sa.String(32), nullable=False, unique=True),
        sa.Column('sale_id', sa.String(32), nullable=False),
        sa.Column('ticket_id', sa.Integer(), sa.ForeignKey('tickets.id'), nullable=False),
        sa.Column('till', sa.String(16), nullable=False),
        sa.Column('operator_id', sa.Integer(), sa.ForeignKey('operators.id'), nullable=False),
        sa.Column('shift_id', sa.Integer(), sa.ForeignKey('shifts.id'), nullable=False),
        sa.Column('total', sa.Integer(), nullable=False),
        sa.Column('cash', sa.Integer(), nullable=False),
        sa.Column('reason', sa.String(64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
    )
    op.create_index('ix_returns_sale_id', 'returns', ['sale_id'])
    op.create_table(
        'return_lines',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('return_id', sa.Integer(), sa.ForeignKey('returns.id', ondelete='CASCADE'), nullable=False),
        sa.Column('line_id', sa.Integer(), sa.ForeignKey('ticket_lines.id'), nullable=False),
        sa.Column('quantity', sa.Integer(), nullable=False),
        sa.Column('refund', sa.Integer(), nullable=False),
    )
    op.create_index('ix_return_lines_return_id', 'return_lines', ['return_id'])
    op.create_index('ix_return_lines_line_id', 'return_lines', ['line_id'])


def downgrade() -> None:
    op.drop_table('return_lines')
    op.drop_table('returns')
