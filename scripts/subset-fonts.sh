#!/usr/bin/env bash
# Makes lib/ui/fonts/*.woff2: Geist and Geist Mono (variable, from the geist package) cut to the characters the
# screens use, so the two preloaded fonts weigh ~32 KB each instead of ~70 KB (both sit on the path to the first
# paint on a phone). Characters outside the subset still show, in the next font of the CSS stack.
# Needs fonttools with brotli (Debian: apt-get install fonttools python3-brotli). Run after a geist upgrade.
set -euo pipefail
cd "$(dirname "$0")/.."
# Basic Latin, Latin-1 and Latin Extended-A (names), general punctuation (· … — ’ “ ”), currency signs,
# ← → ↑ ↓, minus and the comparison signs the screens print.
UNICODES='U+0000-00FF,U+0100-017F,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20A0-20CF,U+2122,U+2190-2193,U+2212,U+2215,U+2260,U+2264-2265,U+FEFF,U+FFFD'
from=node_modules/geist/dist/fonts
for font in geist-sans/Geist-Variable geist-mono/GeistMono-Variable; do
  pyftsubset "$from/$font.ttf" --unicodes="$UNICODES" --layout-features+=tnum --flavor=woff2 \
    --output-file="lib/ui/fonts/$(basename "$font")-subset.woff2"
done
ls -l lib/ui/fonts/*.woff2
