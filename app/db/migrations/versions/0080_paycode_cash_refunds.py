"""a payment-code refund the provider refused for good may be paid in cash out of a drawer
(现金退款): the shift it leaves, who paid it and when

Revision ID: 0080
Revises: 0050
Create Date: 2026-12-03 15:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0080'
down_revision = '0050'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('payment_refunds') as batch:
        batch.add_column(sa.Column('cash_shift_id', sa.Integer(), sa.ForeignKey('shifts.id',
                                   name='fk_payment_refunds_cash_shift'), nullable=True))
        batch.add_column(sa.Column('cash_operator_id', sa.Integer(), sa.ForeignKey('operators.id',
                                   name='fk_payment_refunds_cash_operator'), nullable=True))
        batch.add_column(sa.Column('cash_paid_at', sa.DateTime(), nullable=True))
        batch.create_index('ix_payment_refunds_cash_shift_id', ['cash_shift_id'])


def downgrade() -> None:
    with op.batch_alter_table('payment_refunds') as batch:
        batch.drop_index('ix_payment_refunds_cash_shift_id')
        batch.drop_column('cash_paid_at')
        batch.drop_column('cash_operator_id')
        batch.drop_column('cash_shift_id')
