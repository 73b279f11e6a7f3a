"""`commarch new` and `commarch templates`: exit codes, files written, nothing overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from commarch.cli import main
from commarch.fileformat import load
from commarch.templates import TEMPLATE_NAMES


def test_templates_lists_every_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(TEMPLATE_NAMES)
    assert main(["templates", "--lang", "de"]) == 0
    assert "Krisenkommunikation" in capsys.readouterr().out


@pytest.mark.parametrize("lang", ["de", "en"])
def test_new_from_template(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "crisis.comm"
    assert main(["new", "--template", "crisis", "--lang", lang, "-o", str(out)]) == 0
    model = load(out)
    assert model.meta is not None and model.meta.language == lang
    assert len(model.elements) >= 15


def test_new_empty(tmp_path: Path) -> None:
    out = tmp_path / "empty.comm"
    assert main(["new", "-o", str(out)]) == 0
    model = load(out)
    assert model.elements == [] and model.relations == []


def test_new_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "mine.comm"
    out.write_text("precious", encoding="utf-8")
    assert main(["new", "--template", "b2c", "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "precious"
    err = capsys.readouterr().err
    assert err.startswith("commarch: ") and "--force" in err and len(err.strip().splitlines()) == 1
    assert main(["new", "--template", "b2c", "-o", str(out), "--force"]) == 0
    assert len(load(out).elements) >= 15


def test_new_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--template", "nope", "-o", str(tmp_path / "a.comm")]) == 2
    assert "unknown template" in capsys.readouterr().err
    assert not (tmp_path / "a.comm").exists()
    assert main(["new", "-o", str(tmp_path / "missing" / "a.comm")]) == 2
    assert main(["new", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and all(line.startswith("commarch: ") for line in err.splitlines())


def test_new_requires_output() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["new"])
    assert exc.value.code == 2
