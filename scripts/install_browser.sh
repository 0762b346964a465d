#!/usr/bin/env sh
# The browser the web app's tests drive (tests/web): Debian's chromium, through Playwright's Python client.
# Playwright's own browser download cannot work offline, so the system's chromium is used. Installed here
# where it is missing and this is a Debian machine run as root; elsewhere the browser tests skip and say why.
set -eu
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then exit 0; fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests (apt-get) ..."
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
    && exit 0
  echo "warning: chromium could not be installed; the browser tests will be skipped" >&2
else
  echo "note: no chromium found and not root on Debian: install chromium to run the browser tests" >&2
fi
exit 0
