"""footprint: an online-footprint health check for people in public life."""

__version__ = "0.1.0"
