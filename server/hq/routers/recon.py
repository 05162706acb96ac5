"""对账 and the ERP's vouchers for HQ finance (scope ``finance``; ``admin`` admits everything):
import a provider's bill, the calendar of days × channels, a day's totals and differences with
their drill-down, resolve a difference, close and reopen a day, the vouchers and their accounts.

A store's manager has the same calendar, day and drill-down for their own store through the
store server, which signs its calls (``/stores/{store}/recon/...``): another store's days are
refused; the manager may resolve a difference and close the day, audited as the store and their
operator code; reopening a closed day stays HQ finance's."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from app.domain.errors import DomainError
from app.hq import keys, services
from app.hq.models import ApiKey
from app.hq.recon import days, erp, imports, payouts
from server.fields import Count, Day
from server.hq import schemas
from server.hq.deps import DB, RawBody, SignedStore, documented_body, scoped, signed_body
from server.hq.responses import (
    ErpAccountsOut,
    ImportReportOut,
    ImportsOut,
    PayoutsOut,
    ReconCalendarOut,
    ReconDayOut,
    ReconSaleOut,
    ReconSettingsOut,
    VouchersOut,
)
from server.responses import answer

router = APIRouter(tags=["reconciliation"])

Finance = Annotated[ApiKey, Depends(scoped(keys.FINANCE))]

#: the vouchers as a file (``format`` csv, kingdee, yonyou)
FILES: dict[int | str, dict[str, Any]] = {200: {"content": {
    "text/csv": {"schema": {"type": "string"}},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string",
                                                                                     "format": "binary"}}}}}


@router.post("/recon/imports", response_model=ImportReportOut)
def import_bill(key: Finance, session: DB, body: schemas.ReconImportIn) -> dict[str, Any]:
    """Import a provider's file (base64): the same file twice changes nothing; rows it could not
    read are listed; a file it cannot trust is refused whole."""
    try:
        content = base64.b64decode(body.content, validate=False)
    except (binascii.Error, ValueError):
        raise DomainError("invalid_field", status=422, field="content", value="base64") from None
    report = services.import_bill(session, content, body.filename, kind=body.kind, source="upload", actor=key.name)
    return report.as_dict()


@router.get("/recon/imports", response_model=ImportsOut)
def list_imports(key: Finance, session: DB, cursor: Count = 0,
                 limit: Annotated[int, Query(ge=1, le=500)] = 100) -> dict[str, Any]:
    return imports.listing(session, cursor, limit)


@router.get("/recon/settings", response_model=ReconSettingsOut)
def recon_settings(key: Finance, session: DB) -> dict[str, Any]:
    data = imports.recon_settings(session)
    return {"merchants": dict(data.get("merchants", {})), "settlement_days": dict(data.get("settlement_days", {}))}


@router.put("/recon/settings", response_model=ReconSettingsOut)
def save_recon_settings(key: Finance, session: DB, body: schemas.ReconSettingsIn) -> dict[str, Any]:
    """The merchant ids a bill must carry and each channel's settlement cycle (T+N)."""
    data = {"merchants": dict(body.merchants), "settlement_days": dict(body.settlement_days)}
    return services.save_recon_settings(session, data)


@router.get("/recon/calendar", response_model=ReconCalendarOut)
def calendar(key: Finance, session: DB, first: Annotated[Day, Query(alias="from")],
             last: Annotated[Day, Query(alias="to")], store: schemas.Text16 | None = None) -> dict[str, Any]:
    """Days × channels for every store (or one): matched, differences, missing_bill, empty."""
    return days.calendar(session, first, last, store)


@router.get("/recon/payouts", response_model=PayoutsOut)
def payouts_view(key: Finance, session: DB, first: Annotated[Day, Query(alias="from")],
                 last: Annotated[Day, Query(alias="to")]) -> dict[str, Any]:
    """回款: each channel's payout of the bill days, due T+N, against the bank statement's credits."""
    return payouts.payouts(session, first, last)


@router.get("/recon/days/{store}/{day}", response_model=ReconDayOut)
def day_view(key: Finance, session: DB, store: schemas.Text16, day: Day) -> dict[str, Any]:
    """One store's day: per channel ours vs theirs, fees, payout and the differences; the cash."""
    return days.day_view(session, store, day)


@router.post("/recon/days/{store}/{day}/resolve", response_model=ReconDayOut)
def resolve(key: Finance, session: DB, store: schemas.Text16, day: Day,
            body: schemas.ReconResolveIn) -> dict[str, Any]:
    """Resolve a difference with its reason; who and when are kept."""
    return services.resolve_difference(session, store, day, body.channel, body.key, body.action, body.note, key.name)


@router.post("/recon/days/{store}/{day}/close", response_model=ReconDayOut)
def close_day(key: Finance, session: DB, store: schemas.Text16, day: Day) -> dict[str, Any]:
    """Close the day: refused while a difference is open."""
    return services.close_recon_day(session, store, day, key.name)


