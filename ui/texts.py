"""Texts that reach the till from elsewhere, said in the till's language.

HQ's refusals arrive at the store as ``code: message`` (``app.sync``), where the message is in
whatever language HQ answered in, and a failed connection brings the network library's English.
The till shows them translated by their stable ``code``; the original stays in a tooltip for
support.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from app.messages import MESSAGES, message

DEFAULT_LANGUAGE = "zh_CN"

#: a Chinese character: HQ's message is already in the till's language when the till speaks Chinese
_CJK = re.compile(r"[\u3400-\u9fff]")
_HTTP_CODE = re.compile(r"^http_(\d{3})$")
_CODE = re.compile(r"^[a-z][a-z0-9_]*$")


def ui_language() -> str:
    """'zh_CN' or 'en': the language the till was started in (``ui.app.install_translator``)."""
    app = QCoreApplication.instance()
    language = app.property("omnistore_language") if app is not None else None
    return "en" if language == "en" else DEFAULT_LANGUAGE


def hq_error_text(raw: str | None) -> str:
    """'unknown_store: …' → '门店不存在或尚未开通：S001' (zh) / 'Unknown or not yet enrolled store: S001' (en).

    HQ's own message is kept when it is already in the till's language (it carries the details,
    the store code, the expected sequence); otherwise the code's text in the till's language.
    """
    if not raw:
        return ""
    code, _, detail = raw.partition(":")
    code, detail = code.strip(), detail.strip()
    if not _CODE.match(code):  # not the store's "code: message": all of it is the message
        code, detail = "", raw.strip()
    language = ui_language()
    if code == "hq_unreachable":
        return QCoreApplication.translate(
            "HqErrors", "HQ cannot be reached: check the store's internet connection. Sales are kept and sent later.")
    http = _HTTP_CODE.match(code)
    if http:
        return QCoreApplication.translate(
            "HqErrors", "HQ answered with an error (HTTP %1): it will be tried again.").replace("%1", http.group(1))
    speaks_chinese = bool(_CJK.search(detail))
    if detail and speaks_chinese == (language != "en"):
        return detail
    if code in MESSAGES:
        return message(code, language)
    if not code:
        return QCoreApplication.translate("HqErrors", "HQ refused it.")
    return QCoreApplication.translate("HqErrors", "HQ refused it (%1).").replace("%1", code)
