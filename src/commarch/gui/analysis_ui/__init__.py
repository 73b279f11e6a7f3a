"""Live analysis in the app: findings, metrics, matrices, find/filter/focus, auto-layout menus, presentation."""

from .install import AnalysisUI, install_analysis_ui
from .runner import AnalysisRunner

__all__ = ["AnalysisRunner", "AnalysisUI", "install_analysis_ui"]
