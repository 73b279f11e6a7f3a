"""Round trips: load -> save -> load is equal, the second save is byte-identical, unknown keys survive."""

from __future__ import annotations

import json
from pathlib import Path

from commarch.fileformat import dumps, load, loads, save
from commarch.model import CommModel, Stakeholder

from .helpers import DATA, complete_raw, to_bytes


def test_every_version_file_loads() -> None:
    files = sorted(DATA.glob("v*.comm"))
    assert files, "tests/data must hold a file per format version"
    for path in files:
        model = load(path)
        assert model.version == 1


def test_load_save_load_is_equal_and_second_save_identical(tmp_path: Path) -> None:
    first = load(DATA / "v1-complete.comm")
    out = tmp_path / "a.comm"
    save(first, out)
    second = load(out)
    assert second == first
    text1 = out.read_bytes()
    save(second, out)
    assert out.read_bytes() == text1


def test_saved_text_is_canonical(tmp_path: Path) -> None:
    model = load(DATA / "v1-complete.comm")
    text = dumps(model)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert '\n  "format": "comm",\n  "version": 1,' in text  # 2-space indent, stable key order
    assert "Kommunikationsleitung" in text and "wöchentlich" in text  # UTF-8 kept readable
    keys = list(json.loads(text)["elements"][1])
    assert keys[:8] == ["id", "kind", "label", "x", "y", "notes", "tags", "color"]


def test_round_trip_equals_input_key_by_key() -> None:
    raw = complete_raw()
    assert json.loads(dumps(loads(to_bytes(raw)))) == raw


def test_unknown_keys_survive_at_every_level() -> None:
    text = dumps(load(DATA / "v1-complete.comm"))
    data = json.loads(text)
    assert data["x-future-top"] == {"anything": "goes"}
    assert data["meta"]["x-meta-future"] == {"nested": [1, 2, {"deep": True}]}
    assert data["elements"][6]["x-future-element"] == "kept"
    assert data["relations"][13]["x-future-relation"] == [1, 2]
    assert data["rules"]["X-FUTURE-RULE"]["x-future-setting"] == 1
    assert data["waivers"][0]["x-future-waiver"] is None


def test_ints_stay_ints_and_floats_stay_floats() -> None:
    data = json.loads(dumps(load(DATA / "v1-complete.comm")))
    assert data["elements"][0]["x"] == 0 and isinstance(data["elements"][0]["x"], int)
    assert data["elements"][4]["y"] == 150.5


def test_defaults_are_not_written_unless_present() -> None:
    model = CommModel.empty()
    model.elements.append(Stakeholder(id="s", label="Kunden"))
    data = json.loads(dumps(model))
    assert data == {"format": "comm", "version": 1, "elements": [{"id": "s", "kind": "stakeholder",
                                                                 "label": "Kunden"}], "relations": []}
    assert model.elements[0].priority == "medium"


def test_extreme_valid_numbers_round_trip() -> None:
    raw = complete_raw()
    raw["elements"][0]["x"] = 1.7976931348623157e308
    raw["elements"][0]["y"] = -5e-324
    raw["elements"][1]["x"] = 10**300
    raw["elements"][1]["y"] = -0.0
    data = json.loads(dumps(loads(to_bytes(raw))))
    assert data["elements"][0]["x"] == 1.7976931348623157e308
    assert data["elements"][0]["y"] == -5e-324
    assert data["elements"][1]["x"] == 10**300
