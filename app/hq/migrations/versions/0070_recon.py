"""reconciliation: imported bills and their rows, finance's actions and closed days, ERP vouchers

Revision ID: 0070
Revises: 0030
Create Date: 2026-12-03 14:00:00
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0070'
down_revision = '0030'
branch_labels = None
depends_on = None


def upgrade() -> None:
    big_id = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
    json_doc = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')
    op.create_table(
        'recon_imports',
        sa.Column('id', big_id, primary_key=True, autoincrement=True),
        sa.Column('kind', sa.String(16), nullable=False),
        sa.Column('channel', sa.String(16), nullable=False),
        sa.Column('merchant_id', sa.String(64), nullable=False),
        sa.Column('first_day', sa.Date(), nullable=True),
        sa.Column('last_day', sa.Date(), nullable=True),
        sa.Column('file_hash', sa.String(64), nullable=False, unique=True),
        sa.Column('filename', sa.String(200), nullable=False),
        sa.Column('source', sa.String(16), nullable=False),
        sa.Column('rows', sa.Integer(), nullable=False),
        sa.Column('new_rows', sa.Integer(), nullable=False),
        sa.Column('rejected', json_doc, nullable=False),
        sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('imported_by', sa.String(64), nullable=False),
    )
    op.create_table(
        'recon_rows',
        sa.Column('id', big_id, primary_key=True, autoincrement=True),
        sa.Column('import_id', sa.BigInteger(), sa.ForeignKey('recon_imports.id'), nullable=False),
        sa.Column('channel', sa.String(16), nullable=False),
        sa.Column('key', sa.String(100), nullable=False),
        sa.Column('line', sa.Integer(), nullable=False),
        sa.Column('entry', sa.String(8), nullable=False),
        sa.Column('bill_day', sa.Date(), nullable=False),
        sa.Column('store_code', sa.String(16), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('amount', sa.BigInteger(), nullable=False),
        sa.Column('fee', sa.BigInteger(), nullable=False),
        sa.Column('status', sa.String(16), nullable=False),
        sa.Column('out_trade_no', sa.String(64), nullable=False),
        sa.Column('transaction_id', sa.String(64), nullable=False),
        sa.Column('out_refund_no', sa.String(64), nullable=False),
        sa.Column('refund_id', sa.String(64), nullable=False),
        sa.Column('commission', sa.BigInteger(), nullable=False),
        sa.Column('delivery_fee', sa.BigInteger(), nullable=False),
        sa.Column('platform_subsidy', sa.BigInteger(), nullable=False),
        sa.Column('merchant_subsidy', sa.BigInteger(), nullable=False),
        sa.Column('payout', sa.BigInteger(), nullable=False),
        sa.Column('counterparty', sa.String(128), nullable=False),
        sa.Column('memo', sa.String(128), nullable=False),
        sa.UniqueConstraint('channel', 'key', name='uq_recon_rows_channel_key'),
    )
    op.create_index('ix_recon_rows_day', 'recon_rows', ['bill_day', 'channel', 'store_code'])
    op.create_table(
        'recon_actions',
        sa.Column('id', big_id, primary_key=True, autoincrement=True),
        sa.Column('store_id', sa.Integer(), sa.ForeignKey('stores.id'), nullable=False),
        sa.Column('business_day', sa.Date(), nullable=False),
        sa.Column('channel', sa.String(16), nullable=False),
        sa.Column('diff_key', sa.String(200), nullable=False),
        sa.Column('action', sa.String(16), nullable=False),
        sa.Column('note', sa.String(500), nullable=False),
        sa.Column('actor', sa.String(64), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index('ix_recon_actions_store_day', 'recon_actions', ['store_id', 'business_day'])
    op.create_table(
        'recon_days',
        sa.Column('store_id', sa.Integer(), sa.ForeignKey('stores.id'), primary_key=True),
        sa.Column('business_day', sa.Date(), primary_key=True),
        sa.Column('closed', sa.Boolean(), nullable=False),
        sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('changed_by', sa.String(64), nullable=False),
    )
    op.create_table(
        'erp_vouchers',
        sa.Column('id', big_id, primary_key=True, autoincrement=True),
        sa.Column('store_id', sa.Integer(), sa.ForeignKey('stores.id'), nullable=False),
        sa.Column('business_day', sa.Date(), nullable=False),
        sa.Column('kind', sa.String(16), nullable=False),
        sa.Column('subject', sa.String(32), nullable=False),
        sa.Column('period', sa.String(7), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('summary', sa.String(200), nullable=False),
        sa.Column('lines', json_doc, nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint('period', 'number', name='uq_erp_vouchers_number'),
    )
    op.create_index('ix_erp_vouchers_store_day', 'erp_vouchers', ['store_id', 'business_day'])


def downgrade() -> None:
    op.drop_table('erp_vouchers')
    op.drop_table('recon_days')
    op.drop_index('ix_recon_actions_store_day', 'recon_actions')
    op.drop_table('recon_actions')
    op.drop_index('ix_recon_rows_day', 'recon_rows')
    op.drop_table('recon_rows')
    op.drop_table('recon_imports')
