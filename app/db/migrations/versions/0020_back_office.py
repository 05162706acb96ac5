"""the back office: sales summaries kept as sales complete, the day's close (日结) and its cash
deposits (缴款), the store's own settings, cost prices, and indexes the reports read by

Revision ID: 0020
Revises: 0014
Create Date: 2026-12-03 10:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0020'
down_revision = '0014'
branch_labels = None
depends_on = None

_SUMS = ('tickets', 'items', 'gross', 'promotion', 'coupons', 'rounding', 'total', 'cost', 'costed',
         'voided_lines', 'voided_line_amount', 'voided_tickets', 'voided_amount')
_ITEM_SUMS = ('quantity', 'lines', 'amount', 'cost', 'costed')


def _sums(names: tuple[str, ...]) -> list[sa.Column[int]]:
    return [sa.Column(name, sa.Integer(), nullable=False, server_default='0') for name in names]


def upgrade() -> None:
    with op.batch_alter_table('products') as batch:
        batch.add_column(sa.Column('cost_price', sa.Integer(), nullable=True))
    op.create_table('sales_hourly', sa.Column('hour', sa.String(13), primary_key=True), *_sums(_SUMS))
    op.create_table('sales_tenders_hourly', sa.Column('hour', sa.String(13), primary_key=True),
                    sa.Column('method', sa.String(16), primary_key=True), *_sums(('amount', 'count')))
    op.create_table('sales_items_daily', sa.Column('day', sa.String(10), primary_key=True),
                    sa.Column('product_id', sa.Integer(), primary_key=True), *_sums(_ITEM_SUMS))
    op.create_table('sales_items_monthly', sa.Column('month', sa.String(7), primary_key=True),
                    sa.Column('product_id', sa.Integer(), primary_key=True), *_sums(_ITEM_SUMS))
    op.create_table('sales_categories_daily', sa.Column('day', sa.String(10), primary_key=True),
                    sa.Column('category_id', sa.Integer(), primary_key=True), *_sums(_ITEM_SUMS))
    op.create_table(
        'day_closes',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('business_day', sa.String(10), nullable=False, unique=True),
        sa.Column('z_no', sa.Integer(), nullable=False, unique=True),
        sa.Column('closed_at', sa.DateTime(), nullable=False),
        sa.Column('operator_id', sa.Integer(), sa.ForeignKey('operators.id'), nullable=False),
        sa.Column('report', sa.JSON(), nullable=False),
    )
    op.create_table(
        'cash_deposits',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('day_close_id', sa.Integer(), sa.ForeignKey('day_closes.id'), nullable=False),
        sa.Column('amount', sa.Integer(), nullable=False),
        sa.Column('taken_by', sa.String(64), nullable=False),
        sa.Column('note', sa.String(128), nullable=False, server_default=''),
        sa.Column('operator_id', sa.Integer(), sa.ForeignKey('operators.id'), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
    )
    op.create_index('ix_cash_deposits_day_close_id', 'cash_deposits', ['day_close_id'])
    op.create_table(
        'store_settings',
        sa.Column('key', sa.String(32), primary_key=True),
        sa.Column('value', sa.String(512), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('operator_id', sa.Integer(), sa.ForeignKey('operators.id'), nullable=True),
    )
    op.create_index('ix_ticket_shift', 'tickets', ['shift_id'])
    op.create_index('ix_returns_shift', 'returns', ['shift_id'])
    op.create_index('ix_returns_created_at', 'returns', ['created_at'])
    op.create_index('ix_shift_opened_at', 'shifts', ['opened_at'])
    op.create_index('ix_overrides_action_at', 'overrides', ['action', 'at'])


def downgrade() -> None:
    for index, table in (('ix_overrides_action_at', 'overrides'), ('ix_shift_opened_at', 'shifts'),
                         ('ix_returns_created_at', 'returns'), ('ix_returns_shift', 'returns'),
                         ('ix_ticket_shift', 'tickets')):
        op.drop_index(index, table)
    op.drop_table('store_settings')
    op.drop_index('ix_cash_deposits_day_close_id', 'cash_deposits')
    for table in ('cash_deposits', 'day_closes', 'sales_categories_daily', 'sales_items_monthly', 'sales_items_daily',
                  'sales_tenders_hourly', 'sales_hourly'):
        op.drop_table(table)
    with op.batch_alter_table('products') as batch:
        batch.drop_column('cost_price')
