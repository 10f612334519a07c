"""Each person's grammatical gender, as the article's own titles and pronouns give it."""

from __future__ import annotations

from collections.abc import Callable

from whosaid.models import Article


def genders(article: Article) -> dict[str, str | None]:
    return {e.name: e.gender for e in article.entities if e.kind == "person"}


def test_titles_give_the_gender(process: Callable[[str], Article]) -> None:
    article = process(
        "Tory co-chairman Lord Ashcroft gave the party money. "
        "Jane Hill, a spokeswoman for the council, said the road would reopen."
    )
    found = genders(article)
    assert found["Ashcroft"] == "male"
    assert found["Jane Hill"] == "female"


def test_pronouns_give_the_gender_not_first_names(process: Callable[[str], Article]) -> None:
    # "Sam" says nothing; "she" does. Clinton and Sanders are never referred to by a pronoun.
    article = process(
        "Sam Taylor opened the bakery in 2010. Taylor said she had always wanted to bake.\n\n"
        "Hillary Clinton met Bernie Sanders on Tuesday. The meeting lasted an hour."
    )
    found = genders(article)
    assert found["Sam Taylor"] == "female"
    assert found["Hillary Clinton"] is None
    assert found["Bernie Sanders"] is None


def test_subject_of_the_paragraph_takes_the_pronoun(process: Callable[[str], Article]) -> None:
    article = process("Mr Hale is stepping up his campaign work as he tours Leeds and Bristol.")
    assert genders(article)["Hale"] == "male"


def test_other_kinds_have_no_gender(process: Callable[[str], Article]) -> None:
    article = process("Acme Corp said it would close its plant in Ohio, where she worked.")
    assert all(e.gender is None for e in article.entities if e.kind != "person")
