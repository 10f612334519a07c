"""Rules as data: the words that introduce reported speech, and the marks that quote it.

The verb and noun lists follow the reporting verbs of the PARC and PolNeAR attribution
corpora (speech, writing, belief and stance verbs) and common newsroom usage. They are
lemmas, matched against spaCy's lemmatizer, so "says", "said" and "saying" all count.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

# Titles live in whosaid.titles (one list); re-exported here for the rules that use them.
from whosaid.titles import TITLE_GENDERS as TITLE_GENDERS
from whosaid.titles import TITLE_WORDS as TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs whose subject is the source and whose clausal complement is the content:
# "Kabulov hinted (that) Russia might recognize the Taliban".
SPEECH_VERBS = frozenset(
    """
    say tell add note explain state declare announce report write tweet post claim insist
    argue contend maintain assert allege acknowledge admit concede confirm deny reveal
    disclose suggest hint imply indicate predict warn caution stress emphasize emphasise
    reiterate repeat recall remark comment observe point mention answer reply respond retort
    counter ask question wonder demand urge recommend propose promise pledge vow threaten
    swear testify complain lament boast brag concur agree disagree estimate calculate
    conclude find determine rule decide order announce inform advise assure reassure remind
    signal speculate theorize theorise guess joke quip shout scream yell whisper mutter
    cry exclaim continue begin conclude summarize summarise describe characterize
    characterise call label brand dub accuse blame charge criticize criticise condemn
    denounce praise hail welcome applaud defend dismiss reject slam blast attack fault
    mock ridicule question challenge acknowledge recognize recognise project forecast
    expect believe think feel fear hope worry doubt know understand assume suppose
    consider reckon figure realize realise learn hear see show prove demonstrate
    illustrate highlight underscore underline emphasise plead beg implore caution
    concede specify clarify elaborate detail outline list cite quote read say confess
    interject chime boom thunder snap scoff gush marvel sigh laugh chant bark growl murmur
    beam exult gasp grumble groan wail roar rave fume sneer
    """.split()
)

# The speech verbs by which someone tells or judges (the BBC "reports", the ILO "estimated"), not those whose subject
# may be evidence ("DNA suggests", "GDP shows", "the figures reveal"): only a speaker has these said of it.
SAYING_VERBS = frozenset(
    """
    say tell add note explain state declare announce report write tweet post claim insist argue
    contend maintain assert allege acknowledge admit concede confirm deny disclose warn caution stress
    emphasize emphasise reiterate repeat remark comment reply respond retort answer ask urge recommend
    propose promise pledge vow threaten testify complain describe accuse blame criticize criticise
    condemn denounce praise welcome defend reject inform advise estimate forecast predict decide
    """.split()
)
assert SAYING_VERBS <= SPEECH_VERBS

# Verbs that take the content as an infinitive (xcomp) rather than a clause:
# "She promised to cut taxes".
INFINITIVE_CUE_VERBS = frozenset(
    """promise pledge vow threaten urge ask demand offer refuse decline vote call plan intend
    want seek hope aim agree expect""".split()
)

# Verbs whose object, with what follows it, is the reported content:
# "Okafor criticized the mayor for closing the library", "the White House cited an analysis",
# "a new poll shows Ramirez with a lead". Each was kept only where it paid on PolNeAR train
# (verbs whose objects were right less than a third of the time, such as "tell", were left out).
OBJECT_CONTENT_VERBS = frozenset(
    """
    announce propose endorse support oppose back reject deny acknowledge confirm reveal predict
    demand recommend criticize criticise praise condemn blame accuse cite discuss mention
    promise urge defend dismiss question describe fault attack slam blast applaud hail
    decry tout champion denounce lambaste dispute challenge
    express voice echo advocate portray deem view assail rebut invoke credit reference envision
    regard prefer promote address release share show indicate suggest offer seek see call
    report note ask recall post tweet
    """.split()
)

# Stance verbs: PolNeAR counts "backing Assad", "sought a deal" and "polls show Clinton ahead"
# as attributions, but they report a position, an aim or evidence, not words, so these quotes
# get a lower confidence (method "stance").
STANCE_VERBS = frozenset("support oppose back endorse champion prefer promote show see offer seek".split())

# Adjectives of attitude: "Democrats are wary of a long primary", "she is confident that ...".
STANCE_ADJECTIVES = frozenset(
    """
    critical wary leery sick tired optimistic pessimistic proud nervous angry skeptical sceptical
    concerned confident sure certain convinced hopeful fearful afraid supportive appreciative
    upset furious unhappy disappointed frustrated worried doubtful adamant insistent
    """.split()
)
ADJECTIVE_PREPOSITIONS = frozenset({"of", "about", "at", "with", "over", "on", "that"})

# Verbs whose content comes after a preposition: "talked about how ...", "warned of a crisis".
PREPOSITION_CUE_VERBS = frozenset(
    "talk speak write comment testify complain warn ask argue joke boast brag tweet lecture muse rail".split()
)
CONTENT_PREPOSITIONS = frozenset({"about", "of", "against"})
# "on" carries content only after these ("commented on the ruling"; not "spoke on Tuesday").
ON_CUE_VERBS = frozenset({"comment", "testify", "lecture", "muse", "write", "report"})

# Evaluative speech verbs whose object carries the reported content, quoted words and all:
# 'praised the Taliban over the "puppet government" of Ashraf Ghani'.
OBJECT_CUE_VERBS = frozenset(
    """
    praise criticize criticise condemn denounce accuse blame call describe label brand dub
    dismiss hail slam blast attack mock ridicule welcome applaud characterize characterise
    defend reject question challenge decry lambaste deride refer
    """.split()
)

# Cue verbs too weak to carry an attribution alone; they count only with a clausal complement
# that is not a bare infinitive ("I know him" is not a quote, "I know that he left" is).
WEAK_CUE_VERBS = frozenset("see know hear understand learn find show read continue begin figure".split())

# Nouns of speech or writing: "Biden's address about the orderly drawdown".
SPEECH_NOUNS = frozenset(
    """
    statement address speech remark remarks comment comments announcement claim claims
    assertion allegation allegations warning warnings promise pledge vow testimony
    interview letter tweet post memo report argument suggestion proposal criticism
    admission denial confirmation assurance insistence message plea call appeal demand
    prediction threat accusation charge charges belief view views opinion position
    response reaction reply answer retort verdict
    """.split()
)

# Prepositions that attach the content to a speech noun: "address about", "claim that".
SPEECH_NOUN_PREPS = frozenset({"about", "on", "regarding", "over", "of"})

# Group speakers named by a quantity: "Many said ...", "About four in 10 said ...".
QUANTIFIERS = frozenset("many most several some few others all both half majority".split())

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
PRONOUN_GENDERS = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
# Third-person pronouns and what they can refer to: a man, a woman, a thing or organisation, a group.
PRONOUN_REFERENTS = {
    **dict.fromkeys("he him his himself".split(), "male"),
    **dict.fromkeys("she her hers herself".split(), "female"),
    **dict.fromkeys("it its itself".split(), "thing"),
    **dict.fromkeys("they them their theirs themselves".split(), "plural"),
}
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
GROUP_PRONOUNS = frozenset({"they", "them", "we", "us", "i", "me", "you", "it"})
# Abbreviations spelt like a pronoun, as written: "The US says" is the country, not "us" (a pronoun
# in a headline or wire copy set in capitals, "SHE SAID", stays a pronoun).
PRONOUN_LOOKALIKES = frozenset({"US"})

# Quotation marks by family. A quote closes with a mark of the family it opened with.
DOUBLE_OPENERS = frozenset('"“„«»')
DOUBLE_CLOSERS = frozenset('"”“»«')
SINGLE_OPENERS = frozenset("'‘‚‹›")
SINGLE_CLOSERS = frozenset("'’‘›‹")
QUOTE_CHARS = DOUBLE_OPENERS | DOUBLE_CLOSERS | SINGLE_OPENERS | SINGLE_CLOSERS
# A mark that only ever opens or only ever closes (curly English, guillemets in French order).
ONLY_OPENS = frozenset("“‘„‚«‹")
ONLY_CLOSES = frozenset("”’»›")
DASHES = frozenset("-–—―")

# Every verb that can introduce reported content by one of the rules above.
REPORTED_CUE_VERBS = (
    SPEECH_VERBS | INFINITIVE_CUE_VERBS | OBJECT_CUE_VERBS | OBJECT_CONTENT_VERBS | PREPOSITION_CUE_VERBS
)


# Forms the small English model lemmatizes wrongly: "hoping" -> "hop".
LEMMA_FIXES = {"hoping": "hope", "hoped": "hope"}


def cue_lemma(token: Token) -> str:
    """The lemma to look up in the lists above."""
    return LEMMA_FIXES.get(token.lower_) or token.lemma_.lower()


def tokens_with_lemma(doc: Doc, lemmas: Collection[str], forms: Collection[str] = ()) -> list[int]:
    """Indices of the tokens whose ``cue_lemma`` is in ``lemmas`` or whose lower-case form is in
    ``forms``: the same test as ``cue_lemma`` token by token, read from the Doc's arrays with one
    lookup per distinct word (a Token object per word costs more than the test)."""
    import numpy
    from spacy.attrs import LEMMA, LOWER
    from whosaid.lookups import per_distinct

    if not len(doc):
        return []
    columns = doc.to_array([LEMMA, LOWER])
    strings = doc.vocab.strings
    # Per word list, what each string (by its hash, the same in every Doc) decides, kept across
    # articles: for a form 1 (found), 0 (not) or -1 (its lemma decides).
    forms_decide, lemmas_decide = _DECISIONS.setdefault((frozenset(lemmas), frozenset(forms)), ({}, {}))
    if len(forms_decide) > _MAX_DECISIONS or len(lemmas_decide) > _MAX_DECISIONS:
        forms_decide.clear()
        lemmas_decide.clear()

    def form_says(key: int) -> int:
        decided = forms_decide.get(key)
        if decided is None:
            word = strings[key]
            if word in LEMMA_FIXES:
                decided = int(LEMMA_FIXES[word] in lemmas or word in forms)
            else:
                decided = 1 if word in forms else -1
            forms_decide[key] = decided
        return decided

    def lemma_says(key: int) -> bool:
        found = lemmas_decide.get(key)
        if found is None:
            found = lemmas_decide[key] = strings[key].lower() in lemmas
        return found

    by_form = per_distinct(columns[:, 1], form_says, numpy.int8)
    chosen = numpy.where(by_form < 0, per_distinct(columns[:, 0], lemma_says), by_form > 0)
    return numpy.flatnonzero(chosen).tolist()


_MAX_DECISIONS = 200_000  # distinct words remembered per word list (a few MiB) before starting afresh
_DECISIONS: dict[tuple[frozenset[str], frozenset[str]], tuple[dict[int, int], dict[int, bool]]] = {}
