#!/usr/bin/env bash
# The Debian packages the set-up and the test suite need beyond Python:
# Node.js and npm (test tools, Pyodide), the three browser engines, nginx with
# its brotli_static module, and Xvfb for WebKitGTK. `make test` runs this first.
# As root with apt-get it installs what is missing; otherwise it stops, before
# any test, with one line naming the packages to install.
set -euo pipefail

PYTHON=${PYTHON:-python3}
on_path() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/usr/bin/$1" ]; }

missing=()
on_path node || missing+=(nodejs)
on_path npm || missing+=(npm)
"$PYTHON" -c 'import ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
on_path chromium || [ -n "${CHROMIUM:-}" ] || missing+=(chromium)
on_path nginx || missing+=(nginx)
[ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
on_path firefox-esr || missing+=(firefox-esr)
on_path WebKitWebDriver || missing+=(webkit2gtk-driver)
on_path Xvfb || missing+=(xvfb)

((${#missing[@]})) || exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
  exit 0
fi
echo "Missing system packages; install them first: sudo apt-get install ${missing[*]}" >&2
exit 1
