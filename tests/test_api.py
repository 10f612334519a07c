"""The Python API and the spaCy component, against what `whosaid run` writes for the same text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import whosaid
from typer.testing import CliRunner
from whosaid.cli import app
from whosaid.errors import ArticleError
from whosaid.models import Article

pytestmark = pytest.mark.model

# Written for these tests: a short wire-style story with direct, mixed and indirect quotes.
STORY = """Harbour strike ends after three weeks

Dock workers in Rotterdam voted on Tuesday to end a three-week strike that had left hundreds of
container ships waiting off the Dutch coast.

"We have won what we came for," said Marieke de Vries, the leader of the FNV dockers' union.
"Nobody wanted this to go on into the summer."

The port authority said the backlog would take at least a month to clear. Its chief executive,
Allard Castelein, told reporters that the agreement was "fair to both sides" and thanked the
workers for their patience.

Mrs de Vries said she expected the first ships to berth yesterday evening.
"""

# STORY with one line per paragraph: a Doc parsed from hard-wrapped text keeps its line breaks
# as tokens, while the string path hands the parser those breaks as spaces (whosaid.unwrap), so
# the Doc and string paths give the same record only on text without hard wraps.
UNWRAPPED = "\n\n".join(paragraph.replace("\n", " ") for paragraph in STORY.split("\n\n"))

OTHER = """Council approves new cycle lanes

Leeds City Council approved plans for twelve miles of new cycle lanes on Wednesday.

"This is the biggest change to the city's roads in a generation," said councillor James Lewis.
Opponents said the scheme would push traffic into residential streets.
"""


def comparable(article: Article) -> dict[str, Any]:
    """The record without the fields that say where it came from."""
    data = article.model_dump(mode="json")
    data.pop("id")
    data["source"].pop("path")
    return data


def run_cli(tmp_path: Path, texts: dict[str, str]) -> dict[str, Article]:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(folder), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    records = {}
    for entry in manifest["articles"]:
        records[Path(entry["path"]).stem] = Article.model_validate_json((out / entry["output"]).read_text())
    return records


def test_extract_on_a_string_gives_the_record_whosaid_run_writes(tmp_path: Path) -> None:
    from_cli = run_cli(tmp_path, {"story": STORY})["story"]
    assert [article.model_dump() for article in whosaid.load(tmp_path / "out")] == [from_cli.model_dump()]
    from_api = whosaid.extract(STORY)
    assert isinstance(from_api, Article)
    assert from_api.source.path == "<text>"
    assert comparable(from_api) == comparable(from_cli)
    speakers = {quote.speaker.name for quote in from_api.quotes if quote.speaker}
    assert "Marieke de Vries" in speakers
    assert from_api.title == "Harbour strike ends after three weeks"


def test_title_and_published_take_the_place_of_what_the_text_says() -> None:
    article = whosaid.extract(STORY, title="Rotterdam strike over", published="2024-06-12T09:30:00+02:00")
    assert article.title == "Rotterdam strike over"
    assert article.published == "2024-06-12T09:30:00+02:00"
    dates = {entity.name: entity.value for entity in article.entities if entity.kind == "date"}
    # "on Tuesday" is read against the publication date given (Wednesday 12 June 2024), not today's.
    assert dates["Tuesday"] == "2024-06-11", dates


def test_extract_many_streams_records_in_input_order_across_workers() -> None:
    texts = [STORY, OTHER, STORY.replace("Rotterdam", "Antwerp")]
    one = list(whosaid.extract_many(texts, ids=["a", "b", "c"]))
    two = list(whosaid.extract_many(texts, ids=["a", "b", "c"], jobs=2, batch_size=1))
    assert [article.id for article in one] == ["a", "b", "c"]
    assert [article.model_dump() for article in two] == [article.model_dump() for article in one]
    assert "Antwerp" in {entity.name for entity in one[2].entities}
    assert comparable(one[0]) == comparable(whosaid.extract(STORY))


def test_a_bad_text_raises_naming_it_or_is_skipped() -> None:
    with pytest.raises(ArticleError, match=r"'blank'.*whitespace"):
        list(whosaid.extract_many([OTHER, "   \n "], ids=["fine", "blank"]))
    kept = list(whosaid.extract_many([OTHER, "   \n ", STORY], on_error="skip"))
    assert [article.id for article in kept] == ["0", "2"]
    with pytest.raises(TypeError, match="text 0 is a bytes"):
        list(whosaid.extract_many([b"bytes"]))  # type: ignore[list-item]
    with pytest.raises(ValueError, match="ids ended before the texts"):
        list(whosaid.extract_many([OTHER, STORY], ids=["only-one"]))


def test_extract_on_a_doc_from_whosaids_model_matches_the_string(nlp: Any) -> None:
    from whosaid.parse import model_label

    doc = nlp(UNWRAPPED)
    from_doc = whosaid.extract_doc(doc, model_label=model_label(nlp))
    assert comparable(from_doc) == comparable(whosaid.extract(UNWRAPPED))
    assert whosaid.extract(doc).pipeline.model in {model_label(nlp), "spacy-doc"}


def users_pipeline() -> Any:
    """A user's own pipeline: the installed English model loaded directly with spaCy."""
    import spacy
    from whosaid.installed import resolve_model

    return spacy.load(resolve_model())


def test_the_component_in_a_users_own_pipeline() -> None:
    nlp = users_pipeline()
    nlp.add_pipe("whosaid_paragraphs", before="parser")
    nlp.add_pipe("whosaid")
    doc = nlp(UNWRAPPED)
    record = doc._.whosaid
    assert isinstance(record, Article)
    assert comparable(record) == comparable(whosaid.extract(UNWRAPPED))
    assert doc._.quotes == list(record.quotes) and doc._.entities == list(record.entities)
    # Without the paragraph rule the component warns (headlines run into the body), and
    # still attributes the direct quote.
    plain = users_pipeline()
    with pytest.warns(UserWarning, match="whosaid_paragraphs"):
        plain.add_pipe("whosaid")
    (won,) = [quote for quote in plain(STORY)._.quotes if quote.text.startswith("We have won")]
    assert won.speaker is not None and won.speaker.name == "Marieke de Vries"


def test_the_component_survives_n_process_and_a_saved_config(tmp_path: Path) -> None:
    import spacy

    nlp = users_pipeline()
    nlp.add_pipe("whosaid_paragraphs", before="parser")
    nlp.add_pipe("whosaid")
    serial = [doc._.whosaid.model_dump() for doc in nlp.pipe([STORY, OTHER])]
    parallel = [doc._.whosaid.model_dump() for doc in nlp.pipe([STORY, OTHER], n_process=2)]
    assert parallel == serial
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.pipe_names[-1] == "whosaid"
    assert reloaded(OTHER)._.whosaid.model_dump() == serial[1]


def test_the_component_needs_a_parser_and_ner() -> None:
    import spacy

    with pytest.raises(ValueError, match="needs a pipeline with a 'parser' and an 'ner'"):
        spacy.blank("en").add_pipe("whosaid")
    nlp = users_pipeline()
    nlp.add_pipe("whosaid_paragraphs", before="parser")
    nlp.add_pipe("whosaid")
    assert nlp("   ")._.whosaid is None and nlp("   ")._.quotes == []
