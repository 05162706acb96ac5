#!/usr/bin/env bash
# Installs what OmniStore needs on a fresh Debian/Ubuntu machine: CJK fonts and Qt's system
# libraries (apt, when missing), a virtualenv with the project and its dev extras, and the
# compiled translations. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# Fonts: WenQuanYi for Chinese; Noto Sans CJK for CJK Ext-B (𠮷, U+20BB7), ①, ℃ and the like, and
# Symbola for symbols and emoji in black and white: raster receipts and labels fall back through them,
# found with fontconfig's fc-match.
APT_PACKAGES=(fonts-wqy-microhei fonts-noto-cjk fonts-symbola fontconfig
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libpulse0 libusb-1.0-0 socat)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 \
    || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q "${missing[@]}" >/dev/null; }
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[dev]"
.venv/bin/python -m ui.i18n_build
