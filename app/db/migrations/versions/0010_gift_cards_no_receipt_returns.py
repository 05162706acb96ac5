"""gift cards sold as goods; returns without a receipt

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 06:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('products') as batch:
        batch.add_column(sa.Column('kind', sa.String(12), nullable=False, server_default='goods'))
    with op.batch_alter_table('ticket_lines') as batch:
        batch.add_column(sa.Column('card_no', sa.String(24), nullable=True))
    with op.batch_alter_table('returns') as batch:
        batch.alter_column('sale_id', existing_type=sa.String(32), nullable=True)
        batch.alter_column('ticket_id', existing_type=sa.Integer(), nullable=True)
    with op.batch_alter_table('return_lines') as batch:
        batch.alter_column('line_id', existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column('product_id', sa.Integer(), nullable=True))
        batch.create_foreign_key('fk_return_lines_product_id', 'products', ['product_id'], ['id'])
        batch.add_column(sa.Column('unit_price', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('return_lines') as batch:
        batch.drop_column('unit_price')
        batch.drop_constraint('fk_return_lines_product_id', type_='foreignkey')
        batch.drop_column('product_id')
        batch.alter_column('line_id', existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table('returns') as batch:
        batch.alter_column('ticket_id', existing_type=sa.Integer(), nullable=False)
        batch.alter_column('sale_id', existing_type=sa.String(32), nullable=False)
    with op.batch_alter_table('ticket_lines') as batch:
        batch.drop_column('card_no')
    with op.batch_alter_table('products') as batch:
        batch.drop_column('kind')
