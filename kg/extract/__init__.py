"""Extraction: a document's text → its entities and facts, each with the quote that states it.

The stages, one module each:

- :mod:`kg.extract.document` — one document end to end (what :func:`kg.build.extract_document` runs);
- :mod:`kg.extract.parse` — the spaCy parse of a document (tokens, sentences, lemmas, parts of
  speech, dependencies, named entities), with offsets into the document's text;
- :mod:`kg.extract.grammar` — the grammar, read from ``data/grammar/*.toml`` and checked against
  the ontology: event rules (a trigger, the class it yields, arguments by dependency path),
  reporting verbs, role words, words of government;
- :mod:`kg.extract.entities` — named entities from the model, for text the gazetteer does not know;
- :mod:`kg.extract.events`, :mod:`kg.extract.claims`, :mod:`kg.extract.positions`,
  :mod:`kg.extract.relations` — the grammar run over the parse: events, attributed claims, posts,
  parts of organisations, each fact with a confidence;
- :mod:`kg.extract.checks` — parse checks that keep out what the parse does not settle;
- :mod:`kg.extract.rules` (with ``rules_base``, ``rules_posts``, ``rules_events``, ``rules_reports``,
  ``rules_claims`` and ``patterns``) — the older pattern rules over mentions (reports, findings,
  tenure, statistics, ...), kept while the grammar takes over their work.
"""

from kg.extract.rules import Extraction, extract_facts

__all__ = ["Extraction", "extract_facts"]
