"""The core imports without Qt: PySide6 may only be imported by render/ and gui/."""

import subprocess
import sys


def test_core_packages_import_without_pyside() -> None:
    code = (
        "import sys, importlib\n"
        "for name in ['commarch.model', 'commarch.fileformat', 'commarch.cli', 'commarch.main']:\n"
        "    importlib.import_module(name)\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))], 'Qt imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_import_linter_contracts_hold() -> None:
    import shutil

    exe = shutil.which("lint-imports", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert exe, "import-linter is a dev dependency"
    result = subprocess.run([exe, "--no-cache"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]
