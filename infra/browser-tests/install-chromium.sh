#!/usr/bin/env bash
# Run by the build before the browser tests (pre-integration-test): installs Debian's Chromium and chromedriver
# when they are missing, so `./mvnw verify` needs nothing but a JDK on a Debian machine. Selenium never downloads
# a browser or driver itself.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "The browser tests need Chromium and chromedriver: install them (on Debian: apt-get install chromium chromium-driver)" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing Debian's chromium and chromium-driver for the browser tests"
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
