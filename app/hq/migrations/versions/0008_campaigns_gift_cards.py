"""coupon campaigns, coupons restored on return, gift cards (stock and goods)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 06:30:00
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSONDoc = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table('products') as batch:
        batch.add_column(sa.Column('kind', sa.String(12), nullable=False, server_default='goods'))
    with op.batch_alter_table('coupon_templates') as batch:
        batch.add_column(sa.Column('restore_on_return', sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table('wallet_accounts') as batch:
        batch.add_column(sa.Column('activated_at', TZ, nullable=True))
        batch.add_column(sa.Column('activated_ref', sa.String(64), nullable=True))
    op.create_table(
        'coupon_campaigns',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('code', sa.String(32), nullable=False, unique=True),
        sa.Column('name', sa.String(64), nullable=False),
        sa.Column('trigger', sa.String(16), nullable=False),
        sa.Column('min_paid', sa.Integer(), nullable=False),
        sa.Column('batch_id', sa.Integer(), sa.ForeignKey('coupon_batches.id'), nullable=False),
        sa.Column('per_member', sa.Integer(), nullable=False),
        sa.Column('stores', JSONDoc, nullable=False),
        sa.Column('starts', TZ, nullable=False),
        sa.Column('ends', TZ, nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('created_at', TZ, nullable=False),
    )
    op.create_table(
        'campaign_grants',
        sa.Column('id', BigId, primary_key=True, autoincrement=True),
        sa.Column('campaign_id', sa.Integer(), sa.ForeignKey('coupon_campaigns.id'), nullable=False),
        sa.Column('member_id', BigId, sa.ForeignKey('members.id'), nullable=False),
        sa.Column('coupon_code', sa.String(32), sa.ForeignKey('coupons.code'), nullable=True),
        sa.Column('ref', sa.String(96), nullable=False),
        sa.Column('outcome', sa.String(16), nullable=False),
        sa.Column('created_at', TZ, nullable=False),
        sa.UniqueConstraint('campaign_id', 'ref', name='uq_campaign_grants_ref'),
    )
    op.create_index('ix_campaign_grants_member', 'campaign_grants', ['campaign_id', 'member_id'])
    op.create_index('ix_points_entries_member_created', 'points_entries', ['member_id', 'created_at'])


def downgrade() -> None:
    op.drop_index('ix_points_entries_member_created', 'points_entries')
    op.drop_index('ix_campaign_grants_member', 'campaign_grants')
    op.drop_table('campaign_grants')
    op.drop_table('coupon_campaigns')
    with op.batch_alter_table('wallet_accounts') as batch:
        batch.drop_column('activated_ref')
        batch.drop_column('activated_at')
    with op.batch_alter_table('coupon_templates') as batch:
        batch.drop_column('restore_on_return')
    with op.batch_alter_table('products') as batch:
        batch.drop_column('kind')
