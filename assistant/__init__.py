"""Reflect: grounded ideas, emotional signals, commitment levels and action plans from coaching sessions."""

__version__ = "0.1.0"
