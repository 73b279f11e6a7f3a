"""Exports and imports in the app: diagram (with preview), report (threaded), GraphML/CSV/matrices."""

from .diagram_dialog import ExportDiagramDialog
from .install import ExportUI, install_export_ui
from .interchange_ui import export_csv, export_graphml, export_matrix, import_file
from .report_dialog import ExportReportDialog, ReportJob, export_report_to

__all__ = [
    "ExportDiagramDialog", "ExportReportDialog", "ExportUI", "ReportJob", "export_csv", "export_graphml",
    "export_matrix", "export_report_to", "import_file", "install_export_ui",
]
