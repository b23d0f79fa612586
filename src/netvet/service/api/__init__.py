"""The `/api` endpoints (JSON, bearer tokens): routers are added to `router`."""

from fastapi import APIRouter

router = APIRouter()
