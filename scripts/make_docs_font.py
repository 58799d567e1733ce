"""Make the CJK font the docs' charts use, from Noto Sans CJK SC (SIL OFL 1.1).

The planning notebook (docs/notebooks/) labels its charts in Chinese. Matplotlib's own font
has no Chinese glyphs, so the project carries a subset of Noto Sans CJK SC Regular: every
character of GB 2312 (the 6,763 汉字 of everyday Simplified Chinese, enough for the place and
personal names in generated and most real data), ASCII, Latin-1, general, CJK and full-width
punctuation. As the OFL asks of a modified version, it has its own family name,
``Fulian Docs Sans SC``, and carries the licence (``docs/notebooks/fonts/OFL.txt``).

It was made from ``NotoSansCJKsc-Regular.otf`` version 1.004 (sha256 1652500938055a23...
as shipped in the mplfonts 0.0.11 wheel); to remake it::

    .venv/bin/python scripts/make_docs_font.py path/to/NotoSansCJKsc-Regular.otf

fontTools comes with matplotlib (requirements/docs.txt).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "notebooks" / "fonts" / "FulianDocsSansSC-Regular.otf"
FAMILY = "Fulian Docs Sans SC"
POSTSCRIPT = "FulianDocsSansSC-Regular"


def gb2312_characters() -> set[str]:
    """Every character GB 2312 encodes (rows 1-94, cells 1-94)."""
    characters = set()
    for row in range(0xA1, 0xFF):
        for cell in range(0xA1, 0xFF):
            character = bytes((row, cell)).decode("gb2312", errors="ignore")
            if character:
                characters.add(character)
    return characters


def codepoints() -> set[int]:
    ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2200, 0x22FF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]
    points = {code for low, high in ranges for code in range(low, high + 1)}
    points |= {ord(character) for character in gb2312_characters()}
    return points


def main() -> None:
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.hinting = False
    options.notdef_outline = True
    font = TTFont(sys.argv[1])
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints())
    subsetter.subset(font)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16):
            record.string = FAMILY if record.nameID != 4 else f"{FAMILY} Regular"
        elif record.nameID in (3, 6):
            record.string = POSTSCRIPT
        elif record.nameID in (17,):
            record.string = "Regular"
    font["CFF "].cff.fontNames = [POSTSCRIPT]
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    font.save(TARGET)
    print(f"wrote {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size:,} bytes, {len(codepoints()):,} code points)")


if __name__ == "__main__":
    main()
