"""Detectors: one module per kind of exposure, listed in registry.py."""
