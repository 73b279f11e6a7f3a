"""Exports and imports in the app: diagram (with preview), report (threaded), GraphML/CSV/matrices."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .diagram_dialog import ExportDiagramDialog
    from .install import ExportUI, install_export_ui
    from .interchange_ui import export_csv, export_graphml, export_matrix, import_file
    from .report_dialog import ExportReportDialog, ReportJob, export_report_to

# Names are resolved on first use (PEP 562): the window installs the menu entries at start-up, and the
# dialogs (render, report, interchange) are imported only when one is opened.
_LAZY = {"ExportDiagramDialog": "diagram_dialog", "ExportUI": "install", "install_export_ui": "install",
         "export_csv": "interchange_ui", "export_graphml": "interchange_ui", "export_matrix": "interchange_ui",
         "import_file": "interchange_ui", "ExportReportDialog": "report_dialog", "ReportJob": "report_dialog",
         "export_report_to": "report_dialog"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)


__all__ = ["ExportDiagramDialog", "ExportReportDialog", "ExportUI", "ReportJob", "export_csv", "export_graphml",
           "export_matrix", "export_report_to", "import_file", "install_export_ui"]
