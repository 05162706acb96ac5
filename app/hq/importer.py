"""Catalog import (商品导入) from .csv or .xlsx: good rows go in, in batches; every refused row
is reported with its line number and the reason.

Columns (header row, any order, case-insensitive): sku, name, spec, brand, category, unit,
price_yuan, plu, barcode, tax_rate, and optionally origin (产地) and grade (等级) for the shelf
labels (empty keeps the SKU's own).

- ``unit``: ``piece`` or ``gram`` (also 件/个 and 克/千克/kg/公斤/称重); empty is ``piece``.
- ``price_yuan``: ``12.30`` (yuan, up to two decimals); a weighed SKU's price is per kg.
- ``barcode``: one or more codes separated by ``|``; ``16901234567899*12`` is a case of 12.
  An empty cell keeps the SKU's current barcodes; a filled one replaces them.
- ``tax_rate``: percent, ``13``, ``13%`` or ``9.5``; empty is 13%.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import DomainError
from app.domain.keyed import is_digits, normalise_code
from app.domain.money import parse_yuan
from app.hq.masterdata import ProductData, apply_products, plan_products, product_data
from app.messages import message

COLUMNS = ("sku", "name", "spec", "brand", "category", "unit", "price_yuan", "plu", "barcode", "tax_rate", "kind",
           "origin", "grade")
REQUIRED = ("sku", "name", "price_yuan")
BATCH_ROWS = 2000
UNIT_ALIASES = {"piece": "piece", "件": "piece", "个": "piece", "只": "piece", "瓶": "piece", "包": "piece",
                "gram": "gram", "g": "gram", "克": "gram", "千克": "gram", "kg": "gram", "公斤": "gram", "称重": "gram"}
#: the optional ``kind`` column: empty is goods
KIND_ALIASES = {"": "goods", "goods": "goods", "商品": "goods", "gift_card": "gift_card", "礼品卡": "gift_card",
                "储值卡": "gift_card"}


@dataclass(frozen=True, slots=True)
class Rejected:
    line: int
    sku: str
    code: str
    params: dict[str, Any]

    def reason(self, language: str = "zh_CN") -> str:
        return message(self.code, language, self.params)


@dataclass
class ImportReport:
    rows: int = 0
    changed: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)

    def as_dict(self, language: str = "zh_CN") -> dict[str, Any]:
        return {"rows": self.rows, "changed": self.changed, "unchanged": self.unchanged,
                "rejected": [{"line": r.line, "sku": r.sku, "code": r.code, "reason": r.reason(language)}
                             for r in self.rejected]}


Progress = Callable[[int, int], None]


def import_catalog(sessions: sessionmaker[Session], path: Path, progress: Progress | None = None) -> ImportReport:
    """Import ``path``; each batch of good rows is committed with its feed entries."""
    rows, total = read_rows(path)
    report = ImportReport()
    seen_sku: dict[str, int] = {}
    seen_code: dict[str, int] = {}
    seen_plu: dict[str, int] = {}
    batch: list[tuple[int, ProductData]] = []
    done = 0

    def flush() -> None:
        if not batch:
            return
        with sessions() as session:
            plan = plan_products(session, [p for _, p in batch])
            for index, error in sorted(plan.refused.items()):
                line, product = batch[index]
                report.rejected.append(Rejected(line, product.sku, error.code, error.params))
            result = apply_products(session, plan.ok)
            session.commit()
        report.changed += result.changed
        report.unchanged += result.unchanged
        batch.clear()

    for line, raw in rows:
        report.rows += 1
        done += 1
        sku = str(raw.get("sku") or "").strip()
        try:
            product = row_to_product(raw)
            _check_repeats(product, line, seen_sku, seen_code, seen_plu)
        except DomainError as error:
            report.rejected.append(Rejected(line, sku, error.code, error.params))
        else:
            batch.append((line, product))
            if len(batch) >= BATCH_ROWS:
                flush()
        if progress is not None and done % 500 == 0:
            progress(done, total)
    flush()
    if progress is not None:
        progress(done, total)
    report.rejected.sort(key=lambda r: r.line)
    return report


def _check_repeats(product: ProductData, line: int, seen_sku: dict[str, int], seen_code: dict[str, int],
                   seen_plu: dict[str, int]) -> None:
    """A second row for the same SKU, barcode or PLU anywhere in the file is refused."""
    if product.sku in seen_sku:
        raise DomainError("duplicate_sku", sku=product.sku, line=seen_sku[product.sku])
    if product.plu and product.plu in seen_plu:
        raise DomainError("duplicate_plu", plu=product.plu, line=seen_plu[product.plu])
    for code, _ in product.barcodes or ():
        if code in seen_code:
            raise DomainError("duplicate_barcode", code=code, line=seen_code[code])
    seen_sku[product.sku] = line
    if product.plu:
        seen_plu[product.plu] = line
    for code, _ in product.barcodes or ():
        seen_code[code] = line


def _cell(value: Any) -> str:
    """Spreadsheet cells come as numbers: 6901234567892.0 is a barcode, not a float."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def row_to_product(raw: dict[str, Any]) -> ProductData:
    cells = {k: _cell(raw.get(k)) for k in COLUMNS}
    for column in REQUIRED:
        if not cells[column]:
            raise DomainError("missing_field", field=column)
    unit = UNIT_ALIASES.get(cells["unit"].lower() or "piece")
    if unit is None:
        raise DomainError("invalid_unit", unit=cells["unit"][:16])
    kind = KIND_ALIASES.get(cells["kind"].lower())
    if kind is None:
        raise DomainError("invalid_field", field="kind", value=cells["kind"][:16])
    price = parse_yuan(cells["price_yuan"])
    barcodes = None
    if cells["barcode"]:
        barcodes = []
        for part in cells["barcode"].split("|"):
            code, _, quantity = normalise_code(part).partition("*")
            quantity = quantity.strip()
            if quantity and not (is_digits(quantity) and len(quantity) <= 4):
                raise DomainError("invalid_field", field="barcode", value=part[:32])
            barcodes.append((code.strip(), int(quantity) if quantity else 1))
    return product_data(
        cells["sku"], cells["name"], price, spec=cells["spec"], brand=cells["brand"],
        category=cells["category"] or None, unit=unit, plu=cells["plu"] or None,
        tax_rate=_tax_rate(cells["tax_rate"]), barcodes=barcodes, kind=kind,
        origin=cells["origin"] or None, grade=cells["grade"] or None,
    )


