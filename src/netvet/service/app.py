"""The FastAPI app: `/api` (JSON, bearer tokens) and the dashboard under `/`, over one store."""

import secrets as random
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI

from netvet import __version__
from netvet.service.auth import Caller, require
from netvet.service.responses import install_handlers
from netvet.service.roles import Role
from netvet.store import open_store

health = APIRouter()


@health.get("/health", tags=["service"])
def read_health() -> dict[str, str]:
    """Whether the service is up (no token needed)."""
    return {"status": "ok", "version": __version__}


@health.get("/me", tags=["service"])
def read_me(caller: Annotated[Caller, Depends(require(Role.VIEWER))]) -> dict[str, str]:
    """The token the request carries: its name and role (any valid token)."""
    return {"token": caller.token_name, "role": str(caller.role)}


def create_app(db_url: str, *, secret: bytes | None = None) -> FastAPI:
    """The app over the store at `db_url` (brought up to date on open). `secret` signs the
    dashboard's session cookies; a random one (sessions end with the process) when None."""
    from netvet.service.api import router as api_router
    from netvet.service.web import router as web_router

    app = FastAPI(title="netvet", version=__version__, docs_url="/docs", openapi_url="/openapi.json")
    app.state.engine = open_store(db_url)
    app.state.secret = secret or random.token_bytes(32)
    install_handlers(app)
    app.include_router(health, prefix="/api")
    app.include_router(api_router, prefix="/api")
    app.include_router(web_router)
    return app
