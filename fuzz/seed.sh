#!/usr/bin/env bash
# Seed corpus: each sample ledger and writer fixture, prefixed with the byte picking its extension.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/ingest
i=0
for f in ../sample-data/inbox/2026/*.xlsx ../tests/fixtures/writers/*.{xlsx,xls,xlsb,ods} ../tests/fixtures/*.xls; do
  case "$f" in *.xlsx) p='\x00';; *.xls) p='\x01';; *.xlsb) p='\x02';; *.ods) p='\x03';; esac
  { printf "$p"; cat "$f"; } > "corpus/ingest/seed$i"
  i=$((i+1))
done
echo "$i seeds"
