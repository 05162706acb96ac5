"""command ids are the till's and operator's own; HQ's parked events on the outbox; override
attempts counted against who asks; wrong PINs for unknown operator codes counted like real ones

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 11:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

#: the till a command recorded before ids were scoped is filed under when its answer does not say
LEGACY_TILL = ''


def upgrade() -> None:
    op.create_table(
        'commands_scoped',
        sa.Column('till', sa.String(16), nullable=False),
        sa.Column('operator_id', sa.Integer(), sa.ForeignKey('operators.id'), nullable=False),
        sa.Column('id', sa.String(64), nullable=False),
        sa.Column('action', sa.String(64), nullable=False),
        sa.Column('fingerprint', sa.String(64), nullable=False),
        sa.Column('response', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('till', 'operator_id', 'id'),
    )
    # A ticket's or a shift's answer names its till: a retry from that till still gets it after the
    # upgrade. The rest stay reachable by their operator from any till (LEGACY_TILL).
    op.execute(sa.text(
        "INSERT INTO commands_scoped (till, operator_id, id, action, fingerprint, response, created_at) "
        "SELECT coalesce(json_extract(response, '$.till'), json_extract(response, '$.ticket.till'), "
        f"json_extract(response, '$.shift.till'), '{LEGACY_TILL}'), operator_id, id, action, fingerprint, "
        "response, created_at FROM commands"))
    op.drop_table('commands')
    op.rename_table('commands_scoped', 'commands')

    with op.batch_alter_table('outbox') as batch:
        batch.add_column(sa.Column('parked_reason', sa.String(64), nullable=True))
        batch.add_column(sa.Column('parked_field', sa.String(200), nullable=True))
    op.create_index('ix_outbox_parked', 'outbox', ['id'], sqlite_where=sa.text('parked_reason IS NOT NULL'))

    with op.batch_alter_table('operators') as batch:
        batch.add_column(sa.Column('override_failed_attempts', sa.Integer(), nullable=False, server_default='0'))
        batch.add_column(sa.Column('override_locked_until', sa.DateTime(), nullable=True))

    op.create_table(
        'login_failures',
        sa.Column('code', sa.String(16), primary_key=True),
        sa.Column('failed_attempts', sa.Integer(), nullable=False),
        sa.Column('locked_until', sa.DateTime(), nullable=True),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table('login_failures')
    with op.batch_alter_table('operators') as batch:
        batch.drop_column('override_locked_until')
        batch.drop_column('override_failed_attempts')
    op.drop_index('ix_outbox_parked', 'outbox')
    with op.batch_alter_table('outbox') as batch:
        batch.drop_column('parked_field')
        batch.drop_column('parked_reason')
    op.create_table(
        'commands_global',
        sa.Column('id', sa.String(64), nullable=False),
        sa.Column('operator_id', sa.Integer(), sa.ForeignKey('operators.id'), nullable=False),
        sa.Column('action', sa.String(64), nullable=False),
        sa.Column('fingerprint', sa.String(64), nullable=False),
        sa.Column('response', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.execute(sa.text("INSERT OR IGNORE INTO commands_global (id, operator_id, action, fingerprint, response, "
                       "created_at) SELECT id, operator_id, action, fingerprint, response, created_at FROM commands "
                       "ORDER BY created_at"))
    op.drop_table('commands')
    op.rename_table('commands_global', 'commands')
