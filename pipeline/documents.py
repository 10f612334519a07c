"""Who wrote a document that the article quotes without naming its author there.

News often quotes "a report" or "the survey" and says whose it is in another sentence: "Most EU
countries have failed ..., a report says. The study, undertaken by the European Commission, ...";
"... according to research from technology analysts Gartner. More than 674 million mobiles were
sold, said the report". ``document_author`` gives such a document the one author the article gives
its documents of the same kind (``DOCUMENT_KINDS``: a report, a survey and research may be one
study; figures are another kind, a lawsuit another): a definite document ("the report", "the
survey") the author given to any such document before it or in the ``AFTER`` sentences after; an
indefinite one ("a report says") only an author given after it (a document named before may be
another: "A survey by Acme ... A survey said"). Never when the article gives such documents two
authors, counting authors no entity stands for ("a survey by Hostway", tagged nothing) and joint
ones ("the joint report from the FAO and the WFP"); nor for a document its words set apart
("another report", "the rival survey"), nor one that its own words say whose it is or name ("the
Daily Telegraph poll" is not YouGov's; owners and authors in its own phrase are
``phrase_names.affiliation``'s). A document a story's opening quotes with no author ("..., a report
says.") is the one organisation that speaks in the next sentence ("The statistical office INSEE
said ..."), as news names its source there (``_source_next``).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from whosaid.constraints import definite
from whosaid.docfacts import doc_text, kept_for_article, sentence_starts
from whosaid.gazetteer import DOCUMENT_NOUNS, SOURCE_KIND_NOUNS
from whosaid.namecues import introducing_word, kind_word, says_something

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from whosaid.entity_index import EntityIndex
    from whosaid.models import Entity, Mention

LEDE_PARAGRAPHS = 2  # a story's headline and first paragraph, where it sums up what a source says ...
LEDE_SENTENCES = 2  # ... and of that paragraph only the first sentences (some articles break no paragraphs)
_PARAGRAPH_BREAK = "\n\n"
AFTER = 2  # sentences after a document in which its author may be given ("The study, undertaken by ...")
# Verbs that give a document's author as their agent ("The survey was carried out by Acme Research").
AUTHORING_VERBS = frozenset(
    "publish conduct carry commission produce compile undertake write release issue prepare run file bring".split()
)
_AUTHOR_PREPOSITIONS = frozenset({"by", "from", "for"})
# Documents of one kind may be one document written of in other words ("research from Gartner ...
# said the report"); a kind's author is not another kind's ("Conte's statements, the suit added").
DOCUMENT_KINDS = {
    **dict.fromkeys("report survey study research poll review inquiry audit analysis forecast".split(), "study"),
    **dict.fromkeys("figure number statistic data datum".split(), "figures"),
    **dict.fromkeys("lawsuit suit filing".split(), "suit"),
}
# Words that make a document another one than those the article named before.
OTHER_DOCUMENT_WORDS = frozenset("another further other second separate earlier previous rival different".split())


def document_author(doc: Doc, head: Token, index: EntityIndex) -> Entity | None:
    """The one person or organisation the article gives as the author of its documents, for the
    document ``head`` (see the module's docstring), or None."""
    if head.lemma_.lower() not in DOCUMENT_NOUNS or head.tag_ not in ("NN", "NNS"):
        return None
    if _author_words(head) or any(t.lower_ in OTHER_DOCUMENT_WORDS for t in head.lefts):
        return None  # "another report"; "a survey by Hostway", "its report": its own words say whose
    is_definite = definite(head)
    if not is_definite and not any(t.dep_ == "det" for t in head.lefts) and head.tag_ != "NN":
        return None  # a bare plural ("reports suggest") may be anyone's
    starts = sentence_starts(doc)
    last = bisect_right(starts, head.i) - 1 + AFTER
    kind = DOCUMENT_KINDS.get(head.lemma_.lower(), head.lemma_.lower())
    authors: set[str] = set()
    for i, sentence, written, author in _documents(doc, index):
        if sentence > last:
            break
        if written != kind or (i < head.i and not is_definite):
            continue
        if i < head.i and not author:
            authors.clear()  # "An Open Letter" introduced since: "the letter" may be that one
        elif author and (i != head.i or not is_definite):  # its own: the source named next
            authors.add(author)
    if len(authors) != 1:
        return None
    (author_id,) = authors
    found = next((e for e in index.entities if e.id == author_id), None)
    if found is None:
        return None  # an author no entity stands for
    names = {word for m in found.mentions for word in m.text.split()}
    if any(_capitalised(t) and t.text not in names for t in head.lefts):
        return None  # "the Daily Telegraph poll" is not YouGov's: its own words name whose, or its title
    return found


def _documents(doc: Doc, index: EntityIndex) -> list[tuple[int, int, str, str]]:
    """(token, sentence, kind, author) for each document noun of the article whose own phrase names
    its author ("the study, undertaken by the European Commission", "a report by Gartner"), and each
    one introduced with "a" or "an" that names none (author ""), in text order. The author is the
    author's entity id, or the words of an author no entity stands for ("a survey by Hostway",
    tagged nothing; two authors joined, "the joint report from the FAO and the WFP"), which make
    the article's authors more than one. Computed once per article while its facts are kept."""
    kept = kept_for_article(doc)
    if kept is not None and "documents" in kept:
        found: list[tuple[int, int, str, str]] = kept["documents"]
        return found
    from whosaid.phrase_names import named_with

    starts = sentence_starts(doc)
    found = []
    sourced: dict[int, str] = {}  # documents whose source the next sentences name -> its entity id
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ not in ("NOUN", "PROPN") or lemma not in DOCUMENT_NOUNS:  # "An Open Letter from ..."
            continue
        if index.at(token.idx, token.idx + len(token)) is not None:
            continue  # a word of a name: "the National Audit Office", "Jupiter Research"
        words = _author_words(token)
        entity = named_with(token, index) or _entity_among(words, index)
        if any(c.dep_ == "conj" for w in words for c in w.children):
            author = " and ".join(w.text for w in words)
        elif entity is not None:
            author = entity.id
        else:
            author = next((w.text for w in words if w.pos_ == "PROPN"), "")
        indefinite = not definite(token) and not words and says_something(token) and _in_lede(doc, token, starts)
        if not author and indefinite and (token.tag_ == "NN" or any(t.lower_ in ("a", "an") for t in token.lefts)):
            source, passed = _source_next(doc, token, starts, index)  # "..., a report says. Acme said ..."
            if source is not None:
                sourced.update(dict.fromkeys([token.i, *passed], source.id))
        author = author or sourced.get(token.i, "")
        if author or any(t.lower_ in ("a", "an") for t in token.lefts):
            found.append((token.i, bisect_right(starts, token.i) - 1, DOCUMENT_KINDS.get(lemma, lemma), author))
    if kept is not None:
        kept["documents"] = found
    return found


def _source_next(doc: Doc, document: Token, starts: list[int], index: EntityIndex) -> tuple[Entity | None, list[int]]:
    """The organisation first named in the sentence after an indefinite document as the one that
    says, finds or reports ("..., a report says. The statistical office INSEE said ...",
    "..., research suggests. ... according to analysts Jupiter Research"), or None: news names a
    document's source in the next sentence; when a document of the same kind speaks there with
    no name of its own ("said a report") or no one speaks there ("China's net users number
    100m."), in the one after. Not when that sentence opens with a
    contrast ("But Acme said": another voice), nor a joint source, nor a person named in full or
    given a gender (a document's author named so is an organisation; a person speaking next may be
    commenting on it), nor a source the sentence does not introduce as one by a kind or a trade
    ("The Department of Health said ...": it may be answering the document). Also the documents
    passed over on the way, which are the same one."""
    from whosaid.phrase_names import named_with

    kind = DOCUMENT_KINDS.get(document.lemma_.lower(), document.lemma_.lower())
    sentence = bisect_right(starts, document.i) - 1
    passed: list[int] = []
    for after in range(sentence + 1, min(sentence + 1 + AFTER, len(starts))):
        first, end = starts[after], starts[after + 1] if after + 1 < len(starts) else len(doc)
        if doc[first].lower_ in _CONTRASTS:
            break
        speaker = next((t for t in doc[first:end] if says_something(t) and not index.quoted[t.idx]), None)
        if speaker is None:
            continue  # "..., says a report. China's net users number 100m. Analysts Panlogic predicts ..."
        if any(c.dep_ == "conj" for c in speaker.children):
            break  # "the BRC and accountants KPMG said": a joint source
        found = index.at(speaker.idx, speaker.idx + len(speaker))
        entity = found[1] if found is not None else named_with(speaker, index)
        if entity is None and DOCUMENT_KINDS.get(speaker.lemma_.lower()) == kind and not definite(speaker):
            passed.append(speaker.i)  # "..., according to research. ..., said a report. Acme said ..."
            continue
        source = entity is not None and _may_be_organisation(entity) and _introduced(speaker, found)
        return (entity, passed) if source else (None, [])
    return None, []


_CONTRASTS = frozenset({"but", "however", "yet", "meanwhile", "still"})


def _introduced(speaker: Token, found: tuple[Mention, Entity] | None) -> bool:
    """Whether the speaker is introduced as a source, by a kind of organisation or a trade that its
    name is written with (``gazetteer.SOURCE_KIND_NOUNS``: "the statistical office INSEE", "analysts
    Jupiter Research", "the office, INSEE,"): a name alone ("The Department of Health said") may be
    answering the document."""
    if found is None:  # the speaker is the noun its name is set beside
        return kind_word(speaker) in SOURCE_KIND_NOUNS
    name = speaker.doc.char_span(found[0].start, found[0].end, alignment_mode="expand")
    word = introducing_word(name) if name is not None else None
    return word is not None and kind_word(word) in SOURCE_KIND_NOUNS


def _may_be_organisation(entity: Entity) -> bool:
    """An organisation, or a "person" the article names only by one word and gives no gender
    ("said market analyst Datamonitor", tagged a person): not someone named in full ("Ann Webb")."""
    if entity.kind == "organization":
        return True
    return entity.kind == "person" and entity.gender is None and " " not in entity.name


def _in_lede(doc: Doc, token: Token, starts: list[int]) -> bool:
    """Whether ``token`` is in the story's opening (its headline or the first sentences of the
    paragraph after it), where news sums up what a source says and names the source in the next
    sentence; and its phrase names nothing of its own ("a report in the Sunday Business": that
    paper's). The opening ends at a blank line or after ``LEDE_SENTENCES`` sentences after the
    headline's line, whichever comes first."""
    if any(c.dep_ == "prep" and any(o.pos_ == "PROPN" for o in c.subtree) for c in token.children):
        return False
    text = doc_text(doc)
    if text.count(_PARAGRAPH_BREAK, 0, token.idx) >= LEDE_PARAGRAPHS:
        return False
    headline_end = text.find("\n")  # the headline's sentences, on the first line
    headline = sum(1 for start in starts if doc[start].idx < headline_end)
    return bisect_right(starts, token.i) - 1 < headline + LEDE_SENTENCES


def _author_words(document: Token) -> list[Token]:
    """The words that name a document's author in its own phrase: its owner ("Gartner's report"), a
    name after "by", "from" or "for", the agent of a verb that tells how it was made ("research
    carried out by ...", "The survey was published by ...")."""
    words = [c for c in document.children if c.dep_ == "poss"]
    verbs = [c for c in document.children if c.dep_ == "acl"]
    if document.dep_ == "nsubjpass" and document.head.lemma_.lower() in AUTHORING_VERBS:
        verbs.append(document.head)
    preps = [c for c in document.children if c.dep_ == "prep" and c.lower_ in _AUTHOR_PREPOSITIONS]
    preps += [a for v in verbs for a in v.children if a.dep_ == "agent"]
    return words + [c for p in preps for c in p.children if c.dep_ == "pobj"]


def _entity_among(words: list[Token], index: EntityIndex) -> Entity | None:
    """The first person or organisation that one of ``words`` names ("The survey was carried out by Acme Research")."""
    for word in words:
        found = index.at(word.idx, word.idx + len(word))
        if found is not None and found[1].kind in ("organization", "person"):
            return found[1]
    return None


def _capitalised(word: Token) -> bool:
    """Whether ``word`` is a name's or a title's: a proper noun, or capitalised inside its sentence."""
    return word.pos_ == "PROPN" or (word.text[:1].isupper() and not word.is_sent_start)
