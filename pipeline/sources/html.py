"""Saved HTML news pages: the article's main text, headline and date, by trafilatura.

trafilatura (with htmldate for the date) is made for exactly this: it keeps the article's
paragraphs and leaves out menus, footers, comment threads and "most read" boxes. The text
analysed is the headline, a blank line and the main text, so the read stage sees the usual
news layout; offsets point into that text.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from whosaid import errors
from whosaid.read import decode
from whosaid.sources import InputArticle

if TYPE_CHECKING:
    from configparser import ConfigParser

E_NO_MAIN_TEXT = "no article text found in this HTML page"


@cache
def _config() -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    # No SIGALRM-based timeout: it only works in a main thread, and a page is bounded by --max-bytes.
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def read_html(raw: bytes) -> InputArticle:
    """The article of one HTML page; ``errors.ArticleError`` when the page holds none."""
    import trafilatura

    page, encoding = decode(raw)
    document: Any = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "outputformat": "%Y-%m-%dT%H:%M:%S%z",
        },
        config=_config(),
    )
    title = _clean(getattr(document, "title", None))
    lines = [line.strip() for line in (getattr(document, "text", None) or "").splitlines()]
    lines = [line for line in lines if line]
    if lines and title and _clean(lines[0]) == title:
        lines = lines[1:]  # the page's own <h1>, already the title
    if not lines:
        raise errors.ArticleError(E_NO_MAIN_TEXT)
    # Paragraphs apart by a blank line, as in a plain-text article.
    body = "\n\n".join(lines)
    text = f"{title}\n\n{body}\n" if title else body + "\n"
    return InputArticle(
        text=text,
        format="html",
        encoding=encoding,
        title=title,
        published=_clean(getattr(document, "date", None)),
        byline=_clean(getattr(document, "author", None)),
        publication=_clean(getattr(document, "sitename", None)),
    )


def _clean(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None
