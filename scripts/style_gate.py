"""Style gate for plugins/ and simulator/: McCabe complexity at most MAX_COMPLEXITY for every
function (ruff's C901, pinned in requirements-dev.txt), and no tracked Python file outside tests/
over MAX_LINES lines of code.

Lines of code are the lines that are neither blank nor only a comment; the module
documentation strings (DOCUMENTATION, EXAMPLES, RETURN) do not count. Prints the most complex
functions and the largest files, and exits 1 when either limit is broken.
"""

import ast
import io
import json
import re
import subprocess
import sys
import tokenize
from pathlib import Path

MAX_LINES = 400
MAX_COMPLEXITY = 10
COMPLEXITY_DIRS = ("plugins", "simulator")
DOC_STRINGS = ("DOCUMENTATION", "EXAMPLES", "RETURN")


def doc_string_lines(tree):
    lines = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) in DOC_STRINGS for t in node.targets):
            lines.update(range(node.lineno, node.end_lineno + 1))
    return lines


def lines_of_code(text):
    code = set()
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
                              tokenize.ENDMARKER):
            code.update(range(token.start[0], token.end[0] + 1))
    return len(code - doc_string_lines(ast.parse(text)))


def tracked_python(root):
    names = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"], cwd=root,
                           capture_output=True, text=True, check=True).stdout.split()
    return [root / n for n in names if not n.startswith("tests/")] if names else list(_walk(root))


def _walk(root):
    for path in root.rglob("*.py"):
        parts = path.relative_to(root).parts
        if parts[0] not in ("tests", ".venv") and "__pycache__" not in parts:
            yield path


def complexities(root):
    """[(complexity, 'file:line name')] of every function, most complex first (ruff reports all at limit 0)."""
    found = json.loads(subprocess.run(
        ["ruff", "check", "--select", "C901", "--config", "lint.mccabe.max-complexity=0", "--output-format", "json",
         "--exit-zero", *COMPLEXITY_DIRS], cwd=root, capture_output=True, text=True, check=True).stdout)
    out = []
    for item in found:
        match = re.match(r"`(.+)` is too complex \((\d+) > 0\)", item["message"])
        where = "%s:%d %s" % (Path(item["filename"]).relative_to(root.resolve()), item["location"]["row"], match.group(1))
        out.append((int(match.group(2)), where))
    return sorted(out, reverse=True)


def complexity_gate(root):
    ranked = complexities(root)
    for value, where in ranked[:3]:
        print("complexity %2d  %s" % (value, where))
    over = [(value, where) for value, where in ranked if value > MAX_COMPLEXITY]
    for value, where in over:
        print("over the complexity limit of %d: %s (%d)" % (MAX_COMPLEXITY, where, value))
    print("%d functions, highest complexity %d (limit %d)" % (len(ranked), ranked[0][0] if ranked else 0, MAX_COMPLEXITY))
    return not over


def size_gate(root):
    try:
        files = tracked_python(root)
    except (OSError, subprocess.CalledProcessError):
        files = list(_walk(root))
    sizes = sorted(((lines_of_code(p.read_text(encoding="utf-8")), p.relative_to(root)) for p in files), reverse=True)
    for size, path in sizes[:5]:
        print("%4d lines of code  %s" % (size, path))
    over = [(size, path) for size, path in sizes if size > MAX_LINES]
    for size, path in over:
        print("over the limit of %d: %s (%d)" % (MAX_LINES, path, size))
    print("%d Python files outside tests/, largest %d lines of code (limit %d)"
          % (len(sizes), sizes[0][0] if sizes else 0, MAX_LINES))
    return not over


def main(root="."):
    root = Path(root)
    complexity_ok = complexity_gate(root)
    size_ok = size_gate(root)
    return 0 if complexity_ok and size_ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
