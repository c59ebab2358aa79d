"""Word tables built straight from XML: python-docx's row-by-row calls are too slow for big plans.

Adding rows one cell at a time through python-docx costs about a millisecond a row; a plan of
10,000 actions took over 20 seconds. Here each table's rows are written as one XML string (every
piece of user text escaped) and parsed once, which is many times faster and gives Word the
column widths in every cell, so it lays the table out as intended.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

HEADER_FILL = "E8EDF3"
NAVY = "1B3A5C"


class Run(NamedTuple):
    """A piece of text in one style inside a table cell."""

    text: str
    bold: bool = False
    colour: str = ""  # hex without "#", or "" for the normal colour
    size: float = 0  # points, or 0 for the normal size
    fill: str = ""  # background shading, hex without "#"


Cell = Sequence[Run]


class Spanned(NamedTuple):
    """A note under the row before it, across the table's full width (no line between them)."""

    cell: Cell


Row = Sequence[Cell] | Spanned


def add_table(
    doc: Any,
    headings: Sequence[str],
    rows: Sequence[Row],
    weights: Sequence[float],
) -> Any:
    """A table whose header row repeats on every page and whose rows never split.

    ``weights`` share the page's width between the columns.
    """
    table = doc.add_table(rows=0, cols=len(headings))
    table.style = "Table Grid"
    section = doc.sections[-1]
    usable = section.page_width - section.left_margin - section.right_margin
    total = sum(weights)
    twips = [int(usable * w / total / 635) for w in weights]  # 635 EMU to a twentieth of a point
    for column, width in zip(table.columns, twips, strict=True):
        column.width = width * 635
    header = [[Run(text, bold=True, colour=NAVY)] for text in headings]
    parts = [_row(header, twips, header=True)]
    for index, cells in enumerate(rows):
        if isinstance(cells, Spanned):
            parts.append(_spanned(cells.cell, twips))
        else:
            following = rows[index + 1] if index + 1 < len(rows) else None
            parts.append(_row(cells, twips, open_below=isinstance(following, Spanned)))
    holder = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(parts)}</w:tbl>")
    tbl = table._tbl
    for tr in list(holder):
        tbl.append(tr)
    return table


def _row(
    cells: Sequence[Cell], twips: Sequence[int], header: bool = False, open_below: bool = False
) -> str:
    """A row; ``open_below``: a note follows, kept on the same page with no line between."""
    flags = '<w:cantSplit w:val="true"/>'
    if header:
        flags += '<w:tblHeader w:val="true"/>'
    out = [f"<w:tr><w:trPr>{flags}</w:trPr>"]
    border = '<w:tcBorders><w:bottom w:val="nil"/></w:tcBorders>' if open_below else ""
    keep = "<w:pPr><w:keepNext/></w:pPr>" if open_below else ""
    for cell, width in zip(cells, twips, strict=True):
        shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>' if header else ""
        out.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{border}{shade}</w:tcPr><w:p>{keep}'
        )
        out.extend(_run(run) for run in cell)
        out.append("</w:p></w:tc>")
    out.append("</w:tr>")
    return "".join(out)


def _spanned(cell: Cell, twips: Sequence[int]) -> str:
    width = sum(twips)
    out = [
        '<w:tr><w:trPr><w:cantSplit w:val="true"/></w:trPr>',
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:gridSpan w:val="{len(twips)}"/>',
        '<w:tcBorders><w:top w:val="nil"/></w:tcBorders></w:tcPr><w:p>',
    ]
    out.extend(_run(run) for run in cell)
    out.append("</w:p></w:tc></w:tr>")
    return "".join(out)


def _run(run: Run) -> str:
    properties = ""
    if run.bold:
        properties += "<w:b/>"
    if run.colour:
        properties += f'<w:color w:val="{run.colour}"/>'
    if run.size:
        properties += f'<w:sz w:val="{round(run.size * 2)}"/>'
    if run.fill:
        properties += f'<w:shd w:val="clear" w:color="auto" w:fill="{run.fill}"/>'
    opening = f"<w:r><w:rPr>{properties}</w:rPr>" if properties else "<w:r>"
    # A line break the user typed stays a line break inside the cell.
    lines = [f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in run.text.split("\n")]
    return opening + "<w:br/>".join(lines) + "</w:r>"
