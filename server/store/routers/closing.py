"""交班与日结: X and Z reports, their slips and exports, and the cash deposits (``app.closing``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from app import clock, closing, commands
from app.domain import limits
from app.domain.errors import DomainError
from app.receipts import shop_name
from server.fields import Day, Integer, text
from server.store.deps import DB, Language, ReadDB, Reader, Who, store_state
from server.store.responses import REPORT_FORMATS, DayClosesOut, DayReportOut, DepositOut
from server.store.schemas import Body, CommandId

router = APIRouter()
FORMATS = ("json", "text", "escpos", "csv", "xlsx")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class CloseDayIn(Body):
    day: Day
    command_id: CommandId


class DepositIn(Body):
    amount: Integer
    taken_by: text(limits.NAME)  # type: ignore[valid-type]
    note: text(limits.NOTE, max_length=400) = ""  # type: ignore[valid-type]
    command_id: CommandId


def _rendered(report: closing.DayReport, format: str, profile: str, language: str, session: Any, settings: Any) -> Any:
    if format == "json":
        return report.as_dict()
    number = f"Z{report.z_no:04d}" if report.kind == "Z" and report.z_no else "X"
    name = f"{number}-{report.business_day}"
    if format == "csv":
        return Response(closing.to_csv(report, language), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    if format == "xlsx":
        return Response(closing.to_xlsx(report, language), media_type=XLSX,
                        headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'})
    from hardware.escpos.profiles import get_profile

    try:
        printer = get_profile(profile)
    except KeyError:
        raise DomainError("unknown_profile", profile=profile[:32]) from None
    store_name = shop_name(session, settings)
    if format == "text":
        return Response(closing.slip_text(report, store_name, printer.columns, language),
                        media_type="text/plain; charset=utf-8")
    if format == "escpos":
        from hardware.escpos.encoder import encode_lines

        return Response(encode_lines(closing.slip(report, store_name, printer.columns, language), printer),
                        media_type="application/octet-stream")
    raise DomainError("unknown_format", format=format[:16])


Format = Annotated[str, Query(max_length=8)]
Profile = Annotated[str, Query(max_length=32)]


@router.get("/closing/x", response_model=DayReportOut, responses=REPORT_FORMATS)
def x_report(request: Request, who: Reader, session: ReadDB, language: Language, day: Day | None = None,
             format: Format = "json", profile: Profile = "80mm") -> Any:
    """X: the business day so far (today unless ``day``); nothing is closed."""
    report = closing.x_report(session, who, day or clock.now().date())
    return _rendered(report, format, profile, language, session, store_state(request).settings)


@router.post("/closing/z", response_model=DayReportOut)
def close_day(body: CloseDayIn, who: Who, session: DB) -> dict[str, Any]:
    """日结: close ``day`` (a manager; once; every shift closed)."""
    return commands.run(session, who, body.command_id, "close_day", {"day": body.day.isoformat()},
                        lambda: closing.close_day(session, who, body.day))


@router.get("/closing/z", response_model=DayClosesOut)
def day_closes(who: Reader, session: ReadDB, first: Annotated[Day, Query(alias="from")],
               last: Annotated[Day, Query(alias="to")]) -> dict[str, Any]:
    return {"items": closing.closes(session, who, first, last)}


@router.get("/closing/z/{z_no}", response_model=DayReportOut, responses=REPORT_FORMATS)
def z_report(request: Request, who: Reader, session: ReadDB, language: Language,
             z_no: Annotated[int, Path(ge=1, le=10**9)], format: Format = "json", profile: Profile = "80mm") -> Any:
    """A Z as it was closed, with the deposits made against it since."""
    report = closing.z_report(session, who, z_no)
    return _rendered(report, format, profile, language, session, store_state(request).settings)


@router.post("/closing/z/{z_no}/deposits", response_model=DepositOut)
def deposit(body: DepositIn, who: Who, session: DB, z_no: Annotated[int, Path(ge=1, le=10**9)]) -> dict[str, Any]:
    """缴款 against a Z: how much, and who took it."""
    payload = {"z_no": z_no, "amount": body.amount, "taken_by": body.taken_by, "note": body.note}
    return commands.run(session, who, body.command_id, "cash_deposit", payload,
                        lambda: closing.record_deposit(session, who, z_no, body.amount, body.taken_by, body.note))
