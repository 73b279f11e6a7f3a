"""The UI code marks its strings in the ways pyside6-lupdate reads, with the context used at run time.

lupdate reads literal calls only: `self.tr("…")` (context: the class), a bare `tr("…")` or `QT_TR_NOOP("…")`
(context: empty, also inside a class), `translate("ctx", "…")` / `QCoreApplication.translate("ctx", "…")`
and `QT_TRANSLATE_NOOP("ctx", "…")`. An alias (`_ = QT_TRANSLATE_NOOP`, `tr = w.tr`) hides the strings
from it, and `w.tr("…")` files them under a context named "w" that no code asks for.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ("src/commarch/gui", "src/commarch/render")
MARKERS = {"QT_TRANSLATE_NOOP", "QT_TR_NOOP", "tr"}
HELPERS = {"tr", "tr_name", "translate", "retranslated"}  # may call translate() with computed texts


def _files() -> list[Path]:
    return sorted(p for d in SOURCE_DIRS for p in (REPO / d).rglob("*.py"))


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _literal(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _problems(path: Path, root: Path = REPO) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(root)
    problems = []
    constants = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign) and _literal(n.value)
                 for t in n.targets if isinstance(t, ast.Name)}
    helper_calls = set()
    for func in ast.walk(tree):
        if isinstance(func, ast.FunctionDef) and func.name in HELPERS:
            helper_calls |= {id(n) for n in ast.walk(func) if isinstance(n, ast.Call)}
            if func.name == "tr":  # a module's tr() helper: bare tr("…") is filed under the empty context
                for call in (n for n in ast.walk(func) if isinstance(n, ast.Call) and _name(n.func) == "translate"):
                    context = call.args[0] if call.args else None
                    value = context.value if _literal(context) else constants.get(_name(context), None)
                    if value != "":
                        problems.append(f"{where}:{call.lineno}: tr() helper must translate in the empty context")
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _name(node.value) in MARKERS:
            problems.append(f"{where}:{node.lineno}: alias of {_name(node.value)} hides strings from lupdate")
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name == "tr" and isinstance(node.func, ast.Attribute) and _name(node.func.value) != "self":
            problems.append(f"{where}:{node.lineno}: {ast.unparse(node.func)}() is filed under a wrong context")
        if name in ("tr", "QT_TR_NOOP") and id(node) not in helper_calls and node.args \
                and not _literal(node.args[0]) and not isinstance(node.args[0], ast.Name):
            problems.append(f"{where}:{node.lineno}: {name}() of a computed text is not extracted")
        if name in ("translate", "QT_TRANSLATE_NOOP") and id(node) not in helper_calls and len(node.args) >= 2 \
                and not (isinstance(node.func, ast.Attribute) and _name(node.func.value) in ("painter", "p")) \
                and not (_literal(node.args[0]) and _literal(node.args[1])):
            problems.append(f"{where}:{node.lineno}: {name}() without literal context and text is not extracted")
    return problems


def test_ui_strings_are_marked_the_way_lupdate_reads_them() -> None:
    problems = [line for path in _files() for line in _problems(path)]
    assert not problems, "\n".join(problems)


def test_the_check_sees_each_pattern_lupdate_misses(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("""
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
_ = QT_TRANSLATE_NOOP
CONTEXT = "dialogs"
def tr(text):
    return QCoreApplication.translate(CONTEXT, text)
def build(w, text):
    t = w.tr
    w.tr("Main toolbar")
    QCoreApplication.translate("ctx", text)
""", encoding="utf-8")
    found = "\n".join(_problems(bad, tmp_path))
    for line in (3, 6, 8, 9, 10):
        assert f"bad.py:{line}:" in found
