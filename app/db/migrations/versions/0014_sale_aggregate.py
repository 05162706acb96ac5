"""the sale as one aggregate: ticket versions, what was cut from a line, refunds per tender, outside calls

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 10:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('tickets') as batch:
        batch.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='0'))
    with op.batch_alter_table('ticket_lines') as batch:
        batch.add_column(sa.Column('rounding', sa.Integer(), nullable=False, server_default='0'))
        batch.add_column(sa.Column('reductions', sa.Integer(), nullable=False, server_default='0'))
    with op.batch_alter_table('ticket_coupons') as batch:
        batch.add_column(sa.Column('ref', sa.String(64), nullable=True))
    op.create_table(
        'return_tenders',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('return_id', sa.Integer(), sa.ForeignKey('returns.id', ondelete='CASCADE'), nullable=False),
        sa.Column('tender_id', sa.Integer(), sa.ForeignKey('tenders.id'), nullable=True),
        sa.Column('method', sa.String(16), nullable=False),
        sa.Column('amount', sa.Integer(), nullable=False),
        sa.Column('reference', sa.String(64), nullable=True),
        sa.Column('ref', sa.String(64), nullable=True),
    )
    op.create_index('ix_return_tenders_return_id', 'return_tenders', ['return_id'])
    op.create_index('ix_return_tenders_tender_id', 'return_tenders', ['tender_id'])
    op.create_table(
        'outside_calls',
        sa.Column('id', sa.String(32), primary_key=True),
        sa.Column('kind', sa.String(32), nullable=False),
        sa.Column('till', sa.String(16), nullable=False),
        sa.Column('operator_id', sa.Integer(), sa.ForeignKey('operators.id'), nullable=False),
        sa.Column('command_id', sa.String(64), nullable=False),
        sa.Column('ticket_id', sa.Integer(), sa.ForeignKey('tickets.id'), nullable=True),
        sa.Column('request', sa.JSON(), nullable=False),
        sa.Column('state', sa.String(12), nullable=False),
        sa.Column('answer', sa.JSON(), nullable=True),
        sa.Column('error', sa.String(64), nullable=True),
        sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.UniqueConstraint('till', 'command_id', name='uq_outside_calls_till_command'),
    )
    op.create_index('ix_outside_calls_state', 'outside_calls', ['state'])
    _rounding_of_past_sales()
    _refunds_so_far()


def _rounding_of_past_sales() -> None:
    """Sales made before this revision kept their 抹零 on the ticket only: spread it over their
    lines as the sale does now, so a return of them refunds what was really paid."""
    from app.domain.sale.sale import spread_rounding

    bind = op.get_bind()
    for ticket_id, rounding in bind.execute(sa.text("SELECT id, rounding FROM tickets WHERE rounding != 0")).all():
        lines = bind.execute(sa.text(
            "SELECT id, amount - discount, card_no IS NOT NULL FROM ticket_lines WHERE ticket_id = :t AND NOT voided "
            "ORDER BY seq"), {"t": ticket_id}).all()
        groups = [[x for x in lines if not x[2]], [x for x in lines if x[2]]]
        shares = spread_rounding(rounding, [[max(0, x[1]) for x in group] for group in groups])
        for group, group_shares in zip(groups, shares, strict=True):
            for (line_id, _, _), share in zip(group, group_shares, strict=True):
                if share:
                    bind.execute(sa.text("UPDATE ticket_lines SET rounding = :r WHERE id = :i"),
                                 {"r": share, "i": line_id})


def _refunds_so_far() -> None:
    """Returns made before this revision kept only what went back in cash; what went back in kind
    is given to the sale's stored-value and points tenders in tender order, as it was refunded."""
    bind = op.get_bind()
    returns = bind.execute(sa.text(
        "SELECT r.id, r.total, r.cash, t.id FROM returns r LEFT JOIN tickets t ON t.sale_id = r.sale_id "
        "ORDER BY r.id")).all()
    given: dict[int, int] = {}
    for return_id, total, cash, ticket_id in returns:
        left = total - cash
        tenders = [] if ticket_id is None else bind.execute(sa.text(
            "SELECT id, method, amount, reference, ref FROM tenders WHERE ticket_id = :t "
            "AND method IN ('stored_value', 'points') ORDER BY id"), {"t": ticket_id}).all()
        for tender_id, method, amount, reference, ref in tenders:
            share = min(max(0, amount - given.get(tender_id, 0)), left)
            if share:
                bind.execute(sa.text(
                    "INSERT INTO return_tenders (return_id, tender_id, method, amount, reference, ref) "
                    "VALUES (:r, :t, :m, :a, :reference, :ref)"),
                    {"r": return_id, "t": tender_id, "m": method, "a": share, "reference": reference, "ref": ref})
                given[tender_id] = given.get(tender_id, 0) + share
                left -= share
        if cash:
            bind.execute(sa.text("INSERT INTO return_tenders (return_id, tender_id, method, amount) "
                                 "VALUES (:r, NULL, 'cash', :a)"), {"r": return_id, "a": cash})


def downgrade() -> None:
    op.drop_index('ix_outside_calls_state', table_name='outside_calls')
    op.drop_table('outside_calls')
    op.drop_index('ix_return_tenders_tender_id', table_name='return_tenders')
    op.drop_index('ix_return_tenders_return_id', table_name='return_tenders')
    op.drop_table('return_tenders')
    with op.batch_alter_table('ticket_coupons') as batch:
        batch.drop_column('ref')
    with op.batch_alter_table('ticket_lines') as batch:
        batch.drop_column('reductions')
        batch.drop_column('rounding')
    with op.batch_alter_table('tickets') as batch:
        batch.drop_column('version')
