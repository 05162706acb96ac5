"""payment codes (付款码): every attempt to charge one, persisted before the provider is called, and
the provider's record on the tender it became

Revision ID: 0030
Revises: 0060
Create Date: 2026-12-03 14:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0030'
down_revision = '0060'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('tenders') as batch:
        batch.add_column(sa.Column('provider', sa.String(16), nullable=True))
        batch.add_column(sa.Column('transaction_id', sa.String(64), nullable=True))
        batch.add_column(sa.Column('payer_bank', sa.String(64), nullable=True))
        batch.add_column(sa.Column('fee', sa.Integer(), nullable=False, server_default='0'))
    op.create_table(
        'payment_attempts',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('out_trade_no', sa.String(32), nullable=False),
        sa.Column('ticket_id', sa.Integer(), sa.ForeignKey('tickets.id'), nullable=False),
        sa.Column('till', sa.String(16), nullable=False),
        sa.Column('operator_id', sa.Integer(), sa.ForeignKey('operators.id'), nullable=False),
        sa.Column('command_id', sa.String(64), nullable=False),
        sa.Column('provider', sa.String(16), nullable=False),
        sa.Column('code_hash', sa.String(64), nullable=False),
        sa.Column('code_masked', sa.String(32), nullable=False),
        sa.Column('amount', sa.Integer(), nullable=False),
        sa.Column('state', sa.String(16), nullable=False),
        sa.Column('raw_code', sa.String(64), nullable=True),
        sa.Column('message', sa.String(200), nullable=True),
        sa.Column('transaction_id', sa.String(64), nullable=True),
        sa.Column('payer_bank', sa.String(64), nullable=True),
        sa.Column('fee', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('paid_at', sa.DateTime(), nullable=True),
        sa.Column('tender_id', sa.Integer(), nullable=True),
        sa.Column('queries', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('cancels', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('history', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('submitted_at', sa.DateTime(), nullable=True),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('next_at', sa.DateTime(), nullable=True),
        sa.UniqueConstraint('out_trade_no', name='uq_payment_attempts_out_trade_no'),
        sa.UniqueConstraint('till', 'command_id', name='uq_payment_attempts_till_command'),
    )
    op.create_index('ix_payment_attempts_state', 'payment_attempts', ['state'])
    op.create_index('ix_payment_attempts_ticket_id', 'payment_attempts', ['ticket_id'])
    op.create_table(
        'payment_refunds',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('out_refund_no', sa.String(32), nullable=False),
        sa.Column('out_trade_no', sa.String(32), nullable=False),
        sa.Column('provider', sa.String(16), nullable=False),
        sa.Column('amount', sa.Integer(), nullable=False),
        sa.Column('total', sa.Integer(), nullable=False),
        sa.Column('state', sa.String(16), nullable=False),
        sa.Column('raw_code', sa.String(64), nullable=True),
        sa.Column('refund_id', sa.String(64), nullable=True),
        sa.Column('queries', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('history', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.UniqueConstraint('out_refund_no', name='uq_payment_refunds_out_refund_no'),
    )
    op.create_index('ix_payment_refunds_state', 'payment_refunds', ['state'])


def downgrade() -> None:
    op.drop_index('ix_payment_refunds_state', table_name='payment_refunds')
    op.drop_table('payment_refunds')
    op.drop_index('ix_payment_attempts_ticket_id', table_name='payment_attempts')
    op.drop_index('ix_payment_attempts_state', table_name='payment_attempts')
    op.drop_table('payment_attempts')
    with op.batch_alter_table('tenders') as batch:
        batch.drop_column('fee')
        batch.drop_column('payer_bank')
        batch.drop_column('transaction_id')
        batch.drop_column('provider')
