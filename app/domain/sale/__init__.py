"""The sale (小票) as a pure aggregate, its tenders and its returns. See ``sale.py``."""

from app.domain.limits import MAX_LINES
from app.domain.sale.refunds import RefundPlan, RefundShare, SoldLine, SoldPayment, allocate, plan_refund
from app.domain.sale.sale import (
    Approval,
    Coupon,
    Line,
    Payment,
    Pricer,
    Sale,
    SaleRules,
    Status,
    approval_required,
    no_promotions,
)
from app.domain.sale.tenders import (
    CASH,
    DIRECT_TENDERS,
    GIFT_CARD,
    PLATFORM,
    POINTS,
    STORED_VALUE,
    TENDERS,
    Authoriser,
    RefundTo,
    TenderKind,
    label,
    tender_kind,
)

__all__ = [
    "CASH", "GIFT_CARD", "PLATFORM", "POINTS", "STORED_VALUE", "DIRECT_TENDERS", "MAX_LINES", "TENDERS", "Approval", "Authoriser", "Coupon", "Line", "Payment", "Pricer", "RefundPlan",
    "RefundShare", "RefundTo", "Sale", "SaleRules", "SoldLine", "SoldPayment", "Status", "TenderKind", "allocate",
    "approval_required", "label", "no_promotions", "plan_refund", "tender_kind",
]
