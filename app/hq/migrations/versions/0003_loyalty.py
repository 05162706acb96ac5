"""members, coupons, stored value

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 02:10:00
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSONDoc = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        'members',
        sa.Column('id', BigId, primary_key=True, autoincrement=True),
        sa.Column('member_no', sa.String(20), nullable=False, unique=True),
        sa.Column('phone', sa.String(20), nullable=False, unique=True),
        sa.Column('name', sa.String(64), nullable=False),
        sa.Column('tier', sa.String(16), nullable=False),
        sa.Column('growth', sa.BigInteger(), nullable=False),
        sa.Column('points', sa.BigInteger(), nullable=False),
        sa.Column('registered_store_id', sa.Integer(), sa.ForeignKey('stores.id'), nullable=True),
        sa.Column('created_at', TZ, nullable=False),
    )
    op.create_table(
        'member_code_uses',
        sa.Column('code_hash', sa.String(64), primary_key=True),
        sa.Column('member_id', BigId, sa.ForeignKey('members.id'), nullable=False),
        sa.Column('used_at', TZ, nullable=False),
    )
    op.create_index('ix_member_code_uses_used_at', 'member_code_uses', ['used_at'])
    op.create_table(
        'coupon_templates',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('code', sa.String(32), nullable=False, unique=True),
        sa.Column('name', sa.String(64), nullable=False),
        sa.Column('kind', sa.String(16), nullable=False),
        sa.Column('value', sa.Integer(), nullable=False),
        sa.Column('threshold', sa.Integer(), nullable=False),
        sa.Column('sku', sa.String(32), nullable=True),
    )
    op.create_table(
        'coupon_batches',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('template_id', sa.Integer(), sa.ForeignKey('coupon_templates.id'), nullable=False),
        sa.Column('name', sa.String(64), nullable=False),
        sa.Column('valid_from', TZ, nullable=False),
        sa.Column('valid_to', TZ, nullable=False),
        sa.Column('stores', JSONDoc, nullable=False),
        sa.Column('paper', sa.Boolean(), nullable=False),
        sa.Column('created_at', TZ, nullable=False),
    )
    op.create_table(
        'coupons',
        sa.Column('code', sa.String(32), primary_key=True),
        sa.Column('batch_id', sa.Integer(), sa.ForeignKey('coupon_batches.id'), nullable=False),
        sa.Column('member_id', BigId, sa.ForeignKey('members.id'), nullable=True),
        sa.Column('holder_store_id', sa.Integer(), sa.ForeignKey('stores.id'), nullable=True),
        sa.Column('state', sa.String(12), nullable=False),
        sa.Column('reserved_store_id', sa.Integer(), sa.ForeignKey('stores.id'), nullable=True),
        sa.Column('reserved_ref', sa.String(64), nullable=True),
        sa.Column('reserved_until', TZ, nullable=True),
        sa.Column('redeemed_store_id', sa.Integer(), sa.ForeignKey('stores.id'), nullable=True),
        sa.Column('redeemed_ref', sa.String(64), nullable=True),
        sa.Column('redeemed_at', TZ, nullable=True),
    )
    op.create_index('ix_coupons_batch_id', 'coupons', ['batch_id'])
    op.create_index('ix_coupons_member_id', 'coupons', ['member_id'])
    op.create_table(
        'wallet_accounts',
        sa.Column('id', BigId, primary_key=True, autoincrement=True),
        sa.Column('card_no', sa.String(24), nullable=False, unique=True),
        sa.Column('kind', sa.String(12), nullable=False),
        sa.Column('member_id', BigId, sa.ForeignKey('members.id'), nullable=True),
        sa.Column('principal', sa.BigInteger(), nullable=False),
        sa.Column('bonus', sa.BigInteger(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('created_at', TZ, nullable=False),
    )
    op.create_index('ix_wallet_accounts_member_id', 'wallet_accounts', ['member_id'])
    op.create_table(
        'wallet_entries',
        sa.Column('id', BigId, primary_key=True, autoincrement=True),
        sa.Column('account_id', BigId, sa.ForeignKey('wallet_accounts.id'), nullable=False),
        sa.Column('kind', sa.String(16), nullable=False),
        sa.Column('principal', sa.BigInteger(), nullable=False),
        sa.Column('bonus', sa.BigInteger(), nullable=False),
        sa.Column('ref', sa.String(64), nullable=False),
        sa.Column('store_id', sa.Integer(), sa.ForeignKey('stores.id'), nullable=True),
        sa.Column('created_at', TZ, nullable=False),
        sa.UniqueConstraint('account_id', 'kind', 'ref', name='uq_wallet_entry_ref'),
    )
    op.create_index('ix_wallet_entries_account_id', 'wallet_entries', ['account_id'])


def downgrade() -> None:
    for table in ('wallet_entries', 'wallet_accounts', 'coupons', 'coupon_batches', 'coupon_templates',
                  'member_code_uses', 'members'):
        op.drop_table(table)
