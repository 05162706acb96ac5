"""货位: each product's shelf location in this store, for walking the O2O pick list

Revision ID: 0081
Revises: 0080
Create Date: 2026-12-03 17:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0081'
down_revision = '0080'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'shelf_locations',
        sa.Column('sku', sa.String(32), primary_key=True),
        sa.Column('location', sa.String(16), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('operator_id', sa.Integer(), sa.ForeignKey('operators.id', name='fk_shelf_locations_operator'),
                  nullable=True),
    )


def downgrade() -> None:
    op.drop_table('shelf_locations')
