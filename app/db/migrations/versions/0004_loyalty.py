"""members, coupons and stored value on tickets

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 02:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('tickets') as batch:
        batch.add_column(sa.Column('discount', sa.Integer(), server_default='0', nullable=False))
        batch.add_column(sa.Column('member_no', sa.String(20), nullable=True))
    with op.batch_alter_table('ticket_lines') as batch:
        batch.add_column(sa.Column('discount', sa.Integer(), server_default='0', nullable=False))
    with op.batch_alter_table('tenders') as batch:
        batch.add_column(sa.Column('reference', sa.String(64), nullable=True))
        batch.add_column(sa.Column('ref', sa.String(64), nullable=True))
    op.create_table(
        'ticket_coupons',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('ticket_id', sa.Integer(), sa.ForeignKey('tickets.id', ondelete='CASCADE'), nullable=False),
        sa.Column('code', sa.String(32), nullable=False),
        sa.Column('name', sa.String(64), nullable=False),
        sa.Column('kind', sa.String(16), nullable=False),
        sa.Column('value', sa.Integer(), nullable=False),
        sa.Column('threshold', sa.Integer(), nullable=False),
        sa.Column('discount', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
    )
    op.create_index('ix_ticket_coupons_ticket_id', 'ticket_coupons', ['ticket_id'])


def downgrade() -> None:
    op.drop_table('ticket_coupons')
    with op.batch_alter_table('tenders') as batch:
        batch.drop_column('ref')
        batch.drop_column('reference')
    with op.batch_alter_table('ticket_lines') as batch:
        batch.drop_column('discount')
    with op.batch_alter_table('tickets') as batch:
        batch.drop_column('member_no')
        batch.drop_column('discount')
