"""transfers between stores (调拨): sent by one store, received by another, through HQ; the
products' 产地 and 等级 for the stores' shelf labels (明码标价)

Revision ID: 0040
Revises: 0020
Create Date: 2026-12-03 14:00:00
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0040'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    big_id = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
    json_doc = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')
    op.create_table(
        'transfers',
        sa.Column('id', big_id, primary_key=True, autoincrement=True),
        sa.Column('transfer_no', sa.String(40), nullable=False, unique=True),
        sa.Column('from_store_id', sa.Integer(), sa.ForeignKey('stores.id'), nullable=False),
        sa.Column('to_store_id', sa.Integer(), sa.ForeignKey('stores.id'), nullable=False),
        sa.Column('status', sa.String(12), nullable=False),
        sa.Column('note', sa.String(64), nullable=False),
        sa.Column('lines', json_doc, nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('received_at', sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index('ix_transfers_from_store_id', 'transfers', ['from_store_id'])
    op.create_index('ix_transfers_to_store_id', 'transfers', ['to_store_id'])
    op.add_column('products', sa.Column('origin', sa.String(64), nullable=True))
    op.add_column('products', sa.Column('grade', sa.String(16), nullable=True))


def downgrade() -> None:
    op.drop_column('products', 'grade')
    op.drop_column('products', 'origin')
    op.drop_index('ix_transfers_to_store_id', 'transfers')
    op.drop_index('ix_transfers_from_store_id', 'transfers')
    op.drop_table('transfers')
