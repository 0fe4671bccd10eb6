"""The ontology (ontology/kg.ttl) and the SHACL shapes every build must satisfy (shapes.ttl).

SHACL cases live in tests/cases/shapes/: ``good-*.trig`` must conform; each ``bad-*.trig`` breaks
exactly one rule and names it in an ``# expect: kgsh:<shape>`` line.
"""

from __future__ import annotations

import re
import warnings
from functools import cache
from pathlib import Path

import owlrl
import pyoxigraph
import pytest
from owlrl.Namespaces import ERRNS
from pyshacl import validate
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH

from kg.namespaces import KGO, PREFIXES

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
CASES = sorted((ROOT / "tests" / "cases" / "shapes").glob("*.trig"))
GOOD = [c for c in CASES if c.name.startswith("good-")]
KGSH = Namespace("https://w3id.org/kg-accountability/shapes#")
ONTOLOGY_IRI = URIRef("https://w3id.org/kg-accountability/ontology")


def words(text: str) -> list[str]:
    return text.split()


OUR_CLASSES = words("""Organization Agency Group Person Official Position Policy LegalInstrument
    ExecutiveOrder Statute Convention Agreement CourtCase Event PolicyAnnouncement PracticeChange
    EnforcementAction ExecutiveOrderSigning Protest Statement Criticism ReportRelease CourtOrder
    Hearing Tenure Report Claim Finding Statistic Place SourceDocument Fact Conflict
    Announcement Signing Testimony LegalAction Lawsuit Charge Plea Conviction Sentencing Settlement
    PersonnelChange Appointment Resignation Dismissal Investigation Warning Denial EmergencyDeclaration
    Funding""")
OUR_OBJECT_PROPERTIES = words("""court tenurePost eventObject failedToCoordinateWith reviews claimant about findingOf
    expresses statedBy mentionedIn conflictingFact conflictSubject conflictProperty reviewedEvidence""")
OUR_DATATYPE_PROPERTIES = words(
    "dateUnknown ended qualifier countedThing purpose extractedBy confidence sourceText correctionOf page"
)
EXTERNAL_TERMS = words("""org:member org:holds org:heldBy org:postIn org:subOrganizationOf sem:hasActor
    sem:hasPlace sem:hasTimeStamp sem:hasBeginTimeStamp sem:hasEndTimeStamp
    sem:hasEarliestBeginTimeStamp
    schema:value schema:unitText schema:text schema:reportNumber schema:legislationIdentifier
    schema:legislationDate schema:url dcterms:title dcterms:issued dcterms:creator
    dcterms:publisher dcterms:date dcterms:identifier dcterms:license skos:altLabel
    skos:exactMatch prov:wasDerivedFrom prov:wasGeneratedBy prov:wasAttributedTo oa:hasSource
    prov:generatedAtTime prov:Agent oa:Annotation oa:motivatedBy oa:hasTarget oa:bodyValue
    oa:hasSelector oa:exact oa:start oa:end oa:SpecificResource oa:TextQuoteSelector
    oa:TextPositionSelector prov:Activity""")
