"""A time limit for one article's work: ``ArticleTimeout`` is raised in the working thread.

In a process's main thread (the in-process engine, the local engine's workers) the limit is
SIGALRM's; in another thread (a Dask worker's) a timer thread raises the exception in the
working thread with ``PyThreadState_SetAsyncExc``. Either way the exception arrives the
next time the thread runs Python code: spaCy's compiled parser returns to Python after every
chunk of a long article, but code that never returns (a loop in compiled code, a blocked
call) is not stopped here; the local engine's supervisor kills such a worker
(``whosaid.supervisor``).
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# Once the limit has passed, the timeout is raised again this often until the block ends: an
# exception that lands in a garbage-collector callback (Dask installs some) is lost there.
AGAIN = 0.5


class ArticleTimeout(BaseException):
    """An article's time limit passed (a BaseException, so no ``except Exception`` swallows it)."""


class Deadline:
    """A running limit; ``restart`` gives the block its full time again."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.armed = False

    def restart(self) -> None:
        if self.armed and self.seconds:
            signal.setitimer(signal.ITIMER_REAL, self.seconds, AGAIN)

    def stop(self) -> None:
        self.armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)


class _ThreadDeadline(Deadline):
    """The same for a thread other than the main one: a timer thread raises in the working thread."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self._thread = ctypes.c_ulong(threading.get_ident())
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    def restart(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            if self.armed and self.seconds:
                self._timer = threading.Timer(self.seconds, self._expire)
                self._timer.daemon = True
                self._timer.start()

    def _expire(self) -> None:
        with self._lock:
            if self.armed:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(self._thread, ctypes.py_object(ArticleTimeout))
                self._timer = threading.Timer(AGAIN, self._expire)
                self._timer.daemon = True
                self._timer.start()

    def stop(self) -> None:
        with self._lock:
            self.armed = False
            if self._timer is not None:
                self._timer.cancel()
            # An exception set but not yet raised must not surface after the block.
            ctypes.pythonapi.PyThreadState_SetAsyncExc(self._thread, None)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[Deadline]:
    """Raise ``ArticleTimeout`` in the block once ``seconds`` pass (again from each ``restart``);
    no limit when ``seconds`` is None or 0, or where neither way exists (SIGALRM off the main
    thread on Windows)."""
    main = threading.current_thread() is threading.main_thread()
    if not seconds or (main and not hasattr(signal, "setitimer")):
        yield Deadline(None)
        return
    deadline = Deadline(seconds) if main else _ThreadDeadline(seconds)
    previous: Any = None
    if main:

        def expire(signum: int, frame: Any) -> None:
            if deadline.armed:
                raise ArticleTimeout

        previous = signal.signal(signal.SIGALRM, expire)
    deadline.armed = True
    deadline.restart()
    try:
        yield deadline
    finally:
        _stop(deadline)
        if main:
            signal.signal(signal.SIGALRM, previous)


def _stop(deadline: Deadline) -> None:
    """Stop ``deadline``, even if its timeout lands while it is being stopped (the block is over)."""
    while True:
        try:
            deadline.stop()
            return
        except ArticleTimeout:
            continue
