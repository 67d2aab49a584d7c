"""Emoji in directory text, shown and printed rather than empty boxes.

Partners write « 📞 Sur rendez-vous » or « ✅ Gratuit » in their descriptions; a desk computer
(a Linux one especially) may have no font with those glyphs, and neither has the fiche de
liaison's PDF. The application ships the emoji blocks of Symbola (resources/fonts, 1.2 MB, « free
for any use »): once registered, Qt's font fallback takes the glyphs from it, on screen and in
the PDF it embeds them in.
"""

from __future__ import annotations

import threading

from PySide6.QtGui import QFontDatabase

from spro_desk.resources import resource_path

FONT_FILE = ("fonts", "SymbolaEmoji.ttf")
_lock = threading.Lock()
_family: list[str] = []  # the registered family, once


def install_emoji_font() -> str | None:
    """Register the bundled emoji font (once); its family, or None when it cannot be read.

    Called after the window's first paint (reading the file is not free) and by the PDF
    writer, which may run on a worker thread.
    """
    with _lock:
        if _family:
            return _family[0]
        font_id = QFontDatabase.addApplicationFont(str(resource_path(*FONT_FILE)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            return None  # a missing file costs the emoji their glyphs, nothing else
        _family.append(families[0])
        return families[0]
