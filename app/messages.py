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
    "hq_not_connected": ("本店未连接总部：会员、券和储值暂不可用", "This store is not connected to HQ: members, coupons and stored value are unavailable"),
    "hq_unreachable": ("总部连接中断：会员、券和储值暂不可用，现金收款不受影响", "HQ cannot be reached: members, coupons and stored value are unavailable; cash sales go on"),
    "coupon_on_ticket": ("此券已在本单：{code}", "Coupon {code} is already on this ticket"),
    "coupon_not_on_ticket": ("本单没有此券：{code}", "Coupon {code} is not on this ticket"),
    "ticket_being_paid": ("已开始收款，不能再改券", "Payment has started: coupons can no longer change"),
    "overpaid_stored_value": ("储值支付不能超过应收 {due}", "Stored value cannot pay more than the {due} due"),
    "line_not_in_sale": ("第 {line} 行不在销售单 {sale} 中", "Line {line} is not part of sale {sale}"),
    "return_exceeds_sale": ("{name} 最多还能退 {left}", "At most {left} of {name} can still be returned"),
    "invalid_promotion": ("促销 {promotion} 无效：{reason}", "Promotion {promotion} is invalid: {reason}"),
    "member_required": ("请先关联会员（Ctrl+M）", "Attach the member first (Ctrl+M)"),
    "insufficient_points": ("积分不足：现有 {points}，需要 {needed}", "Not enough points: {points}, {needed} needed"),
    "points_whole_fen": ("积分抵现金额须为整分", "Points pay whole fen only"),
    "points_entry_not_found": ("找不到这笔积分抵现：{ref}", "No points payment {ref}"),
    "coupon_batch_not_found": ("券批次不存在或不能用于此操作：{batch}", "No coupon batch {batch} fit for this"),
    "coupon_stock_short": ("此批次未发出的纸券只剩 {left} 张", "Only {left} unsent paper coupons are left in this batch"),
    "offline_coupon_limit": ("总部离线：今日离线用券已达上限 {limit} 张", "HQ is out of reach: today's {limit} offline coupons are used up"),
    "coupon_item_missing": ("请先扫描兑换券上的商品，再用券：{code}", "Scan the goods this coupon is for first, then the coupon {code}"),
    "invalid_phone": ("手机号无效：{phone}", "Not a valid mobile number: {phone}"),
    "member_exists": ("该手机号已是会员：{phone}", "{phone} is already a member"),
    "member_not_found": ("未找到会员", "No such member"),
    "member_code_invalid": ("会员码无效", "Not a valid member code"),
    "member_code_expired": ("会员码已过期，请刷新后重新出示", "The member code has expired: refresh it and show it again"),
    "member_code_used": ("会员码已使用过，请刷新后重新出示", "The member code was used already: refresh it and show it again"),
    "coupon_not_found": ("券码不存在：{code}", "No coupon {code}"),
    "coupon_used": ("券已核销：{code}", "Coupon {code} has been used"),
    "coupon_voided": ("券已作废：{code}", "Coupon {code} is void"),
    "coupon_in_use": ("券正在其他订单中使用：{code}", "Coupon {code} is on another ticket"),
    "coupon_not_yet_valid": ("券尚未生效（{start} 起可用）：{code}", "Coupon {code} is valid from {start}"),
    "coupon_expired": ("券已过期（{end}）：{code}", "Coupon {code} expired on {end}"),
    "coupon_wrong_store": ("本店不可使用此券：{code}", "Coupon {code} is not valid in this store"),
    "coupon_not_members": ("此券属于其他会员：{code}", "Coupon {code} belongs to another member"),
    "coupon_below_threshold": ("未达到用券门槛（满 {threshold} 可用）", "The cart must reach {threshold} for this coupon"),
    "coupon_not_reserved": ("券未被本单占用：{code}", "Coupon {code} is not held for this ticket"),
    "coupon_template_not_found": ("券模板不存在：{template}", "No coupon template {template}"),
    "campaign_exists": ("活动编号已存在：{code}", "Campaign code already exists: {code}"),
    "campaign_not_found": ("活动不存在：{code}", "No such campaign: {code}"),
    "gift_card_not_found": ("礼品卡不存在：{card}", "No gift card {card}"),
    "gift_card_mistyped": ("卡号有误，请重新扫描或核对：{card}", "That card number is mistyped: scan it again or check it ({card})"),
    "gift_card_expired": ("礼品卡已过期，不能再用：{card}（有效期至 {on}）", "Expired gift card: {card} (valid until {on})"),
    "gift_card_topup": ("礼品卡不能充值：{card}", "Gift card {card} cannot be topped up"),
    "gift_card_sold": ("此礼品卡已售出，不能再卖：{card}", "Gift card {card} has been sold already"),
    "gift_card_required": ("{name} 是礼品卡：请刷卡或输入卡号", "{name} is a gift card: swipe it or type its number"),
    "gift_card_on_ticket": ("此礼品卡已在本单：{card}", "Gift card {card} is already on this ticket"),
    "gift_card_not_returnable": ("礼品卡售出后不退：{name}", "Gift cards are not returnable: {name}"),
    "gift_card_tender": ("礼品卡须用现金购买", "Gift cards are bought with cash"),
    "not_a_gift_card": ("此商品不是礼品卡：{name}", "{name} is not a gift card"),
    "return_nothing": ("请选择要退的商品", "Choose what comes back"),
    "wallet_not_found": ("储值卡不存在或已停用", "No such stored-value card, or it is closed"),
    "insufficient_balance": ("储值余额不足（余额 {balance}）", "Not enough stored value (balance {balance})"),
    "wallet_entry_not_found": ("找不到这笔储值消费：{ref}", "No stored-value payment {ref}"),
    "conflict_not_found": ("本店没有这条待处理事项：{conflict}", "This store has no such item to handle: {conflict}"),
    "conflict_already_resolved": ("此事项已由 {by} 处理过", "This item was handled already, by {by}"),
    "resolution_note_invalid": ("请填写处理说明（不超过 {limit} 字）", "Write what was done (at most {limit} characters)"),
    "weight_required": ("{name} 是称重商品：请放上秤或输入重量", "{name} is sold by weight: put it on the scale or enter the weight"),
    "override_required": ("此操作需要主管授权", "This needs a supervisor's authorisation"),
    "override_denied": ("授权人工号或密码错误，或权限不足", "Authoriser code or PIN is wrong, or not senior enough"),
    "ticket_not_found": ("单据不存在：{ticket}", "No such ticket: {ticket}"),
    "ticket_closed": ("单据已结束，不能修改", "This ticket is closed and can't be changed"),
    "ticket_not_parked": ("单据未挂起", "This ticket is not parked"),
    "ticket_has_tenders": ("已收款的单据不能挂单", "A ticket with payments can't be parked"),
    "ticket_open": ("收银台还有未结束的单据", "This till still has a ticket in progress"),
    "line_not_found": ("商品行不存在", "No such line"),
    "line_voided": ("该行已删除", "This line is already voided"),
    "quantity_fixed": ("称重码商品和礼品卡不能改数量", "The quantity of a price-embedded item or a gift card can't be changed"),
    "sale_not_found": ("销售单不存在：{sale}", "No such sale: {sale}"),
    "return_not_found": ("退货单不存在：{return_no}", "No such return: {return_no}"),
    "unsupported_tender": ("不支持的支付方式：{method}", "Unsupported tender: {method}"),
    "invalid_text": ("{field} 无效：不能含控制字符，最长 {limit} 个字", "Invalid {field}: no control characters, at most {limit} characters"),
    "invalid_number": ("{field} 无效：须为整数，且不超过 {limit}", "Invalid {field}: a whole number no larger than {limit}"),
    "ticket_full": ("本单商品行已达上限 {limit} 行，请分单结账", "The ticket holds {limit} lines at most: split the sale"),
    "override_locked": ("授权密码错误次数过多，{minutes} 分钟内不能再申请授权", "Too many wrong authorisations: none for {minutes} minutes"),
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
    # ---- HQ: enrolment, signed store requests, event ingest, master data, API keys ----
    "bad_enrolment_code": ("开通码无效、已使用或已过期", "The enrolment code is wrong, used or expired"),
    "unknown_store": ("门店不存在或尚未开通：{store}", "Unknown or not yet enrolled store: {store}"),
    "store_disabled": ("门店已停用：{store}", "Store {store} is disabled"),
    "stale_request": ("请求时间戳超出允许范围，请校准门店电脑时间", "Request timestamp out of range: check the store PC's clock"),
    "replayed_request": ("重复的请求（随机数已使用）", "Replayed request (nonce already used)"),
    "bad_signature": ("请求签名无效", "Bad request signature"),
    "batch_too_large": ("批次过大（上限 {max_events} 条、{max_bytes} 字节）", "Batch too large (at most {max_events} events, {max_bytes} bytes)"),
    "event_conflict": ("事件 {event_id} 与总部已有的内容不一致", "Event {event_id} conflicts with what HQ already holds"),
    "event_field_invalid": ("总部读不了此事件的 {field}：已搁置，其余照常上传", "HQ cannot read {field} of this event: set aside, the rest uploads as usual"),
    "event_text_invalid": ("此事件的 {field} 含有总部不能保存的字符：已搁置，其余照常上传", "{field} of this event holds characters HQ cannot keep: set aside, the rest uploads as usual"),
    "event_not_applicable": ("总部无法入账此事件：已搁置，其余照常上传", "HQ could not record this event: set aside, the rest uploads as usual"),
    "sequence_gap": ("事件序号不连续，应从 {expected} 开始", "Events out of sequence: expected seq {expected}"),
    "invalid_api_key": ("API 密钥缺失、无效或已吊销", "API key missing, unknown or revoked"),
    "insufficient_scope": ("API 密钥没有权限：{scope}", "This API key lacks the scope {scope}"),
    "unknown_scope": ("未知的权限范围：{scope}", "Unknown scope: {scope}"),
    "api_key_not_found": ("API 密钥不存在：{key}", "No such API key: {key}"),
    "ambiguous_key_prefix": ("前缀 {prefix} 匹配多个密钥，请输入更长的前缀", "Prefix {prefix} matches several keys: give more characters"),
    "store_exists": ("门店编号已存在：{store}", "Store code already exists: {store}"),
    "store_not_found": ("门店不存在：{store}", "No such store: {store}"),
    "invalid_store_code": ("门店编号无效：{store}（1-16 位字母、数字、-、_）", "Invalid store code {store} (1-16 letters, digits, - or _)"),
    "invalid_sku": ("商品编码无效：{sku}", "Invalid SKU: {sku}"),
    "unknown_sku": ("商品编码不存在：{sku}", "No product with SKU {sku}"),
    "invalid_unit": ("单位无效：{unit}（piece 或 gram）", "Invalid unit {unit} (piece or gram)"),
    "invalid_tax_rate": ("税率无效：{tax_rate}", "Invalid tax rate: {tax_rate}"),
    "invalid_plu": ("PLU 无效：{plu}（1-6 位数字）", "Invalid PLU {plu} (1-6 digits)"),
    "invalid_role": ("岗位无效：{role}（cashier、supervisor 或 manager）", "Invalid role {role} (cashier, supervisor or manager)"),
    "invalid_pin": ("密码须为 4-8 位数字", "A PIN is 4-8 digits"),
    "pin_required": ("新员工 {operator} 需要设置密码", "New operator {operator} needs a PIN"),
    "missing_field": ("缺少必填项：{field}", "Missing required field: {field}"),
    "invalid_field": ("字段 {field} 的值无效：{value}", "Invalid value for {field}: {value}"),
    "duplicate_sku": ("商品编码重复：{sku}（已在第 {line} 行）", "SKU {sku} repeated (already on line {line})"),
    "duplicate_barcode": ("条码重复：{code}（已在第 {line} 行）", "Barcode {code} repeated (already on line {line})"),
    "duplicate_plu": ("PLU 重复：{plu}（已在第 {line} 行）", "PLU {plu} repeated (already on line {line})"),
    "barcode_in_use": ("条码 {code} 已属于商品 {sku}", "Barcode {code} already belongs to SKU {sku}"),
    "plu_in_use": ("PLU {plu} 已属于商品 {sku}", "PLU {plu} already belongs to SKU {sku}"),
    "missing_columns": ("导入文件缺少列：{columns}", "The import file lacks the columns: {columns}"),
    "unsupported_file": ("不支持的文件类型：{name}（请用 .csv 或 .xlsx）", "Unsupported file {name} (use .csv or .xlsx)"),
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