def _tax_rate(text: str) -> int:
    if not text:
        return 1300
    try:
        percent = Decimal(text.rstrip("%").strip())
    except InvalidOperation:
        raise DomainError("invalid_tax_rate", tax_rate=text[:16]) from None
    basis = percent * 100
    if basis != basis.to_integral_value() or not 0 <= basis <= 10_000:
        raise DomainError("invalid_tax_rate", tax_rate=text[:16])
    return int(basis)


Rows = Iterator[tuple[int, dict[str, Any]]]


def read_rows(path: Path) -> tuple[Rows, int]:
    """(line number, row by column name) for each data row, and the number of data rows."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _csv_rows(path)
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path)
    raise DomainError("unsupported_file", name=path.name)


def _header(names: list[Any]) -> list[str]:
    header = [_cell(n).lower().lstrip("\ufeff") for n in names]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise DomainError("missing_columns", columns=", ".join(missing))
    return header


def _csv_rows(path: Path) -> tuple[Rows, int]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030")  # Excel on a Chinese Windows saves CSV in GBK
    total = max(0, text.count("\n") - 1 + (0 if text.endswith("\n") else 1))
    reader = csv.reader(io.StringIO(text, newline=""))
    header = _header(next(reader, []))

    def rows() -> Rows:
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            yield reader.line_num, dict(zip(header, values, strict=False))

    return rows(), total


def _xlsx_rows(path: Path) -> tuple[Rows, int]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    sheet = book.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    header = _header(list(next(values, ())))
    total = max(0, (sheet.max_row or 1) - 1)

    def rows() -> Rows:
        try:
            for number, row in enumerate(values, start=2):
                if not any(v not in (None, "") for v in row):
                    continue
                yield number, dict(zip(header, row, strict=False))
        finally:
            book.close()

    return rows(), total
