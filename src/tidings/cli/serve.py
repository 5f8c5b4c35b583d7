"""The serve command: the web UI and REST API over a store, on 127.0.0.1 unless told otherwise."""
from __future__ import annotations

from typing import Annotated

import typer

from .common import ConfigOpt, DbOpt, app, err, handled, settings_for

LOCAL = "127.0.0.1"


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Address to bind. The default serves this machine only; "
                                           "0.0.0.0 exposes the store to the network.")] = LOCAL,
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    token: Annotated[str | None, typer.Option(
        help="Enable POST /api/ingest for requests carrying `Authorization: Bearer TOKEN`. "
             "Without it the server is read-only.", envvar="TIDINGS_TOKEN")] = None,
    config: ConfigOpt = None,
) -> None:
    """Serve the web UI and the REST API (OpenAPI at /openapi.json) over the store."""
    import uvicorn

    from ..web import create_app

    with handled():
        settings = settings_for(db, config)
        web = create_app(settings.db, settings, token=token)
    if host != LOCAL:
        err.print(f"[yellow]warning:[/] serving on {host}: anyone who can reach this address can read the store.")
    err.print(f"tidings: serving {settings.db} on http://{host}:{port}/ ({'ingest enabled' if token else 'read-only'})")
    uvicorn.run(web, host=host, port=port, log_level="warning")
