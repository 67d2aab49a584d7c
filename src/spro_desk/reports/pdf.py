"""The bilan d'activité as a PDF to send to the Région: headings, charts, tables, commentary.

Rendered with ReportLab (Qt-free, so a coordinator server without a display writes it too):
its flowing layout breaks long tables across pages and repeats their header row, and its
charts are vector graphics. Every page carries the scope, period and data freshness; the
figures are those of `publish.Bilan`, masked like every other export. Long breakdowns show
their largest rows here, the XLSX and CSV carry them all.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from spro_desk.reports.exports import _atomic_write, french_number
from spro_desk.reports.publish import Bilan, KeyValues, Listing, Theme, section_grid
from spro_desk.reports.secrecy import PublishedTable

PDF_MAX_ROWS = 40  # rows of a long breakdown printed in the PDF (largest first)
CHARTED = {  # theme key -> table shown as a bar chart above the theme's tables
    "Volumes": "contacts.mois",
    "Publics": "contacts.canal",
    "Besoins": "besoins.categorie",
    "Orientations": "orientations.issue",
}
_FONT_CANDIDATES = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
)  # fmt: skip
BLUE = "#1F4E79"


@cache
def _fonts() -> tuple[str, str]:
    """A Unicode TrueType font (DejaVu when installed, else ReportLab's bundled Vera)."""
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    bundled = Path(reportlab.__file__).parent / "fonts"
    for regular, bold in (*_FONT_CANDIDATES, (bundled / "Vera.ttf", bundled / "VeraBd.ttf")):
        if Path(regular).exists() and Path(bold).exists():
            pdfmetrics.registerFont(TTFont("Bilan", str(regular)))
            pdfmetrics.registerFont(TTFont("Bilan-Bold", str(bold)))
            return "Bilan", "Bilan-Bold"
    return "Helvetica", "Helvetica-Bold"


def write_pdf(bilan: Bilan, path: Path) -> Path:
    return _atomic_write(path, lambda target: _render(bilan, target))


def _styles() -> dict[str, Any]:
    from reportlab.lib.styles import ParagraphStyle

    regular, bold = _fonts()
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=22, leading=28,
                                textColor=BLUE, spaceAfter=12),
        "h1": ParagraphStyle("h1", fontName=bold, fontSize=16, leading=20, textColor=BLUE,
                             spaceBefore=6, spaceAfter=8),
        "h2": ParagraphStyle("h2", fontName=bold, fontSize=11.5, leading=15, spaceBefore=10,
                             spaceAfter=4),
        "body": ParagraphStyle("body", fontName=regular, fontSize=10, leading=14),
        "note": ParagraphStyle("note", fontName=regular, fontSize=8, leading=10,
                               textColor="#555555", spaceBefore=2),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=8, leading=10),
        "comment": ParagraphStyle("comment", fontName=regular, fontSize=10, leading=14,
                                  leftIndent=8, borderPadding=4, backColor="#F2F6FA"),
    }  # fmt: skip


