"""Run the app with uvicorn (``newsledger serve``)."""

from __future__ import annotations

from pathlib import Path

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def allowed_hosts(host: str) -> list[str] | None:
    """The Host names a server bound to ``host`` answers to (None: any, when bound to all interfaces)."""
    if host in ("0.0.0.0", "::"):
        return None
    return sorted(LOOPBACK | {host.lower()})


def serve(db_path: str | Path, *, host: str = "127.0.0.1", port: int = 8765, log_level: str = "warning") -> None:
    """Serve the API and UI for one ledger until interrupted."""
    import uvicorn

    from .app import create_app

    app = create_app(db_path, allowed_hosts=allowed_hosts(host))
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
