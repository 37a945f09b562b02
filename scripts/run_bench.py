#!/usr/bin/env python3
"""Times a full build of the synthetic corpus, then the cmark CLI on the same volume of
Markdown the build produced, and prints both with their ratio; then the per-document cost of
each ingest and normalize stage, for the text corpus and for the real PDFs (from the build's
--summary-json), so two binaries can be compared on the same corpus (--bin)."""
import argparse
import json
import pathlib
import resource
import shutil
import subprocess
import time


def timed(cmd, **kw):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, **kw)
    return time.perf_counter() - start


def cpu_seconds():
    """User and system CPU time of the finished child processes so far (pdftotext included):
    less disturbed than wall time when other jobs share the machine."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def fresh(d):
    """No outputs and no cache from an earlier run (of this binary or another)."""
    for name in ("reports", "reports-pdf", ".dossier-cache"):
        shutil.rmtree(d / name, ignore_errors=True)


def stage_costs(summary_path, documents):
    """Milliseconds per document for each ingest.* and normalize.* stage (wall time summed over
    the documents, which run in parallel: a cost, not an elapsed time)."""
    timings = json.loads(summary_path.read_text())["timingsSeconds"]
    stages = {k: v for k, v in timings.items() if k.startswith(("ingest.", "normalize."))}
    return {k: 1000 * v / documents for k, v in sorted(stages.items()) if v > 0}


def print_costs(label, costs):
    print(f"{label}:")
    for stage, ms in costs.items():
        print(f"  {stage:<28} {ms:8.2f} ms/document")
    print(f"  {'ingest+normalize':<28} {sum(costs.values()):8.2f} ms/document")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--dir", required=True)
    args = ap.parse_args()
    d = pathlib.Path(args.dir)
    fresh(d)
    docs = sorted((d / "corpus").glob("*.txt"))
    mb = sum(p.stat().st_size for p in docs) / 1e6
    # PDFs are left out: WeasyPrint's time per page would swamp what is measured here.
    cmd = [args.bin, "build", "--quiet", "--format", "md,html,json", "--config", str(d / "pipeline.yaml")]
    cpu0 = cpu_seconds()
    build = timed(cmd + ["--summary-json", str(d / "summary.json")], stdout=subprocess.DEVNULL)
    build_cpu = cpu_seconds() - cpu0
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    # The same build again: every document comes from the cache and no file changes.
    noop = timed(cmd, stdout=subprocess.DEVNULL)
    md = b"".join(p.read_bytes() for p in sorted((d / "reports").glob("*.md")))
    (d / "all.md").write_bytes(md)
    # cmark is fast: render the same Markdown several times and take the mean per pass.
    passes = 5
    ref = 0.0
    for _ in range(passes):
        with open(d / "all.md", "rb") as f:
            ref += timed(["cmark"], stdin=f, stdout=subprocess.DEVNULL)
    ref /= passes
    print(f"documents:           {len(docs)} ({mb:.1f} MB of text)")
    print(f"full build:          {build:.2f} s  = {len(docs) / build:.0f} documents/s, {mb / build:.2f} MB/s")
    print(f"full build CPU:      {build_cpu:.2f} s  = {1000 * build_cpu / len(docs):.1f} ms/document (user+sys)")
    print(f"no-op rebuild:       {noop:.2f} s  ({build / noop:.1f}x faster than the full build)")
    print(f"peak memory:         {peak_mb:.0f} MB")
    print(f"markdown produced:   {len(md) / 1e6:.2f} MB")
    print(f"cmark on that:       {ref:.3f} s (reference, mean of {passes} runs)")
    print(f"ratio build / cmark: {build / ref:.1f}x")
    print_costs("text corpus, per stage", stage_costs(d / "summary.json", len(docs)))
    pdfs = sorted((d / "pdf").glob("*.pdf"))
    if pdfs and (d / "pipeline-pdf.yaml").exists():
        pdf_cmd = [args.bin, "build", "--quiet", "--format", "md,html,json", "--config", str(d / "pipeline-pdf.yaml"),
                   "--summary-json", str(d / "summary-pdf.json")]
        cpu0 = cpu_seconds()
        pdf_build = timed(pdf_cmd, stdout=subprocess.DEVNULL)
        pdf_cpu = cpu_seconds() - cpu0
        print(f"pdf build:           {pdf_build:.2f} s for {len(pdfs)} real PDFs, CPU {pdf_cpu:.2f} s"
              f" = {1000 * pdf_cpu / len(pdfs):.1f} ms/document (user+sys, pdftotext included)")
        print_costs("real PDFs, per stage", stage_costs(d / "summary-pdf.json", len(pdfs)))


if __name__ == "__main__":
    main()
