"""Who "I" is in a signed comment: the name on the signature line under it.

Pages of readers' comments and letters print each one with its writer's name on a line of
its own after it, often with a town ("Ann Webb, Leeds", "Tom Hill, Bristol, UK"). The "I" of
the comment is that writer. ``signature_after`` finds the first signature after the pronoun, on a
line of its own or ending a line after its last sentence, within ``MAX_LINES`` lines of text: a
name of one to ``MAX_NAME_WORDS`` capitalised words, then a comma and places, with no sentence
mark at its end.
"""

from __future__ import annotations

import re

MAX_LINES = 6  # lines of text after the pronoun's own line that a comment may run on to its signature
MAX_NAME_WORDS = 4
# "Ann Webb, Leeds", "J. O'Neill, Cork, Ireland", "Priya Shah-Khan, Cardiff": a name, then places after commas.
_NAME_WORD = r"(?:[A-Z][\w'’.-]*)"
_SIGNATURE = re.compile(
    rf"[ \t]*(?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{0,{MAX_NAME_WORDS - 1}}})"
    rf"(?:, (?:{_NAME_WORD}|of|upon|on|the)(?: (?:{_NAME_WORD}|of|upon|on|the))*){{1,3}}(?<![.!?])[ \t]*$"
)

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*[ \t]+(?=\S)")


def signature_after(text: str, position: int) -> tuple[int, int] | None:
    """The character span of the name on the first signature after ``position``, on its own
    line or ending a line after its last sentence ("... at work. Ann Webb, Leeds": a reading
    that joined the lines), within ``MAX_LINES`` lines of text; else None."""
    start = position
    lines = 0
    while lines <= MAX_LINES:
        end = text.find("\n", start)
        line = text[start:] if end == -1 else text[start:end]
        if line.strip():
            for offset in (0, *(end.end() for end in _SENTENCE_END.finditer(line))):
                found = _SIGNATURE.match(line, offset)
                if found is not None:
                    return start + found.start("name"), start + found.end("name")
            lines += 1
        if end == -1:
            return None
        start = end + 1
    return None
