#!/usr/bin/env python3
"""Main-content extraction of saved web pages: Dossier against trafilatura, on the same pages.

Pages come from $DEVDATA (default /work/devdata-html, filled by scripts/fetch_devdata_html.sh):
  readability/<name>/source.html with expected.html (mozilla/readability's test pages)
  benchmark/<id>.html with ground-truth.json's articleBody (scrapinghub/article-extraction-benchmark)
Each page is scored by token 4-gram shingles (the benchmark's own measure: \\w+ tokens, shingle
counts compared): precision, recall and F1 per page, then averaged. Pages are split once, by a
hash of their name, into a dev half (used while tuning) and a held-out half (only its totals are
printed unless --pages held-out is asked for).

Dossier's text is `dossier normalize FILE --format json`: section headings, passages and notes,
without the document title (neither truth includes the headline reliably). trafilatura is a
yardstick only: it runs from a virtualenv under /tmp (created on first use), never from the build.

  scripts/eval_ingest.py [--dossier .build/debug/dossier] [--split dev|held-out|all] [--pages dev]
"""
import argparse
import concurrent.futures as cf
import hashlib
import html.parser
import json
import os
import re
import statistics
import subprocess
import sys
from collections import Counter
from pathlib import Path

DEVDATA = Path(os.environ.get("DEVDATA", "/work/devdata-html"))
VENV = Path(os.environ.get("TRAFILATURA_VENV", "/tmp/dossier-eval-venv"))
TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text):
    return TOKEN.findall(text or "")


def shingles(text, n=4):
    t = tokens(text)
    return Counter(tuple(t[i:i + n]) for i in range(max(1, len(t) - n + 1)) if t[i:i + n])


def score(truth, pred):
    """(precision, recall, f1) of one page, as the benchmark counts them."""
    a, b = shingles(truth), shingles(pred)
    tp = sum(min(a[k], b[k]) for k in a.keys() & b.keys())
    fp = sum(b.values()) - tp
    fn = sum(a.values()) - tp
    p = 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))
    r = 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))
    f = 0.0 if p + r == 0 else 2 * p * r / (p + r)
    return p, r, f


class TextOf(html.parser.HTMLParser):
    """The text of an HTML fragment (readability's expected.html), blocks on their own lines."""
    BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "pre", "blockquote", "figcaption", "td", "th"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag in self.BLOCKS:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def html_text(s):
    p = TextOf()
    p.feed(s)
    return "".join(p.out)


def pages():
    """(name, html path, truth text) for every dev-data page."""
    out = []
    r = DEVDATA / "readability"
    for d in sorted(r.iterdir()) if r.is_dir() else []:
        if (d / "source.html").is_file() and (d / "expected.html").is_file():
            out.append(("readability/" + d.name, d / "source.html", html_text((d / "expected.html").read_text(errors="replace"))))
    b = DEVDATA / "benchmark"
    if (b / "ground-truth.json").is_file():
        truth = json.loads((b / "ground-truth.json").read_text())
        for key in sorted(truth):
            if (b / f"{key}.html").is_file():
                out.append(("benchmark/" + key[:12], b / f"{key}.html", truth[key].get("articleBody", "")))
    return out


def split_of(name):
    return "held-out" if int(hashlib.sha1(name.encode()).hexdigest()[:8], 16) % 2 else "dev"


def dossier_text(binary, path, pipeline=None):
    """Body text Dossier keeps, or an error line."""
    extra = ["--config", pipeline] if pipeline else []
    try:
        run = subprocess.run([binary, "normalize", str(path), "--format", "json"] + extra, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return "", "timeout"
    if run.returncode != 0:
        return "", (run.stderr.strip().splitlines() or ["exit %d" % run.returncode])[-1]
    d = json.loads(run.stdout)
    parts = []
    for s in d.get("sections", []):
        if s.get("heading"):
            parts.append(s["heading"])
        parts += [p["text"] for p in s.get("passages", [])]
    parts += [n["text"] for n in d.get("footnotes", [])]
    return "\n".join(parts), None


def ensure_trafilatura():
    """Re-runs this script under a virtualenv that has trafilatura, creating it if needed."""
    try:
        import trafilatura  # noqa: F401
        return
    except ImportError:
        pass
    py = VENV / "bin" / "python"
    if not py.exists():
        print(f"creating {VENV} with trafilatura (a yardstick, not a build dependency)…", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "trafilatura", "lxml_html_clean"], check=True)
    os.execv(str(py), [str(py), os.path.abspath(sys.argv[0])] + sys.argv[1:])  # the script that was run


def trafilatura_text(path):
    import trafilatura
    return trafilatura.extract(path.read_bytes().decode("utf-8", errors="replace"), include_comments=False) or ""


TOTALS_HEADER = f"{'split':<10} {'pages':>5}  {'Dossier P':>9} {'R':>6} {'F1':>6}  {'trafilatura P':>13} {'R':>6} {'F1':>6}"


def by_split(results):
    """(split, rows) for the dev and held-out halves that have rows; a row's second item is its split."""
    return [(s, [r for r in results if r[1] == s]) for s in ("dev", "held-out") if any(r[1] == s for r in results)]


def mean(xs):
    return statistics.mean(xs) if xs else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dossier", default=".build/debug/dossier")
    ap.add_argument("--split", choices=["dev", "held-out", "all"], default="all")
    ap.add_argument("--pages", choices=["none", "dev", "held-out"], default="none", help="print per-page rows of this split")
    ap.add_argument("--only", default="", help="only pages whose name contains this")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--pipeline", help="a pipeline file other than ./pipeline.yaml (to try options)")
    ap.add_argument("--no-trafilatura", action="store_true")
    args = ap.parse_args()
    if not args.no_trafilatura:
        ensure_trafilatura()
    todo = [p for p in pages() if (args.split == "all" or split_of(p[0]) == args.split) and args.only in p[0]]
    if not todo:
        sys.exit(f"no pages under {DEVDATA}: run scripts/fetch_devdata_html.sh")

    def one(page):
        name, path, truth = page
        text, error = dossier_text(args.dossier, path, args.pipeline)
        d = score(truth, text)
        t = None if args.no_trafilatura else score(truth, trafilatura_text(path))
        title_only = bool(tokens(truth)) and not tokens(text)
        return name, split_of(name), d, t, title_only, error

    with cf.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(one, todo))

    if args.pages != "none":
        print(f"{'page':<48} {'D.P':>6} {'D.R':>6} {'D.F1':>6}   {'T.F1':>6}")
        for name, split, d, t, title_only, error in results:
            if split != args.pages:
                continue
            flag = " TITLE-ONLY" if title_only else ""
            flag += f" ERROR {error}" if error else ""
            print(f"{name:<48} {d[0]:6.3f} {d[1]:6.3f} {d[2]:6.3f}   {t[2] if t else float('nan'):6.3f}{flag}")
        print()
    print(TOTALS_HEADER + f"  {'title-only':>10} {'errors':>6}")
    for split, rows in by_split(results):
        d = [r[2] for r in rows]
        t = [r[3] for r in rows if r[3]]
        print(f"{split:<10} {len(rows):>5}  {mean([x[0] for x in d]):9.3f} {mean([x[1] for x in d]):6.3f} {mean([x[2] for x in d]):6.3f}"
              f"  {mean([x[0] for x in t]):13.3f} {mean([x[1] for x in t]):6.3f} {mean([x[2] for x in t]):6.3f}"
              f"  {sum(r[4] for r in rows):>10} {sum(1 for r in rows if r[5]):>6}")


if __name__ == "__main__":
    main()
