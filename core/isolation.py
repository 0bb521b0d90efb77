"""Running plugin code so that it cannot end the run, and saying in one line how
it failed.

A plugin may call ``sys.exit()``, raise ``KeyboardInterrupt`` itself, or never
return.  :func:`guarded` turns each of these into a :class:`PluginStopped` error,
which the caller reports against the plugin like any other exception; the run
goes on.  A Ctrl-C the user presses still stops jtreport: only a
``KeyboardInterrupt`` that no SIGINT signal raised is the plugin's.

The time limit (``--plugin-timeout``, ``JTREPORT_PLUGIN_TIMEOUT``) uses the
interval timer (SIGALRM), so it applies in the main thread of systems that have
one (Linux, macOS).  It stops Python code and blocking system calls, not a long
computation inside a C extension that never returns to Python.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any, ParamSpec, TypeVar

from .errors import JtreportError, PluginStopped

ENV_PLUGIN_TIMEOUT = "JTREPORT_PLUGIN_TIMEOUT"

P = ParamSpec("P")
R = TypeVar("R")

#: jtreport's core and the standard library (where ``os`` lives)
_NOT_PLUGINS = (Path(__file__).resolve().parent, Path(os.__file__).resolve().parent)


class _Overtime(BaseException):
    """The time limit passed (a BaseException: a plugin's ``except Exception``
    does not swallow it)."""


def guarded(
    timeout: float | None, function: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs
) -> R:
    """``function(*args, **kwargs)``, with ``SystemExit``, a ``KeyboardInterrupt``
    the code raised itself, and overrunning ``timeout`` seconds (None: no limit)
    raised as :class:`PluginStopped`."""
    interrupted = running = False

    def on_interrupt(signum: int, frame: FrameType | None) -> None:
        nonlocal interrupted
        interrupted = True
        previous_interrupt(signum, frame)

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        if running:
            raise _Overtime

    previous_interrupt = _install(signal.SIGINT, on_interrupt)
    timed = bool(timeout) and hasattr(signal, "setitimer")
    previous_alarm = _install(signal.SIGALRM, on_alarm) if timed else None
    try:
        try:
            running = True
            if previous_alarm is not None and timeout:
                # fires again every second while a plugin swallows the first one
                signal.setitimer(signal.ITIMER_REAL, timeout, 1.0)
            return function(*args, **kwargs)
        finally:
            running = False
            if previous_alarm is not None:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous_alarm)
            if previous_interrupt is not None:
                signal.signal(signal.SIGINT, previous_interrupt)
    except SystemExit as exc:
        raise PluginStopped(f"called sys.exit({exc.code!r})") from exc
    except KeyboardInterrupt as exc:
        if interrupted:
            raise
        raise PluginStopped("raised KeyboardInterrupt") from exc
    except _Overtime as exc:
        raise PluginStopped(f"did not finish within {timeout:g} s (the plugin time limit)") from exc


def _install(signum: int, handler: Callable[[int, FrameType | None], None]) -> Any:
    """Install ``handler`` and return the handler it replaces; None when Python
    does not handle that signal (ignored, or not the main thread)."""
    previous = signal.getsignal(signum)
    if not callable(previous) and signum == signal.SIGINT:
        return None
    try:
        signal.signal(signum, handler)
    except ValueError:  # not the main thread
        return None
    return previous


def timeout_from_env() -> float | None:
    """The time limit ``JTREPORT_PLUGIN_TIMEOUT`` sets (seconds), or None."""
    try:
        seconds = float(os.environ.get(ENV_PLUGIN_TIMEOUT, "") or 0)
    except ValueError:
        return None
    return seconds if seconds > 0 else None


def describe(exc: BaseException, *, where: bool = False) -> str:
    """One line: the exception's type and message, and with ``where`` the plugin
    code line it came from (the innermost frame outside jtreport's core)."""
    text = " ".join(line.strip() for line in str(exc).splitlines() if line.strip())
    if len(text) > 300:
        text = text[:297] + "..."
    if not isinstance(exc, JtreportError):
        text = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    if not where:
        return text
    if isinstance(exc, SyntaxError) and exc.filename:
        return f"{text} ({Path(exc.filename).name}, line {exc.lineno})"
    import traceback  # only for a plugin that failed

    origin = exc.__cause__ if isinstance(exc, PluginStopped) and exc.__cause__ else exc
    frames = [f for f in traceback.extract_tb(origin.__traceback__) if _is_plugin_code(f.filename)]
    if frames:
        text += f" ({Path(frames[-1].filename).name}, line {frames[-1].lineno})"
    return text


def _is_plugin_code(filename: str) -> bool:
    """False for frames of jtreport's core, the standard library and frozen modules."""
    path = Path(filename).resolve()
    return not filename.startswith("<") and not any(map(path.is_relative_to, _NOT_PLUGINS))
