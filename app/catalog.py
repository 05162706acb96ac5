"""Product lookup by any code, and search as you type over the whole catalog."""

from __future__ import annotations

import gc
import threading
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, bindparam, select
from sqlalchemy.orm import Session

from app.db import driver
from app.db.models import Barcode, Category, Meta, Product
from app.domain.barcode import CodeKind, InStoreLayout, parse_code
from app.domain.errors import DomainError
from app.domain.keyed import normalise_code

CATALOG_VERSION_KEY = "catalog_version"


@dataclass(frozen=True, slots=True)
class ProductView:
    id: int
    sku: str
    barcode: str | None
    name: str
    price: int
    unit: str
    plu: str | None
    spec: str
    brand: str
    category: str
    kind: str = "goods"

    def as_dict(self) -> dict[str, object]:
        return {
            "sku": self.sku,
            "barcode": self.barcode,
            "name": self.name,
            "price": self.price,
            "unit": self.unit,
            "plu": self.plu,
            "spec": self.spec,
            "brand": self.brand,
            "category": self.category,
            "kind": self.kind,
        }


@dataclass(frozen=True, slots=True)
class Lookup:
    """A product found by a code, and what the code itself says about the line."""

    product: ProductView
    scanned: str
    pack_quantity: int = 1
    embedded_price: int | None = None  # 店内码 with the total price
    embedded_weight: int | None = None  # 店内码 with the weight in grams


def view_of(product: Product) -> ProductView:
    return ProductView(
        id=product.id,
        sku=product.sku,
        barcode=product.primary_barcode,
        name=product.name,
        price=product.price,
        unit=product.unit,
        plu=product.plu,
        spec=product.spec,
        brand=product.brand,
        category=product.category.name if product.category else "",
        kind=product.kind,
    )


def _unknown(code: str) -> DomainError:
    return DomainError("unknown_product", status=404, code=code)


# A scan's one indexed read, built once on the tables' own columns (the ORM's attributes, and a
# LIMIT, each cost more than the read): the columns the line needs, its category's name and, by a
# barcode, the pack it stands for. A code is unique, so no LIMIT is needed.
_PRODUCTS = cast(Table, Product.__table__)
_CATEGORIES = cast(Table, Category.__table__)
_BARCODES = cast(Table, Barcode.__table__)
_VIEW_COLUMNS = (_PRODUCTS.c.id, _PRODUCTS.c.sku, _PRODUCTS.c.primary_barcode, _PRODUCTS.c.name, _PRODUCTS.c.price,
                 _PRODUCTS.c.unit, _PRODUCTS.c.plu, _PRODUCTS.c.spec, _PRODUCTS.c.brand,
                 _CATEGORIES.c.name.label("category_name"), _PRODUCTS.c.kind)
_WITH_CATEGORY = _PRODUCTS.outerjoin(_CATEGORIES, _CATEGORIES.c.id == _PRODUCTS.c.category_id)
_BY_BARCODE = (select(*_VIEW_COLUMNS, _BARCODES.c.pack_quantity)
               .select_from(_BARCODES.join(_WITH_CATEGORY, _PRODUCTS.c.id == _BARCODES.c.product_id))
               .where(_BARCODES.c.code.in_((bindparam("code"), bindparam("alternative"))), _PRODUCTS.c.active))
_BY_PLU = select(*_VIEW_COLUMNS).select_from(_WITH_CATEGORY).where(_PRODUCTS.c.plu == bindparam("code"),
                                                                    _PRODUCTS.c.active)
_BY_SKU = select(*_VIEW_COLUMNS).select_from(_WITH_CATEGORY).where(_PRODUCTS.c.sku == bindparam("code"),
                                                                    _PRODUCTS.c.active)
_BY_BARCODE_NOW, _BY_PLU_NOW, _BY_SKU_NOW = (driver.Prepared(s) for s in (_BY_BARCODE, _BY_PLU, _BY_SKU))


def lookup(session: Session, raw: str, layout: InStoreLayout) -> Lookup:
    """Find the product for a barcode, PLU, in-store code or SKU code (full-width input too)."""
    scanned = parse_code(raw, layout)
    code = normalise_code(raw)
    pack = 1
    if scanned.kind in (CodeKind.PLU, CodeKind.IN_STORE):
        row = driver.execute(session, _BY_PLU_NOW, {"code": scanned.code}).fetchone()
    elif scanned.kind is CodeKind.SKU:
        row = driver.execute(session, _BY_SKU_NOW, {"code": scanned.code}).fetchone()
    else:
        alternative = "0" + scanned.code if scanned.kind is CodeKind.UPCA else scanned.code
        row = driver.execute(session, _BY_BARCODE_NOW, {"code": scanned.code,
                                                                 "alternative": alternative}).fetchone()
        if row is not None:
            pack = row.pack_quantity
    if row is None:
        raise _unknown(code)
    if scanned.kind is CodeKind.IN_STORE and row.unit != "gram" and scanned.embedded_weight is not None:
        raise _unknown(code)
    return Lookup(
        product=ProductView(id=row.id, sku=row.sku, barcode=row.primary_barcode, name=row.name, price=row.price,
                            unit=row.unit, plu=row.plu, spec=row.spec, brand=row.brand,
                            category=row.category_name or "", kind=row.kind),
        scanned=code,
        pack_quantity=pack,
        embedded_price=scanned.embedded_price,
        embedded_weight=scanned.embedded_weight,
    )


