"""Rewrite the templates' stored positions: `python -m tests.templates.regenerate_positions`.

The positions are stored rather than computed at build time so that `commarch.templates` stays
independent of `commarch.layout` (sibling layers) and a template looks the same in every version.
"""

from __future__ import annotations

from pathlib import Path

from commarch.layout import layered_layout
from commarch.templates import TEMPLATES

TARGET = Path(__file__).resolve().parents[2] / "src" / "commarch" / "templates" / "positions.py"


def render() -> str:
    lines = ['"""Canvas positions of the templates, made by tests/templates/regenerate_positions.py."""', "",
             "POSITIONS: dict[str, dict[str, tuple[int, int]]] = {"]
    for name, template in TEMPLATES.items():
        model = template.build("en")
        for e in model.elements:
            e.x, e.y = 0, 0
        positions = layered_layout(model)
        lines.append(f"    {name!r}: {{")
        for spec in template.elements:
            x, y = positions[spec.id]
            lines.append(f"        {spec.id!r}: ({int(x)}, {int(y)}),")
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines).replace("'", '"') + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}")
