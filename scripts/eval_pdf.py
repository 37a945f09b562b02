#!/usr/bin/env python3
"""PDF round trip: text documents typeset as the PDFs analysts keep, read back by Dossier.

Each source text (the sample corpus, the devset and Tests/Gold/extra by default) is set by
WeasyPrint in two layouts a think-tank or journal uses:
  report   one column, running headers alternating between the title and a publisher line,
           page numbers, footnotes, a bar chart (axis numbers, a legend) with a caption;
  journal  the same in two justified, hyphenated columns;
  book     one justified column, paragraphs marked only by a first-line indent (no space
           between them), as in books and many reports.
`dossier normalize FILE --format json` reads each PDF back. Its body (headings, passages,
notes, without the title) is scored against what Dossier reads from the text file itself, plus
the caption and notes the typesetting added (not the chart's numbers nor the furniture), by token
4-gram shingles, as
scripts/eval_ingest.py scores web pages (precision, recall, F1 per document, averaged).
Numbers are counted apart: every number of the source text ("8.8", "13,000", "2005") must come
back (recall), and no chart tick may enter the body (the count of such leaks). Paragraph breaks
are counted too: a source paragraph's end (its last six words) is kept when one of Dossier's
passages ends there (recall); a passage of twelve words or more that ends where no source
paragraph, heading, caption or note does is a break too many (precision).

  scripts/eval_pdf.py [--dossier .build/release/dossier] [--docs DIR ...] [--pages] [--keep DIR]
"""
import argparse
import html
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_ingest import dossier_text, score, tokens  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DOCS = [ROOT / "corpus", ROOT.parent / "shared/devset/docs", ROOT / "Tests/Gold/extra/docs"]
NUMBER = re.compile(r"\d[\d,.]*\d|\d")
CHART_TICKS = ["1800", "1350", "900", "450", "1975", "1980", "1985", "1990"]
CAPTION = "Figure 1. Volume of trade, 1975–1990: $8.8 billion at the peak (5.4 percent a year)."
LEGEND = "Imports"
LAYOUTS = ("report", "journal", "book")


def blocks(text):
    """Title and body blocks of a text file: paragraphs split at blank lines, lines joined."""
    if re.search(r"\n\s*\n", text):
        paras = [re.sub(r"\s*\n\s*", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    else:  # one paragraph per line
        paras = [line.strip() for line in text.splitlines()]
    paras = [p for p in paras if p]
    if not paras:
        return "Partnership review", []
    if len(paras[0]) > 120:  # an excerpt that starts mid-article: a neutral title of its own
        return "Partnership review", paras
    return paras[0], paras[1:]


def is_heading(p):
    return len(p) < 80 and not re.search(r"[.:;,!?]$", p) and len(p.split()) <= 10


def chart():
    bars = "".join(
        f'<rect x="{60 + 60 * i}" y="{110 - h}" width="30" height="{h}" fill="#777"/>'
        for i, h in enumerate([40, 70, 90, 55])
    )
    ticks = "".join(
        f'<text x="5" y="{20 + 30 * i}" font-size="7">{t}</text>' for i, t in enumerate(CHART_TICKS[:4])
    )
    years = "".join(
        f'<text x="{60 + 60 * i}" y="125" font-size="7">{t}</text>' for i, t in enumerate(CHART_TICKS[4:])
    )
    legend = f'<text x="250" y="20" font-size="7">{LEGEND}</text>'
    return (
        f'<figure><svg width="290" height="130">{bars}{ticks}{years}{legend}</svg>'
        f"<figcaption>{html.escape(CAPTION)}</figcaption></figure>"
    )


def typeset(title, body, layout):
    """The HTML WeasyPrint sets, and the text that should come back."""
    parts, truth = [], []
    for i, p in enumerate(body):
        if is_heading(p):
            parts.append(f"<h2>{html.escape(p)}</h2>")
            truth.append(p)
            continue
        note = ""
        if i % 4 == 2:
            text = f"On this point see the author's interviews, note {i}."
            note = f'<span class="fn">{html.escape(text)}</span>'
            truth.append(text)
        parts.append(f"<p>{html.escape(p)}{note}</p>")
        truth.append(p)
        if i == 3:
            parts.append(chart())
            truth.append(CAPTION)
    body_css = {
        "report": "",
        "journal": ".body { columns: 2; column-gap: 0.8cm; text-align: justify; hyphens: auto; }",
        "book": ".body { text-align: justify; hyphens: auto; } .body p { margin: 0; text-indent: 1.5em; }",
    }[layout]
    doc = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 2.4cm 2cm;
  @bottom-center {{ content: counter(page); font-size: 9pt; }} }}
