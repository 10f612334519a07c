"""Test-only: make one article hang in a worker process the way compiled code can, or a worker fail to start.

``SupervisedPool(setup=...)`` runs one of these first in each worker it starts. The planted
stage, on an article holding ``MARK``, blocks the alarm signal and sleeps in C, so neither
the worker's own time limit nor anything else in that process can stop it: only a kill can.
"""

from __future__ import annotations

import signal
import time
from typing import Any

MARK = "The vault stays shut tonight"


def _block_forever() -> None:
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(3600)


def hang_in_build() -> None:
    """The extraction of the marked article never returns (the worker knows which article it is on)."""
    from whosaid import worker

    build = worker.build

    def stuck(doc: Any, task: Any, layout: Any, *args: Any) -> Any:
        if MARK in layout.text:
            _block_forever()
        return build(doc, task, layout, *args)

    worker.build = stuck


def hang_in_parse() -> None:
    """The batch's parse never returns once it reaches the marked article (the worker cannot say which)."""
    from whosaid import parse

    pipe = parse.parse

    def stuck(nlp: Any, items: Any, **options: Any) -> Any:
        for doc, context in pipe(nlp, items, **options):
            if MARK in doc.text:
                _block_forever()
            yield doc, context

    parse.parse = stuck  # type: ignore[assignment]


def hang_in_long_record() -> None:
    """An article done in windows (windows of 2,000 characters here) hangs once its record is half
    written to the output folder: its entities written, its quotes not."""
    from whosaid import windows

    windows.WINDOW_CHARS = 2_000
    quotes = windows.merged_quotes

    def stuck(spill: Any, merged: Any) -> Any:
        for quote in quotes(spill, merged):
            if MARK in quote.text:
                _block_forever()
            yield quote

    windows.merged_quotes = stuck


def fail_to_start() -> None:
    """The worker cannot get ready (as when a model folder is corrupt)."""
    raise OSError("the model's weights file is truncated")


def exit_at_start() -> None:
    """The worker process ends before it is ready, saying nothing (as a script without a main guard does)."""
    import os

    os._exit(3)
