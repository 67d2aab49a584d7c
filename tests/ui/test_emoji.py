"""Issue 18: emoji in the directory's text are drawn with glyphs, not as empty boxes."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QLabel

from spro_desk.storage.engine import Database

from .conftest import WindowFactory

PARTNER_TEXT = "📞 Sur rendez-vous ✅ Gratuit 👉 Bourges"


def glyph_fonts(text: str, font: QFont) -> list[tuple[str, list[int]]]:
    """Which font draws each run of the text, and its glyphs (0: the empty .notdef box)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def test_a_partners_emoji_are_drawn_in_the_window(db: Database, make_window: WindowFactory) -> None:
    window = make_window(db)
    label = QLabel(PARTNER_TEXT, window)
    runs = glyph_fonts(label.text(), label.font())
    assert all(0 not in glyphs for _family, glyphs in runs), runs
    emoji_runs = [glyphs for family, glyphs in runs if family.lower() == "symbola"]
    assert sum(len(glyphs) for glyphs in emoji_runs) == 3  # 📞 ✅ 👉
