"""points ledger

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 02:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    big = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        'points_entries',
        sa.Column('id', big, primary_key=True, autoincrement=True),
        sa.Column('member_id', big, sa.ForeignKey('members.id'), nullable=False),
        sa.Column('delta', sa.BigInteger(), nullable=False),
        sa.Column('growth', sa.BigInteger(), nullable=False),
        sa.Column('reason', sa.String(16), nullable=False),
        sa.Column('ref', sa.String(64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint('member_id', 'ref', name='uq_points_entry_ref'),
    )
    op.create_index('ix_points_entries_member_id', 'points_entries', ['member_id'])


def downgrade() -> None:
    op.drop_table('points_entries')
