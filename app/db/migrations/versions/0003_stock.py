"""stock levels and movements

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 01:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'stock_levels',
        sa.Column('product_id', sa.Integer(), sa.ForeignKey('products.id'), primary_key=True),
        sa.Column('quantity', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
    )
    op.create_table(
        'stock_movements',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('product_id', sa.Integer(), sa.ForeignKey('products.id'), nullable=False),
        sa.Column('sku', sa.String(32), nullable=False),
        sa.Column('delta', sa.Integer(), nullable=False),
        sa.Column('reason', sa.String(16), nullable=False),
        sa.Column('ref', sa.String(64), nullable=False),
        sa.Column('operator_id', sa.Integer(), sa.ForeignKey('operators.id'), nullable=True),
        sa.Column('at', sa.DateTime(), nullable=False),
    )
    op.create_index('ix_stock_movements_product_id', 'stock_movements', ['product_id'])


def downgrade() -> None:
    op.drop_index('ix_stock_movements_product_id', 'stock_movements')
    op.drop_table('stock_movements')
    op.drop_table('stock_levels')
