#!/usr/bin/env bash
# Checks that every string on PracticeDesk's screens has a Spanish translation: runs lupdate
# over the sources into a copy of translations/practicedesk_es.ts (so strings added since the
# last `update_translations` count too) and fails, listing them, when any is unfinished.
#   check-complete.sh LUPDATE SOURCE_DIR
set -euo pipefail
lupdate=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src/translations/practicedesk_es.ts" "$tmp/es.ts"
(cd "$src" && "$lupdate" -silent -no-obsolete -locations none -I . core storage sync models ui app/desktop -ts "$tmp/es.ts") \
  >/dev/null
total=$(grep -c '<message' "$tmp/es.ts")
missing=$(grep -c 'type="unfinished"' "$tmp/es.ts" || true)
if [ "$missing" -ne 0 ]; then
  echo "$missing of $total strings have no Spanish translation yet:"
  grep -B2 'type="unfinished"' "$tmp/es.ts" | grep '<source>' | sed 's/ *<source>/  /; s/<\/source>//' | head -50
  echo "Run: cmake --build --preset dev --target update_translations, translate them in"
  echo "translations/practicedesk_es.ts (Qt Linguist or any editor), and commit the file."
  exit 1
fi
echo "All $total strings are translated into Spanish."
