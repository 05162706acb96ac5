"""online orders (O2O) at the store: the orders HQ routed here, their lines and history, and the
steps waiting to reach HQ

Revision ID: 0060
Revises: 0020
Create Date: 2026-12-03 14:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0060'
down_revision = '0040'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'o2o_orders',
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('channel', sa.String(16), nullable=False),
        sa.Column('channel_order_no', sa.String(64), nullable=False),
        sa.Column('state', sa.String(16), nullable=False),
        sa.Column('fulfilment', sa.String(16), nullable=False),
        sa.Column('pickup_code', sa.String(16), nullable=True),
        sa.Column('customer_name', sa.String(64), nullable=False),
        sa.Column('customer_phone', sa.String(32), nullable=False),
        sa.Column('address', sa.String(256), nullable=True),
        sa.Column('requested_at', sa.DateTime(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('accept_by', sa.DateTime(), nullable=False),
        sa.Column('allow_substitute', sa.Boolean(), nullable=False),
        sa.Column('note', sa.String(256), nullable=False),
        sa.Column('paid', sa.Integer(), nullable=False),
        sa.Column('delivery_fee', sa.Integer(), nullable=False),
        sa.Column('commission', sa.Integer(), nullable=False),
        sa.Column('rider', sa.JSON(), nullable=True),
        sa.Column('cancel_reason', sa.String(128), nullable=True),
        sa.Column('cancelled_mid_pick', sa.Boolean(), nullable=False),
        sa.Column('reject_reason', sa.String(16), nullable=True),
        sa.Column('sale_id', sa.String(32), nullable=True),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
    )
    op.create_index('ix_o2o_orders_seq', 'o2o_orders', ['seq'])
    op.create_table(
        'o2o_lines',
        sa.Column('order_id', sa.Integer(), sa.ForeignKey('o2o_orders.id'), primary_key=True),
        sa.Column('line_no', sa.Integer(), primary_key=True),
        sa.Column('product_code', sa.String(32), nullable=False),
        sa.Column('barcode', sa.String(32), nullable=True),
        sa.Column('name', sa.String(128), nullable=False),
        sa.Column('qty', sa.Integer(), nullable=False),
        sa.Column('weight_g', sa.Integer(), nullable=True),
        sa.Column('unit_price', sa.Integer(), nullable=False),
        sa.Column('amount', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(16), nullable=False),
        sa.Column('picked_qty', sa.Integer(), nullable=False),
        sa.Column('picked_weight_g', sa.Integer(), nullable=True),
        sa.Column('picked_amount', sa.Integer(), nullable=False),
        sa.Column('substitute_code', sa.String(32), nullable=True),
    )
    op.create_table(
        'o2o_history',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('order_id', sa.Integer(), sa.ForeignKey('o2o_orders.id'), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('what', sa.String(32), nullable=False),
        sa.Column('detail', sa.String(256), nullable=False),
        sa.Column('operator_id', sa.Integer(), nullable=True),
    )
    op.create_index('ix_o2o_history_order_id', 'o2o_history', ['order_id'])
    op.create_table(
        'o2o_steps',
        sa.Column('id', sa.String(32), primary_key=True),
        sa.Column('order_id', sa.Integer(), sa.ForeignKey('o2o_orders.id'), nullable=False),
        sa.Column('step', sa.String(16), nullable=False),
        sa.Column('body', sa.JSON(), nullable=False),
        sa.Column('state', sa.String(16), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('error', sa.String(64), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
    )
    op.create_index('ix_o2o_steps_order_id', 'o2o_steps', ['order_id'])
    op.create_index('ix_o2o_steps_pending', 'o2o_steps', ['state', 'created_at'])


def downgrade() -> None:
    op.drop_table('o2o_steps')
    op.drop_table('o2o_history')
    op.drop_table('o2o_lines')
    op.drop_table('o2o_orders')
