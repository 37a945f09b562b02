#!/usr/bin/env python3
"""Main-content extraction judged by snippets: what must be in the text, what must not.

A second yardstick beside eval_ingest.py, on other pages: trafilatura's own evaluation set
(adbar/trafilatura tests/eval and tests/cache, with tests/evaldata.json; about 990 pages, mostly
German and English blogs, shops, institutions and news), which scripts/fetch_devdata_html.sh puts
in $DEVDATA/trafilatura. For every page the data lists a few sentences of its main text ("with")
and a few pieces of chrome or metadata ("without": menu items, dates, footers). A "with"
snippet found in the extracted text is a true positive, one missed a false negative; a "without"
snippet found is a false positive. Precision, recall and F1 are counted over all snippets, as
trafilatura's tests/evaluate.py counts them (text compared with whitespace collapsed).

Pages are split by a hash of their file name into a dev half and a held-out half, as in
eval_ingest.py; tune on dev and look at the held-out totals only.

  scripts/eval_snippets.py [--dossier .build/debug/dossier] [--split dev|held-out|all] [--pages dev]
"""
import argparse
import concurrent.futures as cf
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_ingest  # noqa: E402

DATA = Path(os.environ.get("DEVDATA", "/work/devdata-html")) / "trafilatura"


def flat(text):
    return " ".join((text or "").split())


def counts(page, text):
    """(tp, fn, fp, missed, leaked) of one page's snippets against one extraction."""
    text = flat(text)
    wanted = [flat(s) for s in page.get("with", [])]
    unwanted = [flat(s) for s in page.get("without", [])]
    missed = [s for s in wanted if s not in text]
    leaked = [s for s in unwanted if s in text]
    return len(wanted) - len(missed), len(missed), len(leaked), missed, leaked


def prf(rows):
    tp, fn, fp = (sum(r[i] for r in rows) for i in range(3))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dossier", default=".build/debug/dossier")
    ap.add_argument("--split", choices=["dev", "held-out", "all"], default="all")
    ap.add_argument("--pages", choices=["none", "dev", "held-out"], default="none",
                    help="print the missed and leaked snippets of this split's pages")
    ap.add_argument("--only", default="", help="only pages whose file name contains this")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-trafilatura", action="store_true")
    args = ap.parse_args()
    if not args.no_trafilatura:
        eval_ingest.ensure_trafilatura()
    index = DATA / "evaldata.json"
    if not index.is_file():
        sys.exit(f"no {index}: run scripts/fetch_devdata_html.sh")
    data = json.loads(index.read_text())
    todo = [p for p in data.values()
            if (DATA / p["file"]).is_file() and args.only in p["file"]
            and (args.split == "all" or eval_ingest.split_of(p["file"]) == args.split)]

    def one(page):
        path = DATA / page["file"]
        text, error = eval_ingest.dossier_text(args.dossier, path)
        t = None if args.no_trafilatura else counts(page, eval_ingest.trafilatura_text(path))
        return page["file"], eval_ingest.split_of(page["file"]), counts(page, text), t, error

    with cf.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(one, todo))

    if args.pages != "none":
        for name, split, d, _, error in results:
            if split == args.pages and (d[1] or d[2] or error):
                print(f"{name}{' ERROR ' + error if error else ''}")
                for s in d[3]:
                    print(f"  missed: {s[:110]}")
                for s in d[4]:
                    print(f"  leaked: {s[:110]}")
        print()
    print(eval_ingest.TOTALS_HEADER + f"  {'errors':>6}")
    for split, rows in eval_ingest.by_split(results):
        d = prf([r[2] for r in rows])
        t = prf([r[3] for r in rows if r[3]]) if not args.no_trafilatura else (float("nan"),) * 3
        print(f"{split:<10} {len(rows):>5}  {d[0]:9.3f} {d[1]:6.3f} {d[2]:6.3f}  {t[0]:13.3f} {t[1]:6.3f} {t[2]:6.3f}"
              f"  {sum(1 for r in rows if r[4]):>6}")


if __name__ == "__main__":
    main()
