#!/bin/sh
# Build the seed corpora from the bundled profiles and the bad-profile
# fixtures (and, for the PDF target, the Markdown reports rendered from the
# profiles). Run from anywhere; needs a built `socsource`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
for t in load_profile markdown_pdf evaluate_profile diff_json; do
    mkdir -p "$here/corpus/$t"
done
for t in load_profile markdown_pdf evaluate_profile; do
    cp "$repo"/profiles/*.yaml "$repo"/tests/fixtures/bad/*.yaml "$repo"/tests/fixtures/good/*.yaml "$here/corpus/$t/" 2>/dev/null || true
done
(cd "$repo" && cargo build --release --quiet)
bin="${CARGO_TARGET_DIR:-$repo/target}/release/socsource"
out=$(mktemp -d)
for p in "$repo"/profiles/*.yaml; do
    SOURCE_DATE_EPOCH=1764115200 "$bin" report "$p" --format md,json --out "$out" --quiet
done
for f in "$out"/*/report.md; do
    cp "$f" "$here/corpus/markdown_pdf/$(basename "$(dirname "$f")").md"
done
# diff reads assessment.json files.
for f in "$out"/*/assessment.json; do
    cp "$f" "$here/corpus/diff_json/$(basename "$(dirname "$f")").json"
done
rm -rf "$out"
for t in load_profile markdown_pdf evaluate_profile diff_json; do
    echo "$t: $(ls "$here/corpus/$t" | wc -l) seeds"
done
