"""File ▸ Export Diagram…: every format through the menu action, the preview, selection, errors."""

from __future__ import annotations

import math
import os
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QImage

SVG = "{http://www.w3.org/2000/svg}"


def open_dialog(window):
    window.export_ui.actions["export_diagram"].trigger()
    dialog = window.export_ui.diagram_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def svg_element_groups(path) -> dict[str, str]:
    """data-id -> <title> of each element group in an exported SVG."""
    root = ET.parse(path).getroot()
    groups = {}
    for group in root.iter(f"{SVG}g"):
        if "element" in group.get("class", "").split():
            title = group.find(f"{SVG}title")
            groups[group.get("data-id")] = title.text if title is not None else ""
    return groups


def test_menu_entries_sit_before_close(win):
    from commarch.gui.exports.install import file_menu

    menu, close = file_menu(win)
    actions = menu.actions()
    names = [a.objectName() for a in actions]
    assert names.index("export_diagram") < names.index("close")
    assert win.export_ui.actions["export_diagram"].shortcut().toString() == "Ctrl+Shift+E"
    submenus = {a.menu().objectName() for a in actions if a.menu() is not None}
    assert {"import_menu", "export_menu"} <= submenus


def test_suggested_name_comes_from_the_title(win):
    dialog = open_dialog(win)
    name = os.path.basename(dialog.path())
    assert name.startswith("Avantgarde GmbH") and name.endswith(".png")
    assert os.path.dirname(dialog.path()) == os.path.dirname(os.path.abspath(win.doc.path))


@pytest.mark.parametrize("dpi", [72, 150])
def test_png_size_follows_the_dpi(win, tmp_path, dpi):
    from commarch.render import plan_diagram

    dialog = open_dialog(win)
    dialog.dpi.setValue(dpi)
    dialog.set_path(str(tmp_path / "diagram.png"))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error_label.text()
    image = QImage(str(tmp_path / "diagram.png"))
    bounds = plan_diagram(win.doc.model, lang="de").bounds
    assert (image.width(), image.height()) == (math.ceil(bounds.width() * dpi / 72),
                                               math.ceil(bounds.height() * dpi / 72))
    assert round(image.dotsPerMeterX() * 0.0254) == dpi
    assert f"{image.width()} × {image.height()}" in dialog.size_label.text()


def test_transparent_png_has_clear_corners(win, tmp_path):
    dialog = open_dialog(win)
    dialog.dpi.setValue(72)
    dialog.transparent.setChecked(True)
    dialog.set_path(str(tmp_path / "clear.png"))
    dialog.accept()
    image = QImage(str(tmp_path / "clear.png"))
    assert image.hasAlphaChannel() and image.pixelColor(0, 0).alpha() == 0


def test_svg_parses_and_has_one_group_per_element(win, tmp_path):
    dialog = open_dialog(win)
    dialog.set_path(str(tmp_path / "diagram.svg"))
    assert dialog.fmt() == "svg"  # the suffix picks the format
    dialog.accept()
    groups = svg_element_groups(tmp_path / "diagram.svg")
    assert groups == {e.id: e.label for e in win.doc.model.elements}


def test_pdf_has_the_labels_as_text(win, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    dialog = open_dialog(win)
    dialog.set_format("pdf")
    dialog.legend.setChecked(True)
    dialog.title_group.setChecked(True)
    dialog.client_edit.setText("Kunde Beispiel AG")
    dialog.set_path(str(tmp_path / "diagram"))  # no suffix: the format's is added
    dialog.accept()
    reader = pypdf.PdfReader(str(tmp_path / "diagram.pdf"))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    for label in ("Marketing", "Kundenservice", "Produktentwicklung", "Kunde Beispiel AG"):
        assert label in text


def test_selection_only_exports_just_the_selection(win, tmp_path):
    chosen = ["d-marketing", "d-kundenservice"]
    win.scene.select_ids(chosen)
    dialog = open_dialog(win)
    assert dialog.selection_only.isEnabled()
    dialog.selection_only.setChecked(True)
    dialog.set_path(str(tmp_path / "part.svg"))
    dialog.accept()
    groups = svg_element_groups(tmp_path / "part.svg")
    assert set(groups) == set(chosen)
    text = (tmp_path / "part.svg").read_text(encoding="utf-8")
    assert "Marketing" in text and "Produktentwicklung" not in text


def test_selection_only_is_off_without_a_selection(win):
    win.scene.select_ids([])
    dialog = open_dialog(win)
    assert not dialog.selection_only.isEnabled()
    assert dialog.options()["ids"] is None


def test_preview_follows_the_theme(win, qtbot):
    dialog = open_dialog(win)
    light = dialog.preview.copy()
    with qtbot.waitSignal(dialog.preview_updated, timeout=3000):
        dialog.set_theme("dark")
    dark = dialog.preview
    assert dark.size() == light.size() and dark != light
    centre = (light.width() // 2, 2)
    assert dark.pixelColor(*centre).lightness() < light.pixelColor(*centre).lightness()


def test_preview_follows_legend_and_badges(win, qtbot):
    dialog = open_dialog(win)
    before = dialog.preview.copy()
    with qtbot.waitSignal(dialog.preview_updated, timeout=3000):
        dialog.legend.setChecked(True)
    assert dialog.preview != before
    with_legend = dialog.preview.copy()
    with qtbot.waitSignal(dialog.preview_updated, timeout=3000):
        dialog.badges.setChecked(True)
    assert dialog.options()["badges"]  # the example has findings
    assert dialog.preview != with_legend


def test_bad_target_is_explained_and_nothing_written(win, tmp_path):
    dialog = open_dialog(win)
    target = tmp_path / "missing" / "diagram.png"
    dialog.set_path(str(target))
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error_label.isVisible() and "missing" in dialog.error_label.text()
    assert not target.parent.exists()
    folder = tmp_path / "out"
    folder.mkdir()
    dialog.set_path(str(folder))
    dialog.accept()
    assert dialog.isVisible() and str(folder) in dialog.error_label.text()
    assert os.listdir(folder) == [] and not (tmp_path / "out.png").exists()


def test_failed_write_keeps_the_old_file(win, tmp_path, monkeypatch):
    from commarch.render import export

    def broken(_plan, path, *_args, **_kwargs):
        with open(path, "w") as handle:
            handle.write("<svg")  # half a file, then the disk is full
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "_write_svg", broken)
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "old.svg").write_text("previous export")
    dialog = open_dialog(win)
    dialog.set_path(str(folder / "old.svg"))
    dialog.accept()
    assert dialog.isVisible() and "No space left on device" in dialog.error_label.text()
    assert dialog.error_label.textFormat() == dialog.error_label.textFormat().PlainText
    assert os.listdir(folder) == ["old.svg"] and (folder / "old.svg").read_text() == "previous export"


def test_options_are_remembered_for_the_next_export(win, tmp_path):
    dialog = open_dialog(win)
    dialog.set_theme("dark")
    dialog.legend.setChecked(True)
    dialog.set_path(str(tmp_path / "one.svg"))
    dialog.accept()
    again = open_dialog(win)
    assert again is not dialog
    assert (again.theme(), again.legend.isChecked(), again.fmt()) == ("dark", True, "svg")