@page :right {{ @top-right {{ content: "{html.escape(title[:60])}"; font-size: 8pt; }} }}
@page :left {{ @top-left {{ content: "Centre for Partnership Studies | Policy Paper"; font-size: 8pt; }} }}
body {{ font-family: serif; font-size: 10.5pt; }}
h1 {{ font-size: 18pt; }} h2 {{ font-size: 13pt; text-align: left; }}
{body_css}
.fn {{ float: footnote; font-size: 7.5pt; }}
figure {{ margin: 0.5em 0; }} figcaption {{ font-size: 8.5pt; }}
</style></head><body><h1>{html.escape(title)}</h1><div class="body">{"".join(parts)}</div></body></html>"""
    return doc, "\n".join(truth)


def dossier_body(binary, path):
    """The body Dossier keeps (scripts/eval_ingest.py's reading of it), or None and the error."""
    text, error = dossier_text(binary, path, str(ROOT / "pipeline.yaml"))
    return (None, error) if error else (text, None)


def extra_notes(truth):
    return [line for line in truth.splitlines() if line.startswith("On this point see the author's interviews")]


def ending(text):
    """A paragraph's last six words, without a note call at its end ("2011.3", "Gaburici1")."""
    return " ".join(tokens(re.sub(r"(?<=[A-Za-z.!?:;,”\"’)])\d{1,2}$", "", text.strip()))[-6:])


def breaks(truth, got, body):
    """Paragraph ends kept, of the source's body paragraphs (any passage may end there); passage
    ends of twelve words or more that are real ends (of a source paragraph, or of what Dossier
    reads from the text file, headings, caption and notes included)."""
    want = {ending(p) for p in body if not is_heading(p)}
    real = want | {ending(p) for p in truth.splitlines() if p.strip()}
    ends = {ending(p) for p in got.splitlines() if p.strip()}
    long = {ending(p) for p in got.splitlines() if len(tokens(p)) >= 12}
    return len(want & ends), len(want), len(long & real), len(long)


def numbers(text):
    return Counter(NUMBER.findall(text))


def one(binary, src, layout, workdir):
    title, body = blocks(src.read_text(encoding="utf-8"))
    doc, truth = typeset(title, body, layout)
    stem = f"{src.stem}.{layout}"
    page = workdir / f"{stem}.html"
    pdf = workdir / f"{stem}.pdf"
    page.write_text(doc, encoding="utf-8")
    subprocess.run(["weasyprint", str(page), str(pdf)], check=True, capture_output=True)
    # What the text itself gives (the same normalizers read the same words from the .txt), plus
    # the caption and notes the typesetting added: the PDF should give no more and no less.
    reference, error = dossier_body(binary, src)
    if reference is None:
        return stem, (0.0, 0.0, 0.0), 0.0, 0, (0, 0, 0, 0), "the text itself: " + error
    truth = "\n".join([reference or ""] + [CAPTION] * (CAPTION in truth) + extra_notes(truth))
    got, error = dossier_body(binary, pdf)
    if got is None:
        return stem, (0.0, 0.0, 0.0), 0.0, 0, (0, 0, 0, 0), error
    want, found = numbers(truth), numbers(got)
    kept = sum(min(n, found[k]) for k, n in want.items()) / max(1, sum(want.values()))
    leaks = sum(max(0, found[t] - want[t]) for t in CHART_TICKS)
    return stem, score(truth, got), kept, leaks, breaks(truth, got, body), None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dossier", default=str(ROOT / ".build/release/dossier"))
    ap.add_argument("--docs", action="append", type=Path)
    ap.add_argument("--pages", action="store_true", help="print a row per document")
    ap.add_argument("--keep", type=Path, help="keep the PDFs in this folder")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    sources = sorted(p for d in (args.docs or DEFAULT_DOCS) for p in Path(d).glob("*.txt") if p.is_file())
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="dossier-eval-pdf-"))
    workdir.mkdir(parents=True, exist_ok=True)
    jobs = [(s, layout) for s in sources for layout in LAYOUTS]
    with ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda j: one(args.dossier, j[0], j[1], workdir), jobs))
    if args.pages:
        print(f"{'document':60} {'P':>6} {'R':>6} {'F1':>6} {'nums':>6} leaks")
        for stem, (p, r, f), kept, leaks, _, error in sorted(results, key=lambda x: x[1][2]):
            print(f"{stem[:60]:60} {p:6.3f} {r:6.3f} {f:6.3f} {kept:6.3f} {leaks:5d} {error or ''}")
    print(f"{'layout':10} {'docs':>5} {'P':>6} {'R':>6} {'F1':>6} {'numbers kept':>13} {'chart leaks':>12} "
          f"{'breaks R':>9} {'breaks P':>9} errors")
    for layout in LAYOUTS:
        rows = [x for x in results if x[0].endswith("." + layout)]
        n = len(rows)
        mean = [sum(x[1][i] for x in rows) / max(1, n) for i in range(3)]
        kept = sum(x[2] for x in rows) / max(1, n)
        leaks = sum(x[3] for x in rows)
        errors = sum(1 for x in rows if x[5])
        b = [sum(x[4][i] for x in rows) for i in range(4)]
        print(f"{layout:10} {n:5d} {mean[0]:6.3f} {mean[1]:6.3f} {mean[2]:6.3f} {kept:13.3f} {leaks:12d} "
              f"{b[0] / max(1, b[1]):9.3f} {b[2] / max(1, b[3]):9.3f} {errors}")


if __name__ == "__main__":
    main()
