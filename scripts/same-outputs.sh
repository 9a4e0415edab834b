#!/usr/bin/env bash
# Byte-identity check for a refactor (issue 9): build the sample (H1 and year) and a generated
# 100-unit inbox with two tongbao binaries and compare every output file byte for byte.
#
#   scripts/same-outputs.sh OLD_BIN NEW_BIN [GENERATED_DIR]
#
# GENERATED_DIR holds a generated college (tongbao.toml + inbox/2026); make one with
#   TONGBAO_BENCH_GENERATE=DIR TONGBAO_BENCH_UNITS=100 cargo bench --bench pipeline
# Exit status 0 = every output identical. The terminal output of each build is compared too.
set -euo pipefail
old=$(realpath "$1"); new=$(realpath "$2"); gen=${3:-}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
runs=(
  "sample-h1|$root/sample-data|2026H1|2026-07-15"
  "sample-year|$root/sample-data|2026|2027-01-12"
)
if [ -n "$gen" ]; then
  gen=$(realpath "$gen")
  runs+=("gen-h1|$gen|2026H1|2026-07-15" "gen-year|$gen|2026|2027-01-12")
fi
status=0
for r in "${runs[@]}"; do
  IFS='|' read -r name dir period asof <<<"$r"
  for side in old new; do
    bin=$old; [ "$side" = new ] && bin=$new
    out="$work/$side/$name"
    mkdir -p "$out"
    (cd "$dir" && "$bin" --config tongbao.toml build --period "$period" --as-of "$asof" \
      --out "$out/public" >"$out/stdout.txt" 2>"$out/stderr.txt") || echo "$side $name: exit $?" >>"$out/stderr.txt"
    rm -f "$out/public/.tongbao.lock"
    sed -i "s#$out#OUT#g" "$out/stdout.txt" "$out/stderr.txt"
  done
  # check.html embeds the core compiled to WebAssembly: any change to the core changes that one
  # line, so it is compared apart (TONGBAO_SAME_WASM=1 to compare it too).
  ignore=(); [ "${TONGBAO_SAME_WASM:-}" = 1 ] || ignore=(-I 'id="tb-wasm"')
  if diff -r "${ignore[@]}" "$work/old/$name" "$work/new/$name" >"$work/$name.diff"; then
    n=$(find "$work/new/$name/public" -type f | wc -l)
    echo "same: $name ($n files + terminal output)"
  else
    echo "DIFFERENT: $name"; head -40 "$work/$name.diff"; status=1
  fi
done
exit $status
