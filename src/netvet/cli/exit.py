"""How `netvet` ends: every error becomes a message and an exit code, never a traceback.

0 done · 1 findings at or above --fail-on · 2 bad input or usage (Click's own usage errors,
and a file or folder that cannot be read or written, included) · 3 internal error (one line;
NETVET_DEBUG=1 shows the traceback) · 130 interrupted · 141 the reader of stdout went away
(`netvet scan ... | head -1`), as a shell reports SIGPIPE.
"""

import contextlib
import os
import sys
from collections.abc import Callable

import typer
from rich.markup import escape

from netvet.cli.common import err
from netvet.errors import NetvetError
from netvet.settings import Settings

EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 2, 3, 130, 141


def usage_errors() -> tuple[type[BaseException], ...]:
    """Click's usage-error classes: the Click Typer bundles, and a separate Click if present."""
    from typer._click.exceptions import ClickException

    found: list[type[BaseException]] = [ClickException]
    try:
        import click  # type: ignore[import-not-found, unused-ignore]

        found.append(click.exceptions.ClickException)
    except ImportError:  # Typer no longer needs it
        pass
    return tuple(found)


def aborts() -> tuple[type[BaseException], ...]:
    """Click's and Typer's 'aborted' exceptions (Ctrl-C at a prompt)."""
    found: list[type[BaseException]] = [typer.Abort, KeyboardInterrupt]
    try:
        import click  # type: ignore[import-not-found, unused-ignore]

        found.append(click.exceptions.Abort)
    except ImportError:
        pass
    return tuple(found)


def silence_stdout() -> None:
    """Point stdout at /dev/null so that the final flush at exit cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, ValueError):  # stdout already closed or not a real file
        os.dup2(devnull, sys.stdout.fileno())


def exit_code_of(exc: BaseException) -> int:
    """The exit code of an exception that ended a command, after printing its message."""
    if isinstance(exc, NetvetError):
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        return EXIT_USAGE
    if isinstance(exc, BrokenPipeError):
        silence_stdout()
        return EXIT_BROKEN_PIPE
    if isinstance(exc, usage_errors()):
        exc.show()  # type: ignore[attr-defined]  # Click's own 'Usage: ... Error: ...' lines
        return EXIT_USAGE
    if isinstance(exc, aborts()):
        return EXIT_INTERRUPTED
    if isinstance(exc, OSError) and exc.filename:  # a file or folder the user named
        err.print(f"[red]error:[/red] {escape(str(exc.filename))}: {escape(exc.strerror or str(exc))}")
        return EXIT_USAGE
    err.print(f"[red]internal error:[/red] {escape(f'{type(exc).__name__}: {exc}')}", highlight=False)
    if Settings.from_env().debug:
        err.print_exception()
    else:
        err.print("(set NETVET_DEBUG=1 to see where; please report it)", highlight=False)
    return EXIT_INTERNAL


def ended(app: Callable[..., object]) -> int:
    """Run the Typer app to its end (stdout flushed); the exit code of how it ended."""
    stdout = sys.stdout
    try:
        result = app(standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except typer.Exit as exc:
        code = exc.exit_code
    except SystemExit:
        # Click meets a closed stdout (EPIPE) by wrapping sys.stdout and exiting 1, the findings
        # code: tell it apart by the wrapper.
        if sys.stdout is not stdout:
            silence_stdout()
            return EXIT_BROKEN_PIPE
        raise
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 — the one place every error ends
        return exit_code_of(exc)
    try:
        sys.stdout.flush()
    except BrokenPipeError as exc:
        return exit_code_of(exc)
    return code


def run(app: Callable[..., object]) -> None:
    """Run the Typer app and exit with the code of how it ended."""
    sys.exit(ended(app))
