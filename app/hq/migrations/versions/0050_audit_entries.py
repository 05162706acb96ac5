"""the stores' audit logs (审计), each entry as its store chained it

Revision ID: 0050
Revises: 0070
Create Date: 2026-12-03 14:00:00
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0050'
down_revision = '0070'
branch_labels = None
depends_on = None


def upgrade() -> None:
    big_id = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
    json_doc = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')
    op.create_table(
        'audit_entries',
        sa.Column('id', big_id, primary_key=True, autoincrement=True),
        sa.Column('store_id', sa.Integer(), sa.ForeignKey('stores.id'), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('till', sa.String(16), nullable=False),
        sa.Column('actor', sa.String(16), nullable=False),
        sa.Column('approver', sa.String(16), nullable=False),
        sa.Column('action', sa.String(32), nullable=False),
        sa.Column('subject', sa.String(64), nullable=False),
        sa.Column('detail', json_doc, nullable=False),
        sa.Column('prev_hash', sa.String(64), nullable=False),
        sa.Column('hash', sa.String(64), nullable=False),
        sa.UniqueConstraint('store_id', 'seq', name='uq_audit_entries_store_seq'),
    )


def downgrade() -> None:
    op.drop_table('audit_entries')
