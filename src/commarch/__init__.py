"""commarch — a desktop modeler for communication architectures."""

__version__ = "0.1.0"
