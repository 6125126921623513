#!/usr/bin/env bash
# Shared set-up for scripts/start and scripts/test: a virtualenv in .venv with memberdesk
# installed, and the Debian packages memberdesk uses when they are missing and apt can add them.
# Usage: source scripts/setup.sh [app|test]
set -euo pipefail

MD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MD_VENV="${MEMBERDESK_VENV:-$MD_ROOT/.venv}"
MD_PURPOSE="${1:-app}"

say() { printf 'memberdesk setup: %s\n' "$*" >&2; }

find_python() {
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"; return 0
        fi
    done
    return 1
}

# Debian packages: espeak-ng speaks, alsa-utils (aplay) plays sound; for the tests, tmux
# drives a real terminal, fenrir is a real screen reader, poppler-utils (pdftotext,
# pdftoppm) is the reference the benchmarks and fidelity tests measure against, and
# tesseract-ocr with its English and Welsh data reads scanned pages (the OCR tests use it);
# speech-dispatcher with its espeak-ng module and python3-speechd is the queue screen readers
# share (tests/integration/test_speech_dispatcher.py runs a private one).
# Missing ones are installed when apt is there and we may use it.
system_packages() {
    local wanted=(espeak-ng alsa-utils)
    [ "$MD_PURPOSE" = test ] && wanted+=(tmux fenrir poppler-utils tesseract-ocr tesseract-ocr-eng tesseract-ocr-cym
        speech-dispatcher speech-dispatcher-espeak-ng python3-speechd)
    local missing=()
    command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
    command -v aplay >/dev/null 2>&1 || missing+=(alsa-utils)
    if [ "$MD_PURPOSE" = test ]; then
        command -v tmux >/dev/null 2>&1 || missing+=(tmux)
        command -v fenrir >/dev/null 2>&1 || missing+=(fenrir)
        command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
        command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
        local langs=""
        command -v tesseract >/dev/null 2>&1 && langs="$(tesseract --list-langs 2>/dev/null)"
        grep -qx eng <<<"$langs" || missing+=(tesseract-ocr-eng)
        grep -qx cym <<<"$langs" || missing+=(tesseract-ocr-cym)
        command -v speech-dispatcher >/dev/null 2>&1 || missing+=(speech-dispatcher)
        [ -x /usr/lib/speech-dispatcher-modules/sd_espeak-ng ] || missing+=(speech-dispatcher-espeak-ng)
        [ -d "$DEBIAN_SPEECHD" ] || missing+=(python3-speechd)
    fi
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo="none"; fi
    fi
    if command -v apt-get >/dev/null 2>&1 && [ "$sudo" != none ]; then
        say "installing ${missing[*]} with apt-get"
        if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"; } >/dev/null 2>&1; then
            say "could not install ${missing[*]}; reading aloud needs espeak-ng (sudo apt-get install ${wanted[*]})"
        fi
    else
        say "missing ${missing[*]}: install them with your package manager (Debian/Ubuntu: sudo apt-get install ${missing[*]}); reading aloud needs espeak-ng, everything else works without it"
    fi
}

# speechd (Debian python3-speechd) is not on PyPI. The venv's Python need not be Debian's (it
# may be pyenv's), so --system-site-packages would not reach it, and a .pth naming all of
# dist-packages would hide missing pip requirements behind Debian's copies: link speechd alone
# (pure Python, standard library only) into a folder of its own named by a .pth file.
DEBIAN_SPEECHD=/usr/lib/python3/dist-packages/speechd
link_speechd() {
    local site link_dir="$MD_VENV/debian-speechd"
    site="$("$MD_VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    if [ -d "$DEBIAN_SPEECHD" ]; then
        mkdir -p "$link_dir" && ln -sfn "$DEBIAN_SPEECHD" "$link_dir/speechd"
        echo "$link_dir" > "$site/debian-speechd.pth"
    else
        rm -f "$site/debian-speechd.pth"
    fi
}

python_bin="$(find_python)" || { say "memberdesk needs Python 3.11 or newer: install python3 (Debian: sudo apt-get install python3 python3-venv)"; exit 1; }

if [ ! -x "$MD_VENV/bin/python" ]; then
    say "creating a virtualenv in $MD_VENV"
    if ! "$python_bin" -m venv "$MD_VENV" 2>/dev/null; then
        say "could not create a virtualenv: install the venv module (Debian: sudo apt-get install python3-venv)"; exit 1
    fi
fi

system_packages
link_speechd

# Reinstall only when the project's requirements changed since the last set-up.
extras=""; [ "$MD_PURPOSE" = test ] && extras="[test]"
stamp="$MD_VENV/.memberdesk-$MD_PURPOSE-$(cksum < "$MD_ROOT/pyproject.toml" | cut -d' ' -f1)"
if [ ! -e "$stamp" ]; then
    say "installing memberdesk$extras into $MD_VENV"
    "$MD_VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$MD_ROOT$extras" >&2
    touch "$stamp"
fi
export PATH="$MD_VENV/bin:$PATH"
