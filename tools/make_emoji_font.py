"""Cut resources/fonts/SymbolaEmoji.ttf from Symbola: the emoji and symbol blocks only.

Usage (dev only; needs fontTools, `pip install fonttools`, and the Debian package's font):

    apt-get download fonts-symbola && dpkg-deb -x fonts-symbola_*.deb /tmp/symbola
    python tools/make_emoji_font.py /tmp/symbola/usr/share/fonts/truetype/*/Symbola_hint.ttf

The whole font is 3.1 MB; these blocks are 1.2 MB. Symbola is « free for any use » (see
resources/fonts/SymbolaEmoji-LICENCE.txt).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "fonts" / "SymbolaEmoji.ttf"
# Arrows, technical, enclosed, shapes, miscellaneous symbols, dingbats, the emoji planes, and
# the joiners and selectors that emoji sequences carry.
UNICODES = (
    "U+2190-21FF,U+2300-23FF,U+2460-24FF,U+25A0-27BF,U+2900-297F,U+2B00-2BFF,U+3030,U+303D,"
    "U+3297,U+3299,U+1F000-1FAFF,U+FE0F,U+200D,U+20E3"
)


def main(source: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "fontTools.subset", source, f"--unicodes={UNICODES}",
         f"--output-file={TARGET}", "--no-hinting", "--desubroutinize"],
        check=True,
    )  # fmt: skip
    print(f"wrote {TARGET} ({TARGET.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main(sys.argv[1])