def _searchable(text: str) -> str:
    # Full-width letters and digits (ＫＫＫＬ, ３３０ｍｌ) typed or stored are searched as their ASCII twins.
    return unicodedata.normalize("NFKC", text).lower()


class SearchIndex:
    """Substring search over names, pinyin initials and code prefixes, in memory.

    Each field of every product is joined into one string; ``str.find`` runs in C over a
    few megabytes, which keeps search-as-you-type well under a few milliseconds at 200,000 SKUs.
    """

    def __init__(self, products: list[ProductView], initials: list[str], codes: list[list[str]]) -> None:
        self.products = products
        self._names, self._name_starts = self._blob([_searchable(p.name) for p in products])
        self._initials, self._initial_starts = self._blob(initials)
        flat_codes: list[str] = []
        self._code_owner: list[int] = []
        for index, product_codes in enumerate(codes):
            for code in product_codes:
                flat_codes.append(code.lower())
                self._code_owner.append(index)
        self._codes, self._code_starts = self._blob(flat_codes)

    @staticmethod
    def _blob(values: list[str]) -> tuple[str, list[int]]:
        starts: list[int] = []
        offset = 1
        for value in values:
            starts.append(offset)
            offset += len(value) + 1
        return "\n" + "\n".join(values) + "\n", starts

    def search(self, query: str, limit: int = 20) -> list[ProductView]:
        q = _searchable(query).strip()
        if not q or "\n" in q:
            return []
        found: dict[int, None] = {}
        if q.isascii() and q.replace("-", "").isalnum():
            self._scan(self._codes, "\n" + q, self._code_starts, found, limit, owner=self._code_owner, shift=1)
        self._scan(self._names, q, self._name_starts, found, limit)
        if q.isascii() and q.isalpha():
            self._scan(self._initials, q, self._initial_starts, found, limit)
        return [self.products[i] for i in found]

    @staticmethod
    def _scan(
        blob: str,
        needle: str,
        starts: list[int],
        found: dict[int, None],
        limit: int,
        owner: list[int] | None = None,
        shift: int = 0,
    ) -> None:
        position = blob.find(needle)
        while position != -1 and len(found) < limit:
            entry = bisect_right(starts, position + shift) - 1
            index = owner[entry] if owner is not None else entry
            found.setdefault(index, None)
            # Skip to the next entry: one product counts once per field.
            next_start = starts[entry + 1] if entry + 1 < len(starts) else len(blob)
            position = blob.find(needle, max(next_start - shift, position + 1))


class Catalog:
    """The search index for the current catalog version, rebuilt when the catalog changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._index: SearchIndex | None = None
        self._version: str | None = None

    def index(self, session: Session) -> SearchIndex:
        version = current_version(session)
        if self._index is None or version != self._version:
            with self._lock:
                if self._index is None or version != self._version:
                    self._index = build_index(session)
                    self._version = version
                    # The index is hundreds of thousands of long-lived objects: out of the garbage
                    # collector's sight, a full collection no longer walks them in the middle of a scan.
                    gc.collect()
                    gc.freeze()
        return self._index

    def search(self, session: Session, query: str, limit: int) -> list[ProductView]:
        return self.index(session).search(query, limit)


def current_version(session: Session) -> str:
    return session.scalar(select(Meta.value).where(Meta.key == CATALOG_VERSION_KEY)) or "0"


def bump_version(session: Session, key: str = CATALOG_VERSION_KEY) -> None:
    """Count one more change under ``key`` in Meta (the catalog's, by default), so caches rebuild."""
    meta = session.get(Meta, key)
    if meta is None:
        session.add(Meta(key=key, value="1"))
    else:
        meta.value = str(int(meta.value) + 1)


def build_index(session: Session) -> SearchIndex:
    categories: dict[int | None, str] = {cid: name for cid, name in session.execute(select(Category.id, Category.name))}
    rows = session.execute(
        select(
            Product.id, Product.sku, Product.primary_barcode, Product.name, Product.price, Product.unit,
            Product.plu, Product.spec, Product.brand, Product.category_id, Product.initials, Product.kind,
        ).where(Product.active).order_by(Product.id)
    ).all()
    position = {row[0]: index for index, row in enumerate(rows)}
    products: list[ProductView] = []
    initials: list[str] = []
    codes: list[list[str]] = []
    for pid, sku, barcode, name, price, unit, plu, spec, brand, category_id, initial, kind in rows:
        products.append(
            ProductView(pid, sku, barcode, name, price, unit, plu, spec, brand, categories.get(category_id, ""), kind)
        )
        initials.append(initial)
        codes.append([sku] + ([plu] if plu else []))
    for code, product_id in session.execute(select(Barcode.code, Barcode.product_id)):
        index = position.get(product_id)
        if index is not None:
            codes[index].append(code)
    return SearchIndex(products, initials, codes)
