"""储值充值 paid by payment code: an attempt either pays a ticket or tops up a card (``topup_ref``,
the card, the shift it was taken in, how far crediting the card at HQ got); a top-up says its tender

Revision ID: 0082
Revises: 0081
Create Date: 2026-12-03 17:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0082'
down_revision = '0081'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('payment_attempts') as batch:
        batch.alter_column('ticket_id', existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column('topup_ref', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('topup_card', sa.String(length=24), nullable=True))
        batch.add_column(sa.Column('topup_shift_id', sa.Integer(), sa.ForeignKey('shifts.id',
                                   name='fk_payment_attempts_topup_shift'), nullable=True))
        batch.add_column(sa.Column('topup_state', sa.String(length=16), nullable=True))
        batch.add_column(sa.Column('topup_error', sa.String(length=64), nullable=True))
        batch.create_unique_constraint('uq_payment_attempts_topup_ref', ['topup_ref'])
        batch.create_index('ix_payment_attempts_topup_state', ['topup_state'])
    with op.batch_alter_table('top_ups') as batch:
        batch.add_column(sa.Column('method', sa.String(length=16), nullable=False, server_default='cash'))
        batch.add_column(sa.Column('out_trade_no', sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('top_ups') as batch:
        batch.drop_column('out_trade_no')
        batch.drop_column('method')
    with op.batch_alter_table('payment_attempts') as batch:
        batch.drop_index('ix_payment_attempts_topup_state')
        batch.drop_constraint('uq_payment_attempts_topup_ref', type_='unique')
        batch.drop_column('topup_error')
        batch.drop_column('topup_state')
        batch.drop_column('topup_shift_id')
        batch.drop_column('topup_card')
        batch.drop_column('topup_ref')
        batch.alter_column('ticket_id', existing_type=sa.Integer(), nullable=False)
