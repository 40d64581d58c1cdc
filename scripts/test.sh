#!/usr/bin/env bash
# Install what the tests need, lint with ruff, then run every test. This is the README's test
# command and what CI runs (.ci/run). Extra arguments go to pytest (`-n 0`: one process).
#
# The tests run in parallel (pytest-xdist), one worker per core plus one, up to 4
# (BPVIZ_TEST_WORKERS overrides), each with its own Streamlit server and chromium for the browser tests;
# `--dist loadgroup` keeps tests marked with the same xdist_group (a shared nginx and its
# replicas, say) on one worker. Property tests use the Hypothesis profile `ci`
# (tests/conftest.py).
set -euo pipefail
cd "$(dirname "$0")/.."

# Browser tests drive Debian's chromium, which draws the 简体中文 pages with a system
# Chinese font (fonts-wqy-microhei; worksheets bring their own from pip); the scale-out
# test puts nginx in front of two replicas. Install whichever is missing.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)   # the TLS server's test certificate
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then as_root=(); else as_root=(sudo); fi
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python3 -m pip install -q --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
# Lint first: any ruff finding fails the run (rules in pyproject.toml).
python3 -m ruff check .
# One more worker than cores (up to 4): the browser tests wait on pages and servers, and a
# third worker on 2 cores filled those waits (5 min 58 s and 6 min 47 s against 8 min 2 s for two).
workers="${BPVIZ_TEST_WORKERS:-$(python3 -c 'import os; print(min(4, len(os.sched_getaffinity(0)) + 1))')}"
python3 -m pytest -n "$workers" --dist loadgroup "$@"
