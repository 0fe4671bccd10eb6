"""Write the PDF and Word fixtures of tests/cases/documents/ with the libraries users' tools are built
on (fpdf2 for PDF, python-docx for Word), so that their bytes are what real tools make:

    python tests/cases/documents/make_fixtures.py

- ``oig-review.pdf``: three pages; a title page in one column, a page in two columns (read left column
  first), a running head and a page number on every page, a footnote, a word hyphenated across lines.
- ``oig-review-drawn-out-of-order.pdf``: the same, its second page drawn footnote and right column first.
- ``encrypted.pdf`` (a user password), ``scanned.pdf`` (a page with drawings and no text layer).
- ``hearing-memo.docx``: headings, paragraphs and a table.

The text is fictional apart from public names; ``*.gold.toml`` lists the facts each must yield, with
their pages. The HTML fixtures are pages as a site serves them and are kept as they are.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import docx
from fpdf import FPDF
from fpdf.enums import XPos, YPos

HERE = Path(__file__).resolve().parent
WHEN = datetime(2021, 1, 14, 9, 0, tzinfo=UTC)

TITLE_PAGE = (
    "Review of the Department of Justice's Planning and Implementation of Its Zero Tolerance Policy",
    "Michael E. Horowitz is the Inspector General of the Department of Justice. "
    "Jeff Sessions issued the zero tolerance policy in April 2018.",
    "Our review found that the Department did not coordinate with the U.S. Marshals Service before the "
    "policy was issued.",
)
LEFT = (
    "Between May and June 2018, over 3,000 children were separated from their families. The Department "
    "of Homeland Security began referring parents for prosecution on May 4, 2018.",
    "Rod Rosenstein, the Deputy Attorney General, told the U.S. Attorneys that the policy applied to all "
    "adults who entered the country illegally.",
)
RIGHT = (
    "Gene Hamilton, a Counselor to the Attorney General, drafted the policy memorandum.",
    "We concluded that the Department's single-minded focus on prosecutions came at the expense of "
    "careful consideration of its impact on the children.",
)
FOOTNOTE = "1 The Office of Refugee Resettlement is part of the Department of Health and Human Services."
LAST = (
    "Kirstjen Nielsen was Secretary of Homeland Security when the policy took effect. The report makes "
    "five recommendations to improve the Department's accounta-",
    "bility for future policies.",
)


def _report(stream_order: bool = True) -> FPDF:
    """The report; with ``stream_order`` False its second page is drawn as some layout programs write
    it (footnote and right column before the left column), so that reading order must come from
    where the text sits, not from the order it is drawn in."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_creation_date(WHEN)
    pdf.set_title("Review of the Zero Tolerance Policy")
    pdf.set_author("U.S. Department of Justice, Office of the Inspector General")
    pdf.set_auto_page_break(False)
    pdf.set_margins(54, 72, 54)

    def furniture(n: int) -> None:
        pdf.set_font("Helvetica", "I", 8)
        pdf.set_xy(54, 30)
        pdf.cell(0, 10, "DOJ OIG | Review of the Zero Tolerance Policy | 21-028")
        pdf.set_xy(54, pdf.h - 40)
        pdf.cell(0, 10, str(n), align="C")
        pdf.set_font("Helvetica", "", 11)
        pdf.set_xy(54, 72)

    pdf.add_page()
    furniture(1)
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 20, TITLE_PAGE[0], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(10)
    pdf.set_font("Helvetica", "", 11)
    for para in TITLE_PAGE[1:]:
        pdf.multi_cell(0, 15, para, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(6)

    pdf.add_page()
    if stream_order:
        furniture(2)
    else:
        pdf.set_font("Helvetica", "", 8)
        pdf.set_xy(54, pdf.h - 100)
        pdf.multi_cell(0, 10, FOOTNOTE)
        pdf.set_font("Helvetica", "", 11)
    column = (pdf.w - 2 * 54 - 24) / 2
    columns = ((54, LEFT), (54 + column + 24, RIGHT))
    for x, paras in columns if stream_order else columns[::-1]:
        pdf.set_xy(x, 72)
        for para in paras:
            pdf.set_x(x)
            pdf.multi_cell(column, 15, para, new_x=XPos.LEFT, new_y=YPos.NEXT)
            pdf.ln(6)
    if stream_order:
        pdf.set_font("Helvetica", "", 8)
        pdf.set_xy(54, pdf.h - 100)
        pdf.multi_cell(0, 10, FOOTNOTE)
    else:
        furniture(2)

    pdf.add_page()
    furniture(3)
    for line in LAST:  # the hyphenated break is in the source, as a typesetter would leave it
        pdf.cell(0, 15, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return pdf


def _encrypted() -> FPDF:
    pdf = FPDF()
    pdf.set_creation_date(WHEN)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 10, "Jeff Sessions was the Attorney General.")
    pdf.set_encryption(owner_password="owner", user_password="reader")
    return pdf


def _scanned() -> FPDF:
    pdf = FPDF()
    pdf.set_creation_date(WHEN)
    pdf.add_page()
    for i in range(20):  # lines of "text" as an image of a page would show them, with no text layer
        pdf.rect(20, 20 + 12 * i, 150 - 3 * (i % 5), 4, style="F")
    return pdf


def _memo() -> docx.document.Document:
    d = docx.Document()
    d.core_properties.title = "Hearing memorandum on family separations"
    d.core_properties.author = "House Committee on Oversight and Reform"
    d.core_properties.created = datetime(2019, 2, 7, tzinfo=UTC)
    d.core_properties.modified = datetime(2019, 2, 7, tzinfo=UTC)
    d.add_heading("Hearing memorandum", level=1)
    d.add_paragraph(
        "Kirstjen Nielsen, the Secretary of Homeland Security, will testify before the committee. "
        "Jeff Sessions issued the zero tolerance policy in April 2018."
    )
    d.add_heading("Children separated", level=2)
    d.add_paragraph("According to the Government Accountability Office, 2,654 children were separated.")
    table = d.add_table(rows=3, cols=2)
    for row, (office, holder) in zip(
        table.rows,
        [("Office", "Holder"), ("Attorney General", "Jeff Sessions"), ("Inspector General", "Michael Horowitz")],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = office, holder
    d.add_paragraph("The committee found that DHS did not coordinate with the Department of Health and Human Services.")
    return d


def main() -> None:
    _report().output(str(HERE / "oig-review.pdf"))
    _report(stream_order=False).output(str(HERE / "oig-review-drawn-out-of-order.pdf"))
    _encrypted().output(str(HERE / "encrypted.pdf"))
    _scanned().output(str(HERE / "scanned.pdf"))
    _memo().save(str(HERE / "hearing-memo.docx"))


if __name__ == "__main__":
    main()
