#!/bin/sh
# Installs every Debian 12 package Cunzhan needs to build, run and test. Idempotent; needs root
# (or sudo). Set CUNZHAN_SKIP_APT=1 to skip when the packages are known to be there.
set -eu

PACKAGES="
build-essential cmake ninja-build pkg-config git
qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-qpa-plugins
qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
qt6-multimedia-dev
libgl-dev libvulkan-dev
fonts-noto-cjk
sqlite3 libsqlite3-dev util-linux libicu-dev libargon2-dev
libzxing-dev zbar-tools
cups cups-client cups-bsd printer-driver-cups-pdf libcups2-dev poppler-utils
zlib1g-dev libssl-dev openssl libcpp-httplib-dev libmicrohttpd-dev nginx-light libqt6sql6-psql postgresql-15 postgresql-client-15
clang-14 libclang-rt-14-dev clang-format
"

if [ "${CUNZHAN_SKIP_APT:-0}" = "1" ]; then
    exit 0
fi

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
if [ -z "$missing" ]; then
    echo "setup-deps: all packages present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "setup-deps: missing packages:$missing; run this script as root" >&2
        exit 1
    fi
fi
echo "setup-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
# shellcheck disable=SC2086
$SUDO apt-get install -y --no-install-recommends $missing
