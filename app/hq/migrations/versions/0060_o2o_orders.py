"""the O2O order center: channels, orders, reservations, the stores' order feed, history, steps,
the platform callback queue; stores get coordinates, hours and an O2O switch; sales their channel

Revision ID: 0060
Revises: 0020
Create Date: 2026-12-03 13:45:00
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0060'
down_revision = '0040'
branch_labels = None
depends_on = None

CHANNELS = [
    # code, accept_seconds, allow_split, safety_stock, commission_bp
    ('own', 600, True, 0, 0),
    ('meituan', 300, False, 2, 1800),
    ('eleme', 300, False, 2, 1800),
]


def upgrade() -> None:
    big_id = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
    json_doc = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')
    with op.batch_alter_table('stores') as batch:
        batch.add_column(sa.Column('lat', sa.Double(), nullable=True))
        batch.add_column(sa.Column('lng', sa.Double(), nullable=True))
        batch.add_column(sa.Column('opening_hours', json_doc, nullable=True))
        batch.add_column(sa.Column('o2o_enabled', sa.Boolean(), nullable=False, server_default=sa.true()))
        batch.add_column(sa.Column('o2o_settings', json_doc, nullable=True))
    with op.batch_alter_table('sales') as batch:
        batch.add_column(sa.Column('channel', sa.String(16), nullable=False, server_default='store'))
        batch.add_column(sa.Column('channel_order_no', sa.String(64), nullable=True))
        batch.add_column(sa.Column('o2o_order_id', sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column('commission', sa.BigInteger(), nullable=False, server_default='0'))
        batch.add_column(sa.Column('delivery_fee', sa.BigInteger(), nullable=False, server_default='0'))
    channels = op.create_table(
        'o2o_channels',
        sa.Column('code', sa.String(16), primary_key=True),
        sa.Column('accept_seconds', sa.Integer(), nullable=False),
        sa.Column('allow_split', sa.Boolean(), nullable=False),
        sa.Column('safety_stock', sa.Integer(), nullable=False),
        sa.Column('commission_bp', sa.Integer(), nullable=False),
        sa.Column('app_key', sa.String(64), nullable=False),
        sa.Column('app_secret', sa.String(128), nullable=False),
        sa.Column('callback_url', sa.String(256), nullable=False),
    )
    op.bulk_insert(channels, [
        {'code': code, 'accept_seconds': seconds, 'allow_split': split, 'safety_stock': safety,
         'commission_bp': bp, 'app_key': '', 'app_secret': '', 'callback_url': ''}
        for code, seconds, split, safety, bp in CHANNELS])
    op.create_table(
        'o2o_orders',
        sa.Column('id', big_id, primary_key=True, autoincrement=True),
        sa.Column('channel', sa.String(16), nullable=False),
        sa.Column('channel_order_no', sa.String(64), nullable=False),
        sa.Column('parent_id', sa.BigInteger(), nullable=True),
        sa.Column('part', sa.Integer(), nullable=False),
        sa.Column('store_id', sa.Integer(), sa.ForeignKey('stores.id'), nullable=True),
        sa.Column('state', sa.String(16), nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.Column('fulfilment', sa.String(8), nullable=False),
        sa.Column('pickup_code', sa.String(8), nullable=True),
        sa.Column('customer_name', sa.String(64), nullable=False),
        sa.Column('customer_phone', sa.String(20), nullable=False),
        sa.Column('address', sa.String(200), nullable=True),
        sa.Column('lat', sa.Double(), nullable=True),
        sa.Column('lng', sa.Double(), nullable=True),
        sa.Column('requested_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('accept_by', sa.DateTime(timezone=True), nullable=True),
        sa.Column('allow_substitute', sa.Boolean(), nullable=False),
        sa.Column('note', sa.String(200), nullable=False),
        sa.Column('paid', sa.BigInteger(), nullable=False),
        sa.Column('delivery_fee', sa.BigInteger(), nullable=False),
        sa.Column('commission', sa.BigInteger(), nullable=False),
        sa.Column('refunded', sa.BigInteger(), nullable=False),
        sa.Column('payment_ref', sa.String(64), nullable=False),
        sa.Column('lines', json_doc, nullable=False),
        sa.Column('picked', json_doc, nullable=True),
        sa.Column('rider', json_doc, nullable=True),
        sa.Column('cancel_reason', sa.String(64), nullable=True),
        sa.Column('excluded', json_doc, nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint('channel', 'channel_order_no', 'part', name='uq_o2o_orders_channel_no'),
    )
    op.create_index('ix_o2o_orders_store_state', 'o2o_orders', ['store_id', 'state'])
    op.create_index('ix_o2o_orders_state_accept_by', 'o2o_orders', ['state', 'accept_by'])
    op.create_table(
        'o2o_reservations',
        sa.Column('order_id', sa.BigInteger(), primary_key=True),
        sa.Column('sku', sa.String(32), primary_key=True),
        sa.Column('store_id', sa.Integer(), sa.ForeignKey('stores.id'), nullable=False),
        sa.Column('quantity', sa.BigInteger(), nullable=False),
    )
    op.create_index('ix_o2o_reservations_sku_store', 'o2o_reservations', ['sku', 'store_id'])
    op.create_table(
        'o2o_feed',
        sa.Column('version', sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column('store_id', sa.Integer(), nullable=False),
        sa.Column('order_id', sa.BigInteger(), nullable=False),
        sa.Column('data', json_doc, nullable=False),
    )
    op.create_index('ix_o2o_feed_store_version', 'o2o_feed', ['store_id', 'version'])
    op.create_table(
        'o2o_history',
        sa.Column('id', big_id, primary_key=True, autoincrement=True),
        sa.Column('order_id', sa.BigInteger(), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('kind', sa.String(24), nullable=False),
        sa.Column('detail', json_doc, nullable=False),
    )
    op.create_index('ix_o2o_history_order_id', 'o2o_history', ['order_id'])
    op.create_table(
        'o2o_steps',
        sa.Column('step_id', sa.String(64), primary_key=True),
        sa.Column('order_id', sa.BigInteger(), nullable=False),
        sa.Column('store_id', sa.Integer(), nullable=False),
        sa.Column('answer', json_doc, nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        'o2o_callbacks',
        sa.Column('id', big_id, primary_key=True, autoincrement=True),
        sa.Column('order_id', sa.BigInteger(), nullable=False),
        sa.Column('channel', sa.String(16), nullable=False),
        sa.Column('action', sa.String(24), nullable=False),
        sa.Column('payload', json_doc, nullable=False),
        sa.Column('state', sa.String(8), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('next_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('last_error', sa.String(200), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index('ix_o2o_callbacks_order_id', 'o2o_callbacks', ['order_id'])
    op.create_index('ix_o2o_callbacks_state_next', 'o2o_callbacks', ['state', 'next_at'])
    # routing reads one SKU's stock across the stores, from the index alone
    op.create_index('ix_store_stock_sku', 'store_stock', ['sku', 'store_id'], postgresql_include=['quantity'])


def downgrade() -> None:
    op.drop_index('ix_store_stock_sku', 'store_stock')
    for table in ('o2o_callbacks', 'o2o_steps', 'o2o_history', 'o2o_feed', 'o2o_reservations', 'o2o_orders',
                  'o2o_channels'):
        op.drop_table(table)
    with op.batch_alter_table('sales') as batch:
        for column in ('delivery_fee', 'commission', 'o2o_order_id', 'channel_order_no', 'channel'):
            batch.drop_column(column)
    with op.batch_alter_table('stores') as batch:
        for column in ('o2o_settings', 'o2o_enabled', 'opening_hours', 'lng', 'lat'):
            batch.drop_column(column)
