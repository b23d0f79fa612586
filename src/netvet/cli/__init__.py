"""The command line: a thin Typer app (`app`) over the pipeline, screening, review and the kb."""

from netvet.cli.app import app, main

__all__ = ["app", "main"]