@router.post("/recon/days/{store}/{day}/reopen", response_model=ReconDayOut)
def reopen_day(key: Finance, session: DB, store: schemas.Text16, day: Day,
               body: schemas.ReconReopenIn) -> dict[str, Any]:
    """Reopen a closed day (HQ finance), with the reason."""
    return services.reopen_recon_day(session, store, day, body.note, key.name)


@router.get("/recon/sales/{store}/{sale_id}", response_model=ReconSaleOut)
def sale(key: Finance, session: DB, store: schemas.Text16, sale_id: schemas.Id) -> dict[str, Any]:
    """A difference's drill-down to our side: the sale, its tenders, its lines."""
    return days.sale_detail(session, store, sale_id)


@router.get("/erp/vouchers", response_model=VouchersOut, responses=FILES)
def vouchers(key: Finance, session: DB, day: Annotated[Day, Query(alias="date")], store: schemas.Text16,
             output: Annotated[Literal["json", "csv", "kingdee", "yonyou"], Query(alias="format")] = "json") -> Response:
    """The store's vouchers of the day, numbered at the first export and the same ever after (a
    later correction is an adjusting voucher); refused until the store has closed the day."""
    kept = services.export_vouchers(session, store, day)
    data, media = erp.render(store, day, kept, output)
    headers = {} if output == "json" else {
        "Content-Disposition": f'attachment; filename="vouchers-{store}-{day.isoformat()}.'
                               f'{"csv" if output == "csv" else "xlsx"}"'}
    return Response(data, media_type=media, headers=headers)


@router.get("/erp/accounts", response_model=ErpAccountsOut)
def erp_accounts(key: Finance, session: DB) -> dict[str, Any]:
    return erp.accounts(session)


@router.put("/erp/accounts", response_model=ErpAccountsOut)
def save_erp_accounts(key: Finance, session: DB, body: schemas.ErpAccountsIn) -> dict[str, Any]:
    """The chart of accounts by role (科目代码): what each tender, revenue, tax and fee books to."""
    return services.save_erp_accounts(session, [(a.role, a.code, a.name) for a in body.accounts])


# ---- a store's manager, their own store (signed by the store) ------------------------------------------
@router.get("/stores/{store}/recon/calendar", response_model=ReconCalendarOut)
def store_calendar(signer: SignedStore, session: DB, store: schemas.Text16,
                   first: Annotated[Day, Query(alias="from")], last: Annotated[Day, Query(alias="to")]) -> Response:
    """The signing store's days × channels."""
    return answer(ReconCalendarOut, days.calendar(session, first, last, days.own_store(signer, store)))


@router.get("/stores/{store}/recon/days/{day}", response_model=ReconDayOut)
def store_day_view(signer: SignedStore, session: DB, store: schemas.Text16, day: Day) -> Response:
    """One of the signing store's days: per channel ours vs theirs, the differences, the cash."""
    return answer(ReconDayOut, days.day_view(session, days.own_store(signer, store), day))


@router.get("/stores/{store}/recon/sales/{sale_id}", response_model=ReconSaleOut)
def store_sale(signer: SignedStore, session: DB, store: schemas.Text16, sale_id: schemas.Id) -> Response:
    """A difference's drill-down to one of the signing store's sales."""
    return answer(ReconSaleOut, days.sale_detail(session, days.own_store(signer, store), sale_id))


@router.post("/stores/{store}/recon/days/{day}/resolve", response_model=ReconDayOut,
             openapi_extra=documented_body(schemas.StoreReconResolveIn))
def store_resolve(signer: SignedStore, session: DB, store: schemas.Text16, day: Day, body: RawBody) -> Response:
    """The store's manager resolves a difference of the store's day with its reason."""
    code = days.own_store(signer, store)
    data = signed_body(schemas.StoreReconResolveIn, body)
    return answer(ReconDayOut, services.resolve_difference(session, code, day, data.channel, data.key, data.action,
                                                           data.note, days.store_actor(signer, data.operator)))


@router.post("/stores/{store}/recon/days/{day}/close", response_model=ReconDayOut,
             openapi_extra=documented_body(schemas.StoreReconCloseIn))
def store_close_day(signer: SignedStore, session: DB, store: schemas.Text16, day: Day, body: RawBody) -> Response:
    """The store's manager closes the store's day once every difference is resolved."""
    code = days.own_store(signer, store)
    data = signed_body(schemas.StoreReconCloseIn, body)
    return answer(ReconDayOut, services.close_recon_day(session, code, day, days.store_actor(signer, data.operator)))


@router.post("/stores/{store}/recon/days/{day}/reopen", response_model=ReconDayOut,
             openapi_extra=documented_body(schemas.StoreReconReopenIn))
def store_reopen_day(signer: SignedStore, store: schemas.Text16, day: Day, body: RawBody) -> Response:
    """Reopening a closed day needs HQ finance: a store is always refused."""
    days.own_store(signer, store)
    raise DomainError("recon_reopen_hq_only", status=403)
