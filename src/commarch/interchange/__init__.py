"""Interchange with other tools: GraphML and CSV export/import, matrices as CSV, safe file names."""

from .csvfiles import RELATIONS_SUFFIX, csv_paths, elements_csv, model_to_csv, relations_csv, write_csv_pair
from .csvread import csv_to_model, load_csv
from .errors import InterchangeError
from .filenames import safe_filename
from .graphml import model_to_graphml
from .graphml_read import graphml_to_model, load_graphml
from .matrices import Matrix, coverage_matrix, matrix_to_csv, responsibility_matrix, write_matrix_csv
from .schema import TAG_SEPARATOR, join_tags, split_tags

__all__ = [
    "RELATIONS_SUFFIX", "csv_paths", "elements_csv", "model_to_csv", "relations_csv", "write_csv_pair",
    "csv_to_model", "load_csv", "InterchangeError", "safe_filename", "model_to_graphml",
    "graphml_to_model", "load_graphml", "Matrix", "coverage_matrix", "matrix_to_csv",
    "responsibility_matrix", "write_matrix_csv", "TAG_SEPARATOR", "join_tags", "split_tags",
]
