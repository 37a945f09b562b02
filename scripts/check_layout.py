#!/usr/bin/env python3
"""Checks the layout rules `make lint` applies to the folders given (Sources, Tests, Fuzz): no
file over 300 lines, no function (func, init, subscript) over 60 lines, no line over 120 columns.
Prints every breach as `file:line: what` and exits 1 when there is one.

Swift is not parsed: string literals and comments are blanked out first, then each
declaration's body is found by matching braces, which is exact for the code this repository
holds (no braces inside raw regex literals)."""

import re
import sys
from pathlib import Path

MAX_FILE_LINES = 300
MAX_FUNCTION_LINES = 60
MAX_COLUMNS = 120

DECL = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|package|static|"
                  r"final|override|mutating|nonmutating|convenience|required|nonisolated|@inlinable)\s+)*"
                  r"(func\s+[^\s(<]+|init[?!]?|subscript)\s*[(<]")


def blank_literals(text: str) -> str:
    """Replaces the contents of comments and string literals by spaces, keeping newlines."""
    out = []
    i, n = 0, len(text)
    while i < n:
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith('"""', i):
            j = text.find('"""', i + 3)
            j = n if j < 0 else j + 3
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text[i] == '"':
            j = i + 1
            while j < n and text[j] != '"' and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(" " * (j - i))
            i = j
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def function_breaches(path: Path, code: str):
    lines = code.split("\n")
    for number, line in enumerate(lines, 1):
        match = DECL.match(line)
        if not match:
            continue
        # The body opens at the first "{" after the declaration and closes at its match.
        depth, start, end = 0, None, None
        for k in range(number - 1, len(lines)):
            for ch in lines[k]:
                if ch == "{":
                    depth += 1
                    start = start or k
                elif ch == "}":
                    depth -= 1
                    if start is not None and depth == 0:
                        end = k
                        break
            if end is not None or (start is None and k > number + 10):
                break
        if start is not None and end is not None and end - number + 2 > MAX_FUNCTION_LINES:
            name = match.group(1).replace("func ", "")
            yield f"{path}:{number}: function '{name}' is {end - number + 2} lines (at most {MAX_FUNCTION_LINES})"


def main(roots):
    breaches = []
    for root in roots:
        for path in sorted(Path(root).rglob("*.swift")):
            text = path.read_text(encoding="utf-8")
            lines = text.split("\n")
            count = len(lines) - (1 if text.endswith("\n") else 0)
            if count > MAX_FILE_LINES:
                breaches.append(f"{path}:1: {count} lines (at most {MAX_FILE_LINES}); split it by concern")
            for number, line in enumerate(lines, 1):
                if len(line) > MAX_COLUMNS:
                    breaches.append(f"{path}:{number}: {len(line)} columns (at most {MAX_COLUMNS})")
            breaches.extend(function_breaches(path, blank_literals(text)))
    for b in breaches:
        print(b)
    if breaches:
        print(f"check_layout: {len(breaches)} breach(es)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["Sources"]))
