"""The REST API over a ledger (FastAPI): ``create_app(db_path)`` serves ``/api/*``, the web UI at ``/``,
OpenAPI at ``/openapi.json`` and offline docs at ``/docs``.

Reads run on a read-only DuckDB connection with parameterized SQL; ``POST /api/articles`` opens a write
connection for that request only. Every error has one JSON shape (``errors.py``).
"""

from .app import create_app

__all__ = ["create_app"]
