"""The bilan as JSON (scripts), CSV (French spreadsheets) and XLSX (one sheet per theme).

All three render `publish.Bilan`: the same figures, masked the same way. Files are written
to a temporary name then renamed, so a failed export never leaves half a file behind.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spro_desk.reports.publish import (
    SECRET_MARK,
    Bilan,
    Cell,
    KeyValues,
    Listing,
    section_grid,
    section_title,
)
from spro_desk.reports.secrecy import PublishedTable
from spro_desk.storage.files import Durability, write_atomically
from spro_desk.text import neutralise_formula


def _atomic_write(path: Path, write: Callable[[Path], object]) -> Path:
    # An export can be written again: complete or absent is enough, no sync.
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_atomically(path, write, Durability.REPLACED)


# --- JSON ------------------------------------------------------------------------------------


def bilan_json(bilan: Bilan) -> dict[str, Any]:
    """Masked figures are null; `masked` counts them per table."""
    indicators = bilan.indicators
    period = indicators.filters.period
    document: dict[str, Any] = {
        "format": "spro-desk-bilan/1",
        "title": bilan.title,  # "… — édition 2" for a new edition of a closed period
        "scope": bilan.scope,
        "period": {"from": period.start.isoformat(), "to": period.end.isoformat()},
        "filters": {
            key: getattr(indicators.filters, key)
            for key in ("site", "reseau", "departement", "epci")
        },
        "freshness": indicators.freshness.isoformat() if indicators.freshness else None,
        "secrecy_threshold": bilan.threshold,
        "themes": [],
    }
    for theme in bilan.themes:
        document["themes"].append(
            {"key": theme.key, "title": theme.title,
             "sections": [_section_json(section) for section in theme.sections]}
        )  # fmt: skip
    return document


def _section_json(section: PublishedTable | KeyValues | Listing) -> dict[str, Any]:
    if isinstance(section, PublishedTable):
        table = section.table
        return {
            "kind": "table",
            "key": table.key,
            "title": table.title,
            "rows": [{"code": code, "label": label} for code, label in table.rows],
            "columns": [{"code": code, "label": label} for code, label in table.columns],
            "cells": section.cells,
            "row_totals": section.row_totals,
            "column_totals": section.column_totals,
            "total": section.total,
            "masked": section.masked,
        }
    if isinstance(section, KeyValues):
        return {
            "kind": "figures",
            "title": section.title,
            "items": [{"label": lbl, "value": v, "unit": u} for lbl, v, u in section.items],
        }
    return {"kind": "list", "title": section.title, "headers": section.headers,
            "rows": section.rows}  # fmt: skip


def write_json(bilan: Bilan, path: Path) -> Path:
    text = json.dumps(bilan_json(bilan), ensure_ascii=False, indent=1)
    return _atomic_write(path, lambda target: target.write_text(text, "utf-8"))


# --- CSV -------------------------------------------------------------------------------------


def french_number(value: Cell) -> str:
    """1234.5 → "1234,5"; masked → "s"; text is neutralised against formula injection."""
    if value is None:
        return SECRET_MARK
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",") if value == value else ""
    if isinstance(value, int):
        return str(value)
    return neutralise_formula(str(value))


def bilan_csv(bilan: Bilan) -> str:
    """One block per section: the theme and title line, a header row, rows; blank line after.

    Semicolon-separated, for French spreadsheets; the BOM is added when written.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for line in bilan.heading_lines():
        writer.writerow([neutralise_formula(line)])
    writer.writerow([])
    for theme in bilan.themes:
        for section in theme.sections:
            writer.writerow([neutralise_formula(f"{theme.title} — {section_title(section)}")])
            for row in section_grid(section):
                writer.writerow([french_number(cell) for cell in row])
            writer.writerow([])
    return buffer.getvalue()


def write_csv(bilan: Bilan, path: Path) -> Path:
    text = bilan_csv(bilan)
    return _atomic_write(path, lambda target: target.write_text(text, "utf-8-sig", newline=""))


# --- XLSX ------------------------------------------------------------------------------------


def write_xlsx(bilan: Bilan, path: Path) -> Path:
    """One sheet per theme, each starting with the period, freshness and secrecy note."""
    return _atomic_write(path, lambda target: _xlsx(bilan, target))


def _xlsx(bilan: Bilan, target: Path) -> None:
    import xlsxwriter  # imported when an XLSX is written: the CLI starts faster without it

    # constant_memory streams rows to disk: a 500-site region stays small in memory.
    book = xlsxwriter.Workbook(str(target), {"constant_memory": True, "strings_to_formulas":
                                              False, "strings_to_urls": False})  # fmt: skip
    formats = {
        "title": book.add_format({"bold": True, "font_size": 14}),
        "meta": book.add_format({"italic": True, "font_color": "#444444"}),
        "section": book.add_format({"bold": True, "font_size": 12, "font_color": "#1F4E79"}),
        "header": book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1,
                                   "text_wrap": True, "valign": "top"}),
        "text": book.add_format({"border": 1}),
        "int": book.add_format({"border": 1, "num_format": "#,##0"}),
        "float": book.add_format({"border": 1, "num_format": "#,##0.0##"}),
        "secret": book.add_format({"border": 1, "align": "right", "font_color": "#7F7F7F"}),
        "total": book.add_format({"border": 1, "bold": True, "num_format": "#,##0"}),
    }  # fmt: skip
    for theme in bilan.themes:
        sheet = book.add_worksheet(theme.key[:31])
        sheet.set_column(0, 0, 46)
        sheet.set_column(1, 8, 16)
        lines = bilan.heading_lines()
        sheet.write_string(0, 0, f"{theme.title} — {lines[0]}", formats["title"])
        for offset, line in enumerate(lines[1:], start=1):
            sheet.write_string(offset, 0, line, formats["meta"])
        row = len(lines) + 1
        for section in theme.sections:
            row = _xlsx_section(sheet, row, section, formats) + 1
    book.close()


def _xlsx_section(sheet: Any, row: int, section: Any, formats: dict[str, Any]) -> int:
    sheet.write_string(row, 0, section_title(section), formats["section"])
    grid = section_grid(section)
    is_table = isinstance(section, PublishedTable)
    for index, values in enumerate(grid, start=1):
        header = index == 1
        total = is_table and index == len(grid) and section.column_totals is not None
        for column, value in enumerate(values):
            _xlsx_cell(sheet, row + index, column, value, formats, header=header, total=total)
    return row + len(grid) + 1


def _xlsx_cell(
    sheet: Any, row: int, column: int, value: Cell, formats: dict[str, Any], *,
    header: bool, total: bool,
) -> None:  # fmt: skip
    if header:
        sheet.write_string(row, column, str(value), formats["header"])
    elif value is None:
        sheet.write_string(row, column, SECRET_MARK, formats["secret"])
    elif isinstance(value, bool):
        sheet.write_string(row, column, "oui" if value else "non", formats["text"])
    elif isinstance(value, int):
        sheet.write_number(row, column, value, formats["total" if total else "int"])
    elif isinstance(value, float):
        sheet.write_number(row, column, value, formats["float"])
    else:  # write_string never turns text into a formula
        sheet.write_string(row, column, str(value), formats["total" if total else "text"])
