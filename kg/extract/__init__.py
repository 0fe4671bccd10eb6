"""Extraction: a document's text → its entities and facts, each with the quote that states it.

The stages, one module each:

- :mod:`kg.extract.parse` — the spaCy parse of a document (tokens, sentences, lemmas, parts of
  speech, dependencies, named entities), with offsets into the document's text;
- :mod:`kg.extract.grammar` — the event grammar, read from ``data/grammar/*.toml``: a rule names
  a trigger, the ontology class it yields and its arguments by dependency path;
- :mod:`kg.extract.events` — the grammar run over the parse: events with their actor, object, date
  and place, each with a confidence;
- :mod:`kg.extract.checks` — parse checks that keep out what the parse does not settle
  (numbers inside names, counts of their own noun);
- :mod:`kg.extract.entities` — named entities from the model, for text the gazetteer does not know;
- :mod:`kg.extract.rules` — the older pattern rules over mentions (positions, parts of
  organisations, reports, claims, statistics), kept while the grammar takes over their work.
"""

from kg.extract.rules import Extraction, extract_facts

__all__ = ["Extraction", "extract_facts"]
