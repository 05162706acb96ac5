"""payment-code tenders (付款码): the provider's record on each sale's and return's tender row

Revision ID: 0030
Revises: 0060
Create Date: 2026-12-03 14:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0030'
down_revision = '0060'
branch_labels = None
depends_on = None

_TEXT = (('provider', 16), ('transaction_id', 64), ('out_trade_no', 64), ('payer_bank', 64),
         ('out_refund_no', 64), ('refund_id', 64))


def upgrade() -> None:
    with op.batch_alter_table('sale_tenders') as batch:
        for name, length in _TEXT:
            batch.add_column(sa.Column(name, sa.String(length), nullable=True))
        batch.add_column(sa.Column('fee', sa.BigInteger(), nullable=False, server_default='0'))
    op.create_index('ix_sale_tenders_transaction_id', 'sale_tenders', ['transaction_id'])
    op.create_index('ix_sale_tenders_out_trade_no', 'sale_tenders', ['out_trade_no'])


def downgrade() -> None:
    op.drop_index('ix_sale_tenders_out_trade_no', table_name='sale_tenders')
    op.drop_index('ix_sale_tenders_transaction_id', table_name='sale_tenders')
    with op.batch_alter_table('sale_tenders') as batch:
        batch.drop_column('fee')
        for name, _ in reversed(_TEXT):
            batch.drop_column(name)