def _render(bilan: Bilan, target: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    styles = _styles()
    regular, _bold = _fonts()
    lines = bilan.heading_lines()

    def decorate(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(regular, 7.5)
        canvas.setFillColor("#555555")
        canvas.drawString(2 * cm, A4[1] - 1.2 * cm, f"{lines[0]} · {bilan.period}")
        canvas.drawString(2 * cm, A4[1] - 1.55 * cm, lines[2])
        canvas.drawString(2 * cm, 1.2 * cm, lines[3])
        # A line of its own: the internal bilan's note runs the page's whole width.
        canvas.drawRightString(A4[0] - 2 * cm, 0.8 * cm, f"page {document.page}")
        canvas.restoreState()

    document = SimpleDocTemplate(
        str(target), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2.2 * cm,
        bottomMargin=2 * cm, title=f"{bilan.title} — {bilan.scope}", author="SPRO Desk",
    )  # fmt: skip
    story: list[Any] = [
        Paragraph(_escape(bilan.title), styles["title"]),
        Paragraph(_escape(bilan.scope), styles["h1"]),
        *(Paragraph(_escape(line), styles["body"]) for line in lines[1:]),
        Spacer(1, 0.4 * cm),
    ]
    for number, theme in enumerate(bilan.themes):
        if number:
            story.append(PageBreak())
        story += _theme(theme, styles)
    document.build(story, onFirstPage=decorate, onLaterPages=decorate)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _theme(theme: Theme, styles: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    story: list[Any] = [Paragraph(_escape(theme.title), styles["h1"])]
    story.append(Paragraph("Commentaire", styles["h2"]))
    comments = theme.comments or ["(à compléter par la coordination)"]
    story += [Paragraph(_escape(text), styles["comment"]) for text in comments]
    charted = CHARTED.get(theme.key)
    for section in theme.sections:
        if isinstance(section, PublishedTable) and section.table.key == charted:
            story += _chart(section, styles)
    for section in theme.sections:
        story += _section(section, styles)
    return story


def _section(section: PublishedTable | KeyValues | Listing, styles: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    title = section.table.title if isinstance(section, PublishedTable) else section.title
    grid = section_grid(section)
    header, rows = grid[0], grid[1:]
    footer: list[Any] = []
    if isinstance(section, PublishedTable) and section.column_totals is not None:
        footer, rows = [rows[-1]], rows[:-1]
    story = [Paragraph(_escape(title), styles["h2"])]
    if not rows:
        return [*story, Paragraph("Aucune donnée sur la période.", styles["note"])]
    chronological = isinstance(section, PublishedTable) and section.table.drill in ("week", "month")
    if len(rows) > PDF_MAX_ROWS and not chronological:
        rows = sorted(rows, key=lambda row: -_sort_value(row))[:PDF_MAX_ROWS]
        story.append(
            Paragraph(
                f"Les {PDF_MAX_ROWS} lignes les plus importantes sur {len(grid) - 1} ; "
                "le tableau complet est dans les exports XLSX et CSV.",
                styles["note"],
            )
        )
    story.append(_table([header, *rows, *footer], styles, bool(footer)))
    if isinstance(section, PublishedTable) and section.table.note:
        story.append(Paragraph(_escape(section.table.note), styles["note"]))
    return story


def _sort_value(row: list[Any]) -> float:
    last = row[-1]
    return float(last) if isinstance(last, int | float) else 0.0


def _readable(cell: Any) -> Any:
    """Two decimals at most on paper, as on screen (« 0,43 », not « 0,429 »); the data
    exports keep the figure as computed."""
    return round(cell, 2) if isinstance(cell, float) else cell


def _table(grid: list[list[Any]], styles: dict[str, Any], has_total: bool) -> Any:
    from reportlab.platypus import Paragraph, Table, TableStyle

    regular, bold = _fonts()
    data = [
        [Paragraph(_escape(str(cell)), styles["cell"]) if index == 0 or isinstance(cell, str)
         else french_number(_readable(cell)) for index, cell in enumerate(row)]
        for row in grid
    ]  # fmt: skip
    from reportlab.lib.units import cm

    columns = len(grid[0])  # 17 cm of text width: the first column takes what is left
    other = 2.6 if columns <= 4 else 2.1
    first = max(4.0, min(11.0, 17 - other * (columns - 1)))
    widths = [first * cm] + [other * cm] * (columns - 1)
    table = Table(data, colWidths=widths, repeatRows=1)
    commands = [
        ("FONT", (0, 0), (-1, -1), regular, 8),
        ("FONT", (0, 0), (-1, 0), bold, 8),
        ("BACKGROUND", (0, 0), (-1, 0), "#DDEBF7"),
        ("GRID", (0, 0), (-1, -1), 0.3, "#9BB7D4"),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if has_total:
        commands.append(("FONT", (0, -1), (-1, -1), bold, 8))
    table.setStyle(TableStyle(commands))
    return table


def _chart(section: PublishedTable, styles: dict[str, Any]) -> list[Any]:
    """Bars of a one-way table; a masked bar is drawn empty and marked `s`."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph

    regular, _bold = _fonts()
    labels = [label for _code, label in section.table.rows]
    values = [row[0] or 0 for row in section.cells]
    drawing = Drawing(460, 190)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 45, 410, 130
    chart.data = [values]
    chart.bars[0].fillColor = HexColor(BLUE)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = regular
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = [label[:18] for label in labels]
    chart.categoryAxis.labels.fontName = regular
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.angle = 35 if len(labels) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 6 else "n"
    drawing.add(chart)
    masked = [i for i, row in enumerate(section.cells) if row[0] is None]
    step = chart.width / max(1, len(values))
    for index in masked:
        drawing.add(String(chart.x + step * (index + 0.5), chart.y + 3, "s", fontName=regular,
                           fontSize=7, textAnchor="middle"))  # fmt: skip
    return [Paragraph(f"Graphique : {_escape(section.table.title)}", styles["h2"]), drawing]
