"""pinyin initials taken by phrase (重庆 cq, 银行 yh), every plausible reading indexed

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 09:00:00

A store that synced its catalog before this kept initials made character by character (重庆 as
'zq'). Its products are not sent again by HQ until they change, so the initials are made anew here
from the names the store holds, and the catalog version moves on so a running search index is
rebuilt. Downgrading keeps the new initials: they only make search find more.
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

BATCH = 5_000


def upgrade() -> None:
    from app.pinyin import initials

    bind = op.get_bind()
    products = sa.table('products', sa.column('id', sa.Integer), sa.column('name', sa.String),
                        sa.column('initials', sa.String))
    last = 0
    while True:
        rows = bind.execute(sa.select(products.c.id, products.c.name).where(products.c.id > last)
                            .order_by(products.c.id).limit(BATCH)).all()
        if not rows:
            break
        bind.execute(products.update().where(products.c.id == sa.bindparam('pid'))
                     .values(initials=sa.bindparam('new_initials')),
                     [{'pid': pid, 'new_initials': initials(name or '')} for pid, name in rows])
        last = rows[-1][0]
    bind.execute(sa.text("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) "
                         "WHERE key = 'catalog_version'"))


def downgrade() -> None:
    pass
