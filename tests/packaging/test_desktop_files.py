"""The Linux desktop integration files: well-formed, consistent with each other, icons present, installable."""

# No __init__.py in this folder on purpose: a package named `packaging` would shadow the PyPI library.

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import commarch

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
ICONS = REPO / "packaging" / "icons"
DESKTOP = LINUX / "commarch.desktop"
METAINFO = LINUX / "io.commarch.commarch.metainfo.xml"
MIME_XML = LINUX / "commarch-mime.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
MIME_TYPE = "application/x-commarch"
APP_ID = "io.commarch.commarch"
EXAMPLES = sorted((REPO / "resources" / "examples").glob("*.comm"))


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in the desktop entry spec
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_desktop_entry_launches_commarch_for_comm_files() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "commarch"
    assert {"%f", "%F", "%u", "%U"} & set(entry["Exec"].split()), "Exec must take the double-clicked file"
    assert MIME_TYPE in entry["MimeType"].split(";")
    assert entry["Terminal"] == "false"
    assert entry["Name"] and entry["Comment[de]"]


def test_metainfo_matches_desktop_entry_mime_type_and_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert METAINFO.name == f"{APP_ID}.metainfo.xml"
    launchable = root.find("launchable[@type='desktop-id']")
    assert launchable is not None and launchable.text == DESKTOP.name
    assert root.findtext("icon[@type='stock']") == desktop_entry()["Icon"]
    assert [m.text for m in root.iter("mediatype")] == [MIME_TYPE]
    assert root.findtext("provides/binary") == "commarch"
    releases = [r.get("version") for r in root.iter("release")]
    assert releases and releases[0] == commarch.__version__, "the newest <release> must be the current version"


def test_mime_xml_declares_the_comm_type_with_glob_and_magic() -> None:
    root = ET.parse(MIME_XML).getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")] == ["*.comm"]
    icon = mime.find(f"{MIME_NS}icon")
    assert icon is not None and icon.get("name") == MIME_TYPE.replace("/", "-")
    matches = mime.findall(f"{MIME_NS}magic/{MIME_NS}match")
    assert matches
    # the magic must recognise what commarch itself writes: every shipped example matches within the range
    for example in EXAMPLES:
        for match in matches[:1]:  # the first match is the canonical, indented form
            start, _, end = match.get("offset", "0").partition(":")
            head = example.read_bytes()[int(start): int(end or start) + len(match.get("value", ""))]
            assert match.get("value", "").encode() in head, f"{example.name}: magic does not match"


def test_icons_exist_in_every_referenced_size() -> None:
    svg = ET.parse(ICONS / "commarch.svg").getroot()
    assert svg.tag.endswith("svg")
    pngs = sorted((ICONS / "png").glob("commarch-*.png"))
    sizes = {int(p.stem.split("-")[1]) for p in pngs}
    assert {16, 32, 48, 64, 128, 256} <= sizes
    for png in pngs:
        size = int(png.stem.split("-")[1])
        assert png_size(png) == (size, size), png.name
    assert (ICONS / "commarch.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # ICONDIR, type 1 = icon
    assert (ICONS / "commarch.icns").read_bytes()[:4] == b"icns"


@pytest.mark.parametrize(
    ("tool", "args", "path"),
    [
        ("desktop-file-validate", [], DESKTOP),
        ("appstreamcli", ["validate", "--no-net"], METAINFO),
        ("xmllint", ["--noout"], MIME_XML),
    ],
)
def test_validators_accept_the_files(tool: str, args: list[str], path: Path) -> None:
    exe = shutil.which(tool)
    if exe is None:
        pytest.skip(f"{tool} not installed (Debian: desktop-file-utils, appstream, libxml2-utils)")
    result = subprocess.run([exe, *args, str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(os.name != "posix" or shutil.which("bash") is None, reason="install.sh is a Linux script")
def test_install_script_installs_and_uninstalls_for_the_user(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    fake = bundle / "commarch"
    fake.write_text("#!/bin/sh\necho commarch 9.9\n")
    fake.chmod(0o755)
    home = tmp_path / "home"
    home.mkdir()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home)}
    script = LINUX / "install.sh"
    done = subprocess.run(["bash", str(script), str(bundle)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "commarch 9.9" in done.stdout
    data = home / ".local" / "share"
    installed = data / "applications" / "commarch.desktop"
    assert f"Exec={home}/.local/lib/commarch/commarch %f" in installed.read_text()
    assert (data / "mime" / "packages" / "commarch-mime.xml").is_file()
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / "commarch.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "mimetypes" / "application-x-commarch.svg").is_file()
    assert (data / "metainfo" / METAINFO.name).is_file()
    assert (home / ".local" / "bin" / "commarch").resolve() == (home / ".local" / "lib" / "commarch" / "commarch")

    gone = subprocess.run(["bash", str(script), "--uninstall"], env=env, capture_output=True, text=True, timeout=120)
    assert gone.returncode == 0, gone.stderr
    assert not installed.exists()
    assert not (home / ".local" / "lib" / "commarch").exists()
    assert not (data / "mime" / "packages" / "commarch-mime.xml").exists()
    assert not list((data / "icons").rglob("*commarch*"))


def test_install_script_refuses_a_missing_bundle(tmp_path: Path) -> None:
    if shutil.which("bash") is None:
        pytest.skip("bash not installed")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path)}
    done = subprocess.run(
        ["bash", str(LINUX / "install.sh"), str(tmp_path / "nothing")], env=env, capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "build.sh" in done.stderr
    assert not (tmp_path / ".local").exists()
