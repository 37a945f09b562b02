#!/bin/sh
# Puts the web-page extraction dev data in $DEVDATA (default /work/devdata-html), outside git:
#   readability/<name>/{source.html,expected.html}  from https://github.com/mozilla/readability
#       (test/test-pages; repository Apache-2.0, pages © their publishers)
#   benchmark/<id>.html + benchmark/ground-truth.json from
#       https://github.com/scrapinghub/article-extraction-benchmark (html/*.html.gz; MIT, pages © their publishers)
# Each repository is read from a local git mirror when one is given (READABILITY_GIT,
# BENCHMARK_GIT, TRAFILATURA_GIT: a git directory) and cloned from GitHub otherwise.
set -eu
DEVDATA=${DEVDATA:-/work/devdata-html}
READABILITY_GIT=${READABILITY_GIT:-/work/.mirror/mozilla+readability/repo}
BENCHMARK_GIT=${BENCHMARK_GIT:-/work/.mirror/scrapinghub+article-extraction-benchmark/repo}
TRAFILATURA_GIT=${TRAFILATURA_GIT:-/work/.mirror/adbar+trafilatura/repo}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

repo() { # $1 mirror dir, $2 GitHub URL, $3 name -> prints a git dir
    if [ -d "$1" ]; then echo "$1"; else git clone --quiet --bare --depth 1 "$2" "$tmp/$3" && echo "$tmp/$3"; fi
}

mkdir -p "$DEVDATA/readability" "$DEVDATA/benchmark" "$DEVDATA/trafilatura"
r=$(repo "$READABILITY_GIT" https://github.com/mozilla/readability readability)
git --git-dir="$r" archive HEAD test/test-pages | tar -x -C "$tmp"
cp -r "$tmp/test/test-pages/." "$DEVDATA/readability/"

b=$(repo "$BENCHMARK_GIT" https://github.com/scrapinghub/article-extraction-benchmark benchmark)
git --git-dir="$b" archive HEAD html ground-truth.json | tar -x -C "$tmp"
for f in "$tmp"/html/*.html.gz; do gunzip -c "$f" > "$DEVDATA/benchmark/$(basename "$f" .gz)"; done
cp "$tmp/ground-truth.json" "$DEVDATA/benchmark/"
t=$(repo "$TRAFILATURA_GIT" https://github.com/adbar/trafilatura trafilatura)
git --git-dir="$t" archive HEAD tests/eval tests/cache tests/evaldata.json | tar -x -C "$tmp"
cp -r "$tmp/tests/eval/." "$tmp/tests/cache/." "$DEVDATA/trafilatura/"
cp "$tmp/tests/evaldata.json" "$DEVDATA/trafilatura/"
echo "dev data in $DEVDATA: $(ls "$DEVDATA/readability" | wc -l) readability pages, $(ls "$DEVDATA/benchmark"/*.html | wc -l) benchmark pages, $(ls "$DEVDATA/trafilatura"/*.html | wc -l) trafilatura pages"
