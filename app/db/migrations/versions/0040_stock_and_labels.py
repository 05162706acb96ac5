"""库存 and 价签 at the back office: stock counts (盘点) with their snapshot, transfers between
stores (调拨), the labels to print (价签), and the products' 产地 and 等级 for 明码标价

Revision ID: 0040
Revises: 0020
Create Date: 2026-12-03 14:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0040'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('products') as batch:
        batch.add_column(sa.Column('origin', sa.String(64), nullable=True))
        batch.add_column(sa.Column('grade', sa.String(16), nullable=True))
    op.create_table(
        'stock_counts',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('status', sa.String(12), nullable=False),
        sa.Column('note', sa.String(128), nullable=False, server_default=''),
        sa.Column('started_at', sa.DateTime(), nullable=False),
        sa.Column('started_by', sa.Integer(), sa.ForeignKey('operators.id'), nullable=False),
        sa.Column('closed_at', sa.DateTime(), nullable=True),
        sa.Column('closed_by', sa.Integer(), sa.ForeignKey('operators.id'), nullable=True),
    )
    op.create_table(
        'stock_count_lines',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('count_id', sa.Integer(), sa.ForeignKey('stock_counts.id', ondelete='CASCADE'), nullable=False),
        sa.Column('product_id', sa.Integer(), sa.ForeignKey('products.id'), nullable=False),
        sa.Column('sku', sa.String(32), nullable=False),
        sa.Column('book', sa.Integer(), nullable=False),
        sa.Column('counted', sa.Integer(), nullable=True),
        sa.UniqueConstraint('count_id', 'product_id', name='uq_stock_count_lines_product'),
    )
    op.create_table(
        'transfers',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('transfer_no', sa.String(40), nullable=False, unique=True),
        sa.Column('direction', sa.String(4), nullable=False),
        sa.Column('other_store', sa.String(16), nullable=False),
        sa.Column('status', sa.String(12), nullable=False),
        sa.Column('note', sa.String(128), nullable=False, server_default=''),
        sa.Column('lines', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
    )
    op.create_table(
        'labels_to_print',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('product_id', sa.Integer(), sa.ForeignKey('products.id'), nullable=False),
        sa.Column('reason', sa.String(12), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('printed_at', sa.DateTime(), nullable=True),
    )
    op.create_index('ix_labels_to_print_pending', 'labels_to_print', ['printed_at', 'product_id'])


def downgrade() -> None:
    op.drop_index('ix_labels_to_print_pending', 'labels_to_print')
    for table in ('labels_to_print', 'transfers', 'stock_count_lines', 'stock_counts'):
        op.drop_table(table)
    with op.batch_alter_table('products') as batch:
        batch.drop_column('grade')
        batch.drop_column('origin')
