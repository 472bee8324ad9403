#!/bin/sh
# Build the seed corpora from the bundled profiles and the bad-profile
# fixtures (and, for the PDF target, the Markdown reports rendered from the
# profiles). Run from anywhere; needs a built `socsource`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
for t in load_profile markdown_pdf evaluate_profile; do
    mkdir -p "$here/corpus/$t"
    cp "$repo"/profiles/*.yaml "$repo"/tests/fixtures/bad/*.yaml "$repo"/tests/fixtures/good/*.yaml "$here/corpus/$t/" 2>/dev/null || true
done
(cd "$repo" && cargo build --release --quiet)
md=$(mktemp -d)
for p in "$repo"/profiles/*.yaml; do
    SOURCE_DATE_EPOCH=1764115200 "$repo/target/release/socsource" report "$p" --format md --out "$md" --quiet
done
for f in "$md"/*/report.md; do
    cp "$f" "$here/corpus/markdown_pdf/$(basename "$(dirname "$f")").md"
done
rm -rf "$md"
for t in load_profile markdown_pdf evaluate_profile; do
    echo "$t: $(ls "$here/corpus/$t" | wc -l) seeds"
done
