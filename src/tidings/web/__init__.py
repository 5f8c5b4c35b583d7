"""The web interface: a FastAPI app with a REST API and server-rendered pages over a tidings store."""
from .app import create_app

__all__ = ["create_app"]
