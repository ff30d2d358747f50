"""The web UI: static files only (``static/``), served by the API app at ``/``. All logic is in the
browser code, which reads ``/api/*``; vendored libraries are in ``static/vendor/`` (see its README)."""

from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
