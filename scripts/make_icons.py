"""Render resources/icons/carejournal.svg to the PNG sizes a Linux desktop asks for.

The PNGs are shipped in resources/icons/png/ (the desktop command copies them into the
hicolor icon theme without Qt); run this again after changing the SVG:
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "carejournal.svg"
OUT = ROOT / "resources" / "icons" / "png"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int, path: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    OUT.mkdir(exist_ok=True)
    for size in SIZES:
        render(renderer, size, OUT / f"carejournal-{size}.png")
    print(f"wrote {len(SIZES)} PNGs to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