PROPERTY_TYPES = {OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
DECLARATION_TYPES = {OWL.Class, *PROPERTY_TYPES}


def expand(curie: str) -> URIRef:
    prefix, local = curie.split(":")
    return URIRef(PREFIXES[prefix] + local)


@cache
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@cache
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def union_of(case: Path) -> Graph:
    """All named graphs of a TriG case merged into one graph, as the build validates them."""
    dataset = Dataset()
    with warnings.catch_warnings():  # rdflib 7.6's own TriG parser uses its deprecated API
        deprecated = r"(ConjunctiveGraph|Dataset\.default_context) is deprecated"
        warnings.filterwarnings("ignore", deprecated, DeprecationWarning)
        dataset.parse(data=case.read_text(encoding="utf-8"), format="trig")
    union = Graph()
    for s, p, o, _ in dataset.quads():
        union.add((s, p, o))
    return union


def owl_rl_inconsistencies(graph: Graph) -> list[str]:
    """Expand ``graph`` with the OWL 2 RL closure and return the inconsistencies owlrl found.

    owlrl (7.x) does not raise: ``Closure.add_error`` collects messages (disjoint classes sharing an
    individual, something typed owl:Nothing, ill-typed literals, ...) and the closure writes each
    one into the graph as ``[] a err:ErrorMessage ; err:error "..."`` (``owlrl.Namespaces.ERRNS``).
    """
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    errors = [str(message) for message in graph.objects(None, ERRNS.error)]
    errors += [f"{s} is of type owl:Nothing" for s in graph.subjects(RDF.type, OWL.Nothing)]
    return errors


def declared_ours() -> set[URIRef]:
    g = ontology()
    return {
        s
        for t in DECLARATION_TYPES
        for s in g.subjects(RDF.type, t)
        if isinstance(s, URIRef) and s.startswith(str(KGO))
    }


@pytest.mark.parametrize("path", [ONTOLOGY, SHAPES, *CASES], ids=lambda p: p.name)
def test_parses_strictly_in_pyoxigraph(path: Path) -> None:
    rdf_format = pyoxigraph.RdfFormat.from_extension(path.suffix[1:])
    assert rdf_format in (pyoxigraph.RdfFormat.TURTLE, pyoxigraph.RdfFormat.TRIG)
    assert list(pyoxigraph.parse(path=path, format=rdf_format))


def test_ontology_header() -> None:
    g = ontology()
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in g
    for p in (OWL.versionInfo, DCTERMS.title, DCTERMS.description, RDFS.label, RDFS.comment):
        assert g.value(ONTOLOGY_IRI, p) is not None, p


def test_every_listed_term_is_declared_with_its_type() -> None:
    g = ontology()
    for names, owl_type in (
        (OUR_CLASSES, OWL.Class),
        (OUR_OBJECT_PROPERTIES, OWL.ObjectProperty),
        (OUR_DATATYPE_PROPERTIES, OWL.DatatypeProperty),
    ):
        for name in names:
            assert (KGO[name], RDF.type, owl_type) in g, name
    assert {str(t) for t in declared_ours()} == {
        str(KGO[n]) for n in OUR_CLASSES + OUR_OBJECT_PROPERTIES + OUR_DATATYPE_PROPERTIES
    }


@pytest.mark.parametrize("term", sorted(declared_ours()), ids=lambda t: t.fragment)
def test_our_terms_have_one_english_label_and_a_definition(term: URIRef) -> None:
    g = ontology()
    labels = list(g.objects(term, RDFS.label))
    assert len(labels) == 1 and labels[0].language == "en", labels
    comments = [c for c in g.objects(term, RDFS.comment) if c.language == "en"]
    assert len(comments) == 1
    # A definition, not a restatement of the name.
    assert len(comments[0].split()) >= 6 and str(labels[0]).lower() != str(comments[0]).lower()


@pytest.mark.parametrize("name", OUR_OBJECT_PROPERTIES + OUR_DATATYPE_PROPERTIES)
def test_our_properties_have_domain_and_range(name: str) -> None:
    g = ontology()
    assert len(list(g.objects(KGO[name], RDFS.domain))) == 1
    assert len(list(g.objects(KGO[name], RDFS.range))) == 1


@pytest.mark.parametrize("curie", EXTERNAL_TERMS)
def test_external_terms_have_label_comment_and_type_but_no_domain_or_range(curie: str) -> None:
    g, term = ontology(), expand(curie)
    assert [label.language for label in g.objects(term, RDFS.label)] == ["en"]
    assert g.value(term, RDFS.comment) is not None
    types = set(g.objects(term, RDF.type))
    allowed = {OWL.Class} if curie.split(":")[1][0].isupper() else PROPERTY_TYPES
    assert len(types) == 1 and types <= allowed, types
    assert g.value(term, RDFS.domain) is None and g.value(term, RDFS.range) is None


@pytest.mark.parametrize("case", GOOD, ids=lambda p: p.name)
def test_owl_rl_closure_of_good_case_is_consistent(case: Path) -> None:
    assert owl_rl_inconsistencies(union_of(case) + ontology()) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Person", "Organization"),
        ("Official", "Agency"),
        ("Protest", "Person"),
        ("Event", "Organization"),
        ("Hearing", "Agency"),
    ],
)
def test_owl_rl_closure_reports_disjoint_types(first: str, second: str) -> None:
    graph = Graph() + ontology()
    thing = URIRef("https://w3id.org/kg-accountability/id/confused")
    graph.add((thing, RDF.type, KGO[first]))
    graph.add((thing, RDF.type, KGO[second]))
    errors = owl_rl_inconsistencies(graph)
    assert errors and all("Disjoint classes" in e and str(thing) in e for e in errors), errors


def test_shapes_graph_is_valid_shacl() -> None:
    # meta_shacl validates the shapes graph against SHACL-for-SHACL before using it.
    conforms, _, text = validate(Graph(), shacl_graph=shapes(), meta_shacl=True)
    assert conforms, text


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_shapes_on_case(case: Path) -> None:
    expected = re.findall(r"^# expect: kgsh:(\S+)$", case.read_text(encoding="utf-8"), re.M)
    assert case.name.startswith("good-") == (not expected) and len(expected) <= 1
    conforms, report, text = validate(union_of(case), shacl_graph=shapes(), ont_graph=ontology(), inference="none")
    assert isinstance(report, Graph)
    assert conforms == (not expected), text
    if expected:
        shape = KGSH[expected[0]]
        assert set(report.objects(None, SH.sourceShape)) == {shape}, text
        assert f"Source Shape: kgsh:{expected[0]}" in text, text
        assert str(shapes().value(shape, SH.message)) in text, text
