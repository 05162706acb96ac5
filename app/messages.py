"""Translated messages for error codes: the API turns a DomainError into these, once."""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, tuple[str, str]] = {
    # code: (简体中文, English)
    "bad_check_digit": ("条码校验位错误：{code}", "Bad check digit in barcode {code}"),
    "invalid_barcode": ("无法识别的条码：{code}", "Not a valid code: {code}"),
    "unknown_product": ("商品不存在：{code}", "No product with code {code}"),
    "invalid_quantity": ("数量无效：{quantity}", "Invalid quantity: {quantity}"),
    "invalid_amount": ("金额无效：{amount}", "Invalid amount: {amount}"),
    "shift_not_open": ("请先开班（输入备用金）", "Open a shift first (enter the float)"),
    "shift_already_open": ("本收银台已开班", "A shift is already open at this till"),
    "insufficient_tender": ("收款不足，还需 {due}", "Not enough tendered: {due} still due"),
    "empty_ticket": ("空单不能结账", "An empty ticket cannot be completed"),
    "bad_credentials": ("工号或密码错误（还可尝试 {remaining} 次）", "Wrong operator code or PIN ({remaining} tries left)"),
    "locked_out": ("密码错误次数过多，已锁定 {minutes} 分钟", "Too many wrong PINs: locked for {minutes} minutes"),
    "unknown_till": ("收银台不存在：{till}", "Unknown till: {till}"),
    "unauthorized": ("请先登录", "Please log in"),
    "token_expired": ("登录已过期，请重新登录", "Your session has expired, please log in again"),
    "forbidden": ("没有权限执行此操作", "You are not allowed to do this"),
    "override_required": ("此操作需要主管授权", "This needs a supervisor's authorisation"),
    "override_denied": ("授权人工号或密码错误，或权限不足", "Authoriser code or PIN is wrong, or not senior enough"),
    "ticket_not_found": ("单据不存在：{ticket}", "No such ticket: {ticket}"),
    "ticket_closed": ("单据已结束，不能修改", "This ticket is closed and can't be changed"),
    "ticket_not_parked": ("单据未挂起", "This ticket is not parked"),
    "ticket_has_tenders": ("已收款的单据不能挂单", "A ticket with payments can't be parked"),
    "ticket_open": ("收银台还有未结束的单据", "This till still has a ticket in progress"),
    "line_not_found": ("商品行不存在", "No such line"),
    "line_voided": ("该行已删除", "This line is already voided"),
    "quantity_fixed": ("称重码商品不能改数量", "A price-embedded item's quantity can't be changed"),
    "sale_not_found": ("销售单不存在：{sale}", "No such sale: {sale}"),
    "unsupported_tender": ("不支持的支付方式：{method}", "Unsupported tender: {method}"),
    "command_id_reused": ("请求编号重复但内容不同", "This command id was already used for a different request"),
    "invalid_request": ("请求格式错误：{detail}", "Malformed request: {detail}"),
    "invalid_json": ("请求不是有效的 JSON", "The request body is not valid JSON"),
    "invalid_encoding": ("请求不是有效的 UTF-8 文本", "The request body is not valid UTF-8"),
    "body_too_large": ("请求过大（上限 {limit} 字节）", "Request too large (limit {limit} bytes)"),
    "unknown_profile": ("未知的打印机配置：{profile}", "Unknown printer profile: {profile}"),
    "unknown_format": ("未知的小票格式：{format}", "Unknown receipt format: {format}"),
    "not_found": ("地址不存在", "Not found"),
    "method_not_allowed": ("不支持的请求方法", "Method not allowed"),
    "internal_error": ("服务器内部错误，请联系技术支持", "Internal error, please contact support"),
}


def language_of(accept_language: str | None, default: str = "zh_CN") -> str:
    """'en-US,en;q=0.9' → 'en'; anything Chinese or missing → the default."""
    if not accept_language:
        return default
    first = accept_language.split(",")[0].strip().lower()
    if first.startswith("en"):
        return "en"
    if first.startswith("zh"):
        return "zh_CN"
    return default


def message(error_code: str, language: str = "zh_CN", params: dict[str, Any] | None = None) -> str:
    """The translated text for ``error_code``, filled with ``params``."""
    params = params or {}
    zh, en = MESSAGES.get(error_code, (error_code, error_code))
    template = en if language == "en" else zh
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template.split("{")[0].rstrip("：: ")
