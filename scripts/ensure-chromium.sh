#!/usr/bin/env bash
# The e2e tests and browser benchmarks drive Debian's Chromium (browsers cannot be
# downloaded by Playwright here). Install it, and a CJK font for the Korean UI, where
# missing; where that is impossible, say what to install and stop.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
need=()
[ -x "$CHROMIUM" ] || need+=(chromium)
# Not `grep -q`: it exits at the first match, fc-list dies of SIGPIPE, and pipefail
# would report the font missing.
if ! command -v fc-list >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null; then
  need+=(fonts-noto-cjk)
fi

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages for the browser tests: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
  exit 0
fi

if [ -x "$CHROMIUM" ]; then
  echo "Note: ${need[*]} missing; Korean text may render as boxes in screenshots." >&2
  exit 0
fi

cat >&2 <<MSG
The browser tests need Chromium at $CHROMIUM, and it is not installed.
Install Debian's package as root:   apt-get update && apt-get install -y chromium fonts-noto-cjk
(Playwright's own browser download does not work here; the tests use the system Chromium.)
MSG
exit 1
