"""whosaid: who is named in news articles, and who said what.

The stages are plain modules (``read``, ``parse``, ``entities``, ``dates``, ``quotes``,
``write``); ``runner`` composes them and ``cli`` is a thin Typer layer over the runner.
"""

__version__ = "0.1.0"
