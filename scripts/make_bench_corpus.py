#!/usr/bin/env python3
"""Deterministic synthetic corpus for `make bench`.

Each document is one of the bundled sample documents with its sections shuffled and its
partner country (name and adjective forms found in the title) swapped for another country
from facts.yaml. The same N always gives the same bytes.
"""
import argparse
import pathlib
import random
import re
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent


def countries():
    names = []
    in_list = False
    for line in (ROOT / "facts.yaml").read_text(encoding="utf-8").splitlines():
        if line.startswith("countries:"):
            in_list = True
            continue
        if in_list and line.startswith("  - "):
            item = line[4:].strip()
            m = re.match(r'\{name: "([^"]+)"', item)
            names.append(m.group(1) if m else item.strip('"'))
    return names


def sections(text):
    """Blocks grouped into sections: a short line without closing punctuation starts one."""
    blocks = re.split(r"\n\s*\n", text)
    head, groups = blocks[:3], []
    for b in blocks[2:]:
        s = b.strip()
        if groups and not (len(s.split()) <= 8 and not s.endswith((".", ",", ";", ":"))):
            groups[-1].append(b)
        else:
            groups.append([b])
    return head, groups


def partner(text):
    """The country the sample is about: the capitalised word after 'with' or 'in' near the top."""
    for line in [l for l in text.splitlines() if l.strip()][:4]:
        m = re.search(r"(?:with|in) ([A-Z][a-z]+)", line)
        if m:
            return m.group(1)
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--out", default="bench/out")
    args = ap.parse_args()
    out = pathlib.Path(args.out)
    (out / "corpus").mkdir(parents=True, exist_ok=True)
    samples = sorted((ROOT / "corpus").glob("*.txt"))
    names = countries()
    rng = random.Random(1994)
    total = 0
    for i in range(args.n):
        sample = samples[i % len(samples)]
        text = sample.read_text(encoding="utf-8")
        old = partner(text)
        new = names[rng.randrange(len(names))]
        head, groups = sections(text)
        rng.shuffle(groups)
        body = "\n\n".join(head + ["\n\n".join(g) for g in groups]) + "\n"
        if old:
            # The country and its adjective stem ("Turkmenistan", "Turkmen").
            stem = re.sub(r"(istan|ia|an)$", "", old)
            body = body.replace(old, new).replace(stem, new)
        path = out / "corpus" / f"doc-{i:05d}.txt"
        path.write_text(body, encoding="utf-8")
        total += len(body.encode("utf-8"))
    for f in ("taxonomy.yaml", "facts.yaml", "statements.yaml", "models/areas.json"):
        (out / f).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / f, out / f)
    pipeline = (ROOT / "pipeline.yaml").read_text(encoding="utf-8")
    (out / "pipeline.yaml").write_text(pipeline, encoding="utf-8")
    print(f"bench: {args.n} documents, {total / 1e6:.1f} MB in {out}/corpus")
    pdfs = write_pdf_corpus(out, pipeline, copies=max(1, args.n // 30))
    print(f"bench: {pdfs} PDFs in {out}/pdf")


def write_pdf_corpus(out, pipeline, copies):
    """The real PDF fixtures, `copies` times each under new names (the cache keys on the path),
    with a pipeline of their own that reads them: ingest.pdf and the normalizers measured on
    the layouts users keep, apart from the text corpus."""
    (out / "pdf").mkdir(parents=True, exist_ok=True)
    count = 0
    for k in range(copies):
        for src in sorted((ROOT / "Tests/Fixtures/real/pdf").glob("*.pdf")):
            shutil.copy(src, out / "pdf" / f"{src.stem}-{k:03d}.pdf")
            count += 1
    lines = pipeline.splitlines(keepends=True)
    swapped = [l.replace("[corpus/*.txt]", "[pdf/*.pdf]").replace("output: reports", "output: reports-pdf")
               for l in lines]
    (out / "pipeline-pdf.yaml").write_text("".join(swapped), encoding="utf-8")
    return count


if __name__ == "__main__":
    main()
