#!/usr/bin/env python3
"""Lists the functions of src/ longer than a limit (80 lines by default), tests
excluded, the longest first: `tools/long-functions.py [LIMIT] [DIR]`.

A function runs from its `fn` line to the brace that closes its body, its doc
comments and attributes not counted. A `#[cfg(test)]` module is skipped whole.
Braces in strings, characters and comments are ignored; the scan is
line-based and good enough for rustfmt-formatted code, not a Rust parser.
"""

import os
import re
import sys

FN = re.compile(r"^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)")
CFG_TEST = re.compile(r"^\s*#\[cfg\(test\)\]")


def code_only(line, state):
    """The line without strings, chars and comments; `state` carries an open
    block comment or string across lines."""
    out = []
    i = 0
    while i < len(line):
        c = line[i]
        if state["block"]:
            if line.startswith("*/", i):
                state["block"] = False
                i += 2
            else:
                i += 1
            continue
        if state["string"]:
            if c == "\\":
                i += 2
            elif c == '"' and line.startswith('"' + "#" * state["hashes"], i):
                state["string"] = False
                i += 1 + state["hashes"]
            else:
                i += 1
            continue
        if line.startswith("//", i):
            break
        if line.startswith("/*", i):
            state["block"] = True
            i += 2
            continue
        raw = re.match(r'b?r(#*)"', line[i:])
        if raw and (i == 0 or not (line[i - 1].isalnum() or line[i - 1] == "_")):
            state["string"] = True
            state["hashes"] = len(raw.group(1))
            i += raw.end()
            continue
        if c == '"':
            state["string"] = True
            state["hashes"] = 0
            i += 1
            continue
        char = re.match(r"'(\\.|[^\\'])'", line[i:])
        if char:
            i += char.end()
            continue
        out.append(c)
        i += 1
    # A plain string ending with the line goes on; escapes cannot cross lines.
    return "".join(out)


def functions(path):
    """(name, first line, length) of each function of the file, tests excluded."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    state = {"block": False, "string": False, "hashes": 0}
    depth = 0
    open_fns = []  # (name, line, depth of its body)
    skip_until = None  # depth at which a test module closes
    cfg_test = False
    found = []
    for number, line in enumerate(lines, 1):
        code = code_only(line, state)
        if skip_until is None:
            if CFG_TEST.match(line):
                cfg_test = True
            elif cfg_test and re.match(r"^\s*(pub\s+)?mod\s+\w+\s*\{", code):
                skip_until = depth
                cfg_test = False
            elif code.strip() and not code.strip().startswith("#"):
                cfg_test = False
            m = FN.match(code)
            if m and skip_until is None:
                open_fns.append((m.group(6), number, depth))
        for c in code:
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if skip_until is not None and depth == skip_until:
                    skip_until = None
                while open_fns and open_fns[-1][2] == depth:
                    name, first, _ = open_fns.pop()
                    found.append((name, first, number - first + 1))
        # A declaration without a body (in a trait) closes at its `;`.
        if open_fns and code.rstrip().endswith(";") and open_fns[-1][2] == depth:
            open_fns.pop()
    return found


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 80
    root = sys.argv[2] if len(sys.argv) > 2 else "src"
    rows = []
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".rs"):
                path = os.path.join(folder, name)
                rows += [(n, path, first, length) for n, first, length in functions(path)]
    long = sorted((r for r in rows if r[3] > limit), key=lambda r: -r[3])
    for name, path, first, length in long:
        print(f"{length:4} {path}:{first} {name}")
    print(f"{len(long)} function(s) over {limit} lines, of {len(rows)}")


if __name__ == "__main__":
    main()
