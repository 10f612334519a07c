"""Long articles written for the tests: council paragraphs that each name their speaker in full."""

from __future__ import annotations

PEOPLE = ["Maria Lopez", "Tom Becker", "Aisha Khan", "Peter Novak", "Lena Fischer", "Omar Haddad"]
PLACES = ["Leeds", "Cardiff", "Glasgow", "Belfast", "Bristol", "Norwich"]


def paragraph(number: int) -> str:
    """A paragraph that names everyone it speaks of in full, so no window or chunk needs another's."""
    person, place = PEOPLE[number % len(PEOPLE)], PLACES[number % len(PLACES)]
    return (
        f"The council in {place} approved plan number {number} on Tuesday after a long debate. "
        f"“We have waited for this for years,” said {person}, who chairs the housing committee. "
        f"Critics said the budget of {number + 3} million pounds would not cover the repairs."
    )


def article(paragraphs: int) -> str:
    return "Council budget approved\n\n" + "\n\n".join(paragraph(n) for n in range(paragraphs)) + "\n"
