#!/usr/bin/env python3
"""Times a full build of the synthetic corpus, then the cmark CLI on the same volume of
Markdown the build produced, and prints both with their ratio."""
import argparse
import pathlib
import resource
import subprocess
import time


def timed(cmd, **kw):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, **kw)
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--dir", required=True)
    args = ap.parse_args()
    d = pathlib.Path(args.dir)
    docs = sorted((d / "corpus").glob("*.txt"))
    mb = sum(p.stat().st_size for p in docs) / 1e6
    # PDFs are left out: WeasyPrint's time per page would swamp what is measured here.
    cmd = [args.bin, "build", "--quiet", "--format", "md,html,json", "--config", str(d / "pipeline.yaml")]
    build = timed(cmd, stdout=subprocess.DEVNULL)
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
    print(f"no-op rebuild:       {noop:.2f} s  ({build / noop:.1f}x faster than the full build)")
    print(f"peak memory:         {peak_mb:.0f} MB")
    print(f"markdown produced:   {len(md) / 1e6:.2f} MB")
    print(f"cmark on that:       {ref:.3f} s (reference, mean of {passes} runs)")
    print(f"ratio build / cmark: {build / ref:.1f}x")


if __name__ == "__main__":
    main()
