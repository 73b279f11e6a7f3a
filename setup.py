"""Build hook: ship <repo>/resources in the wheel as the data package `commarch._resources`."""

from pathlib import Path

from setuptools import find_namespace_packages, setup

# resources/ sits at the repo root (the source checkout, the wheel and the PyInstaller bundle share its
# layout); mapping it onto a package puts it at commarch/_resources, where commarch.resources looks.
# Each sub-folder is listed as a package of its own, else setuptools warns about data in importable dirs.
RESOURCES = Path(__file__).resolve().parent / "resources"
SUBDIRS = sorted(p.name for p in RESOURCES.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
DATA = ["*.comm", "*.svg", "*.png", "*.qm", "*.md"]  # not the .ts translation sources

setup(
    packages=[
        *find_namespace_packages("src", include=["commarch", "commarch.*"]),
        "commarch._resources",
        *(f"commarch._resources.{name}" for name in SUBDIRS),
    ],
    package_dir={"": "src", "commarch._resources": "resources"},
    package_data={"commarch._resources": DATA, **{f"commarch._resources.{name}": DATA for name in SUBDIRS}},
)
