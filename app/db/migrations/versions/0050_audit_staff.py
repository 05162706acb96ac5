"""the store's audit log (审计, hash-chained) and the manager's hold on operators: locked, and a
PIN reset that must be changed at the next login

Revision ID: 0050
Revises: 0030
Create Date: 2026-12-03 14:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0050'
down_revision = '0030'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'audit_log',
        sa.Column('seq', sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('till', sa.String(16), nullable=False),
        sa.Column('actor', sa.String(16), nullable=False),
        sa.Column('approver', sa.String(16), nullable=False),
        sa.Column('action', sa.String(32), nullable=False),
        sa.Column('subject', sa.String(64), nullable=False),
        sa.Column('detail', sa.JSON(), nullable=False),
        sa.Column('prev_hash', sa.String(64), nullable=False),
        sa.Column('hash', sa.String(64), nullable=False),
    )
    op.create_index('ix_audit_log_at', 'audit_log', ['at'])
    op.create_index('ix_audit_log_action', 'audit_log', ['action'])
    with op.batch_alter_table('operators') as batch:
        batch.add_column(sa.Column('locked', sa.Boolean(), nullable=False, server_default='0'))
        batch.add_column(sa.Column('pin_change_required', sa.Boolean(), nullable=False, server_default='0'))


def downgrade() -> None:
    with op.batch_alter_table('operators') as batch:
        batch.drop_column('pin_change_required')
        batch.drop_column('locked')
    op.drop_index('ix_audit_log_action', 'audit_log')
    op.drop_index('ix_audit_log_at', 'audit_log')
    op.drop_table('audit_log')
