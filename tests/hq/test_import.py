"""Catalog import: good rows go in, each refused row is reported with its line and reason."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import select

from app.domain.barcode import with_check_digit
from app.hq.models import Barcode, Product
from harness.hq import HQServer

HEADER = "sku,name,spec,brand,category,unit,price_yuan,plu,barcode,tax_rate\n"


def ean() -> str:
    return with_check_digit("693" + str(uuid.uuid4().int)[:9])


def test_a_csv_import_takes_good_rows_and_reports_bad_ones_by_line(hq: HQServer, tmp_path: Path) -> None:
    p = uuid.uuid4().hex[:6].upper()
    cola, water, case = ean(), ean(), with_check_digit("1693" + str(uuid.uuid4().int)[:9])
    bad_digit = cola[:-1] + str((int(cola[-1]) + 1) % 10)
    plu = str(uuid.uuid4().int)[:5]
    rows = [
        f"{p}01,可口可乐,330ml,可口可乐,饮料,piece,3.50,,{cola}|{case}*24,13",  # line 2
        f"{p}02,农夫山泉,550ml,农夫山泉,饮料,件,2,,{water},13%",  # line 3
        f"{p}03,红富士苹果,,,水果,称重,12.98,{plu},,9",  # line 4
        f"{p}04,坏条码,,,饮料,piece,1.00,,{bad_digit},13",  # line 5: bad check digit
        f"{p}05,负价格,,,饮料,piece,-1,,,13",  # line 6
        f"{p}01,重复,,,饮料,piece,1.00,,,13",  # line 7: sku repeated
        f"{p}06,重复条码,,,饮料,piece,1.00,,{water},13",  # line 8: barcode repeated
        f"{p}07,,,,饮料,piece,1.00,,,13",  # line 9: no name
        f"{p}08,箱,,,饮料,box,1.00,,,13",  # line 10: bad unit
        f"{p}09,税率,,,饮料,piece,1.00,,,abc",  # line 11: bad tax rate
        f"{p}10,三位小数,,,饮料,piece,1.005,,,13",  # line 12: bad price
    ]
    path = tmp_path / "catalog.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    result = hq.cli("import", str(path), "--lang", "en", check=False)
    assert result.returncode == 3, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("11 rows: 3 imported or changed, 0 unchanged, 8 rejected")
    rejected = {int(line.split(":")[0].split()[1]): line for line in lines[:-1]}
    assert sorted(rejected) == [5, 6, 7, 8, 9, 10, 11, 12]
    assert "Bad check digit" in rejected[5] and "repeated (already on line 2)" in rejected[7]
    assert "Barcode" in rejected[8] and "line 3" in rejected[8]
    assert "name" in rejected[9] and "unit" in rejected[10].lower() and "tax rate" in rejected[11].lower()
    with hq.db() as session:
        got = {pr.sku: pr for pr in session.scalars(select(Product).where(Product.sku.like(f"{p}%")))}
        assert sorted(got) == [f"{p}01", f"{p}02", f"{p}03"]
        assert got[f"{p}01"].price == 350 and got[f"{p}02"].price == 200 and got[f"{p}02"].tax_rate == 1300
        assert got[f"{p}03"].unit == "gram" and got[f"{p}03"].plu == plu and got[f"{p}03"].tax_rate == 900
        codes = dict(session.execute(select(Barcode.code, Barcode.pack_quantity)
                                     .where(Barcode.product_id == got[f"{p}01"].id)).all())
        assert codes == {cola: 1, case: 24}
    again = hq.cli("import", str(path), "--lang", "en", check=False)
    assert again.stdout.splitlines()[-1].startswith("11 rows: 0 imported or changed, 3 unchanged, 8 rejected")


def test_an_xlsx_import_reads_numeric_cells(hq: HQServer, tmp_path: Path) -> None:
    from openpyxl import Workbook

    p = uuid.uuid4().hex[:6].upper()
    code = ean()
    book = Workbook()
    sheet = book.active
    sheet.append(["SKU", "Name", "spec", "brand", "category", "unit", "price_yuan", "plu", "barcode", "tax_rate"])
    sheet.append([f"{p}01", "康师傅红烧牛肉面", "5连包", "康师傅", "方便食品", "piece", 12.9, None, int(code), 13])
    sheet.append([f"{p}02", "坏价格", "", "", "方便食品", "piece", "abc", None, None, 13])
    path = tmp_path / "catalog.xlsx"
    book.save(path)
    result = hq.cli("import", str(path), "--lang", "en", check=False)
    assert "line 3:" in result.stdout and result.stdout.splitlines()[-1].startswith("2 rows: 1 imported")
    with hq.db() as session:
        product = session.scalar(select(Product).where(Product.sku == f"{p}01"))
        assert product is not None and product.price == 1290
        assert session.scalar(select(Barcode.code).where(Barcode.product_id == product.id)) == code


def test_a_file_without_the_needed_columns_is_refused_whole(hq: HQServer, tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("code,title\n1,x\n", encoding="utf-8")
    result = hq.cli("import", str(path), "--lang", "en", check=False)
    assert result.returncode == 1 and "sku, name, price_yuan" in result.stderr
    other = tmp_path / "catalog.txt"
    other.write_text("x")
    assert "Unsupported file" in hq.cli("import", str(other), "--lang", "en", check=False).stderr


def test_a_gbk_csv_from_excel_is_read(hq: HQServer, tmp_path: Path) -> None:
    sku = "GBK" + uuid.uuid4().hex[:6].upper()
    path = tmp_path / "excel.csv"
    path.write_bytes((HEADER + f"{sku},旺仔牛奶,245ml,旺旺,乳品,piece,4.5,,,13\n").encode("gb18030"))
    assert hq.cli("import", str(path), "--lang", "en").returncode == 0
    with hq.db() as session:
        assert session.scalar(select(Product.name).where(Product.sku == sku)) == "旺仔牛奶"


def test_gift_cards_come_in_by_the_kind_column(hq: HQServer, tmp_path: Path) -> None:
    p = uuid.uuid4().hex[:6].upper()
    path = tmp_path / "cards.csv"
    path.write_text("sku,name,price_yuan,kind\n"
                    f"{p}01,礼品卡 200元,200,礼品卡\n"
                    f"{p}02,可口可乐,3.5,\n"
                    f"{p}03,会员卡,10,membership\n", encoding="utf-8")
    result = hq.cli("import", str(path), "--lang", "en", check=False)
    assert result.stdout.splitlines()[-1].startswith("3 rows: 2 imported or changed, 0 unchanged, 1 rejected")
    assert "line 4" in result.stdout and "kind" in result.stdout
    with hq.db() as session:
        kinds = dict(session.execute(select(Product.sku, Product.kind).where(Product.sku.like(f"{p}%"))).all())
    assert kinds == {f"{p}01": "gift_card", f"{p}02": "goods"}


def test_an_import_may_state_origin_and_grade_and_an_empty_cell_keeps_them(hq: HQServer, tmp_path: Path) -> None:
    sku = "O" + uuid.uuid4().hex[:6].upper()
    path = tmp_path / "origin.csv"
    header = "sku,name,spec,unit,price_yuan,origin,grade\n"
    path.write_text(header + f"{sku},烟台苹果,散装,称重,12.98,山东烟台,一级\n", encoding="utf-8")
    assert hq.cli("import", str(path), "--lang", "en").returncode == 0
    path.write_text(header + f"{sku},烟台苹果,散装,称重,13.98,,\n", encoding="utf-8")
    assert hq.cli("import", str(path), "--lang", "en").returncode == 0
    with hq.db() as session:
        product = session.scalars(select(Product).where(Product.sku == sku)).one()
        assert (product.origin, product.grade, product.price) == ("山东烟台", "一级", 1398)
