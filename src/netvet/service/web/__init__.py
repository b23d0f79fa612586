"""The dashboard under `/` (server-rendered pages): routes are added to `router`."""

from fastapi import APIRouter

router = APIRouter()
