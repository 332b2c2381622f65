"""Render a pack Document as an A4 PDF with fpdf2 (imported only when a PDF is made)."""

from __future__ import annotations

import struct
from collections.abc import Callable
from io import BytesIO
from typing import TYPE_CHECKING, Any, cast

from carejournal.pack.document import (
    Block,
    Bullets,
    Contents,
    Document,
    Heading,
    Image,
    PageBreak,
    Paragraph,
    Table,
    clean_text,
    listed_headings,
)
from carejournal.pack.layout import share_widths
from carejournal.pack.pdf_text import Fonts, choose_fonts, text_maker

if TYPE_CHECKING:
    from fpdf import FPDF

MARGIN = 18.0  # mm
BOTTOM = 20.0  # mm kept free for the footer
PT = 0.3528  # mm per point
INK = (38, 38, 38)
ACCENT = (31, 73, 89)
MUTED = (105, 105, 105)
RULE = (200, 205, 208)
HEADER_FILL = (226, 235, 239)
ROW_FILL = (247, 249, 250)
BODY_SIZE = 10.5
HEADING_SIZES = {1: 15.0, 2: 12.5, 3: 11.0}
TABLE_SIZE = 9.2
CELL_PAD = 2.0  # mm either side of cell text
CELL_VPAD = 1.6  # mm above and below
LONG_ROW_LINES = 24  # a row taller than this is cut into pieces, so no row outgrows a page
PIECE_LINES = 10
PAGES_ALIAS = "{~cj-pages~}"  # not fpdf2's "{nb}", which a worker could type in an entry
TOP_LINE, BOTTOM_LINE = 4, 8  # fpdf2 CellBordersLayout.TOP and .BOTTOM
CONTENTS_SIZE = 10.5
CONTENTS_TITLE = 13.0


class _Writer:
    """Draws blocks onto an FPDF with a consistent, calm layout."""

    def __init__(self, pdf: FPDF, fonts: Fonts, safe: Callable[[str], str],
                 listed: int = 0) -> None:
        """Remember the page, the fonts, the text cleaner and how many headings the
        contents list will show."""
        self.pdf, self.fonts, self.safe = pdf, fonts, safe
        self.listed = listed
        self.widths: dict[tuple[str, str, float], dict[str, float]] = {}

    def font(self, size: float, style: str = "", colour: tuple[int, int, int] = INK) -> float:
        """Switch font; returns a comfortable line height in mm for that size."""
        if style == "I" and "I" not in self.fonts.files and self.fonts.unicode:
            style = ""
        self.pdf.set_font(self.fonts.family, style, size)
        self.pdf.set_text_color(*colour)
        return size * PT * 1.45

    def text(self, text: str, height: float, indent: float = 0.0) -> None:
        """A wrapped run of text starting at the left margin plus indent.

        Lines are broken here, word by word, and drawn a cell each: fpdf2's multi_cell
        measures the line again for every character it adds (a 3-month pack took 20 s)."""
        pdf = self.pdf
        width = pdf.epw - indent
        for line in self.lines(self.safe(text), width - 2 * pdf.c_margin):
            pdf.set_x(pdf.l_margin + indent)
            pdf.cell(width, height, line, align="L", new_x="LMARGIN", new_y="NEXT")

    def lines(self, text: str, room: float) -> list[str]:
        """The text broken into lines at most room mm wide in the current font."""
        pdf = self.pdf
        font = (pdf.font_family, pdf.font_style, pdf.font_size_pt)
        widths = self.widths.setdefault(font, {})

        def width(word: str) -> float:
            if word not in widths:
                widths[word] = pdf.get_string_width(word)
            return widths[word]
        space = width(" ")
        out: list[str] = []
        for paragraph in text.split("\n"):
            line: list[str] = []
            used = 0.0
            for word in paragraph.split(" "):
                wide = width(word)
                if line and used + space + wide > room:
                    out.append(" ".join(line))
                    line, used = [], 0.0
                if not line and wide > room:
                    *full, word = _cut(word, room, width)
                    out.extend(full)
                    wide = width(word)
                used += wide + (space if line else 0.0)
                line.append(word)
            out.append(" ".join(line))
        return out

    def keep_room(self, height: float) -> None:
        """Start a new page unless `height` mm still fits on this one."""
        if self.pdf.will_page_break(height):
            self.pdf.add_page()

    def cover(self, doc: Document) -> None:
        """Title and subtitle at the top of the first page, then a thin rule."""
        pdf = self.pdf
        self.text(doc.title or "Supervision pack", self.font(21, "B", ACCENT))
        if doc.subtitle.strip():
            pdf.ln(1.5)
            self.text(doc.subtitle, self.font(11.5, "", MUTED))
        pdf.ln(4)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.4)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + pdf.epw, pdf.get_y())
        pdf.ln(5)

    def heading(self, block: Heading) -> None:
        """A heading kept together with the first lines after it."""
        pdf = self.pdf
        at_top = pdf.get_y() <= pdf.t_margin + 1
        if not at_top:
            pdf.ln({1: 6.0, 2: 4.0, 3: 3.0}[block.level])
        height = self.font(HEADING_SIZES[block.level], "B", ACCENT if block.level < 3 else INK)
        # a section heading also keeps room for the sub-heading that often follows it
        self.keep_room(height * 2 + (34 if block.level == 1 else 16))
        if block.in_contents:  # in the outline where it lands: the contents list reads it
            pdf.start_section(self.safe(block.text), 0 if block.level == 1 else 1,
                              strict=False)
        self.text(block.text, height)
        pdf.ln(1.5 if block.level > 1 else 2.0)

    def paragraph(self, block: Paragraph) -> None:
        """Body text; notes small and grey, quotes indented in italics."""
        if block.style == "note":
            self.text(block.text, self.font(8.8, "", MUTED))
        elif block.style == "quote":
            self.text(block.text, self.font(BODY_SIZE, "I", (70, 70, 70)), indent=8)
        else:
            self.text(block.text, self.font(BODY_SIZE))
        self.pdf.ln(2.8)

    def bullets(self, block: Bullets) -> None:
        """A list with hanging markers; items wrap under their own text."""
        pdf = self.pdf
        height = self.font(BODY_SIZE)
        indent = 9.0 if block.numbered else 7.0
        for number, item in enumerate(block.items, start=1):
            self.keep_room(height)
            marker = f"{number}." if block.numbered else self.fonts.bullet
            pdf.set_x(pdf.l_margin + 2)
            pdf.cell(indent - 2.5, height, marker, align="R" if block.numbered else "L")
            self.text(item, height, indent=indent)
            pdf.ln(1.0)
        pdf.ln(1.8)

    def table(self, block: Table) -> None:
        """A table with a shaded header row repeated on every page it spans."""
        from fpdf.fonts import FontFace

        pdf = self.pdf
        header = [self.safe(cell) for cell in block.header]
        rows = [[self.safe(cell) for cell in row] for row in block.rows]
        widths = self.column_widths(header, rows)
        height = self.font(TABLE_SIZE)
        self.keep_room(height * 4 + 8)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.25)
        header_style = FontFace(emphasis="BOLD", color=ACCENT, fill_color=HEADER_FILL)
        with pdf.table(col_widths=widths, width=pdf.epw, line_height=height, text_align="LEFT",
                       v_align="TOP", headings_style=header_style, padding=(CELL_VPAD, CELL_PAD),
                       borders_layout="NONE", repeat_headings=1) as table:
            self.table_row(table, header, None, border=BOTTOM_LINE)
            for number, row in enumerate(rows):
                fill = FontFace(fill_color=ROW_FILL if number % 2 else None)
                pieces = self.split_row(row, [pdf.epw * w for w in widths], height)
                for index, piece in enumerate(pieces):
                    last = index == len(pieces) - 1
                    border = (TOP_LINE if index == 0 else 0) | (
                        BOTTOM_LINE if last and number == len(rows) - 1 else 0)
                    self.table_row(table, piece, fill, border=border, first=index == 0,
                                   last=last)
        pdf.ln(4)

    @staticmethod
    def table_row(table: Any, cells: list[str], style: Any, *, border: int, first: bool = True,
                  last: bool = True) -> None:
        """One table row; pieces of a long row join up with no line or gap between them."""
        row = table.row(style=style)
        padding = (CELL_VPAD if first else 0, CELL_PAD, CELL_VPAD if last else 0, CELL_PAD)
        for text in cells:
            row.cell(text, border=border, padding=padding)

    def column_widths(self, header: list[str], rows: list[list[str]]) -> list[float]:
        """Fractions of the text width: each column fits its longest word, text columns widest."""
        pdf, room = self.pdf, self.pdf.epw
        pad = 2 * CELL_PAD + 1.5
        least: list[float] = []
        wanted: list[float] = []
        for index, title in enumerate(header):
            texts = [row[index] for row in rows]
            self.font(TABLE_SIZE, "B")
            words = [pdf.get_string_width(w) * 1.02 for w in title.split()]
            lines = [pdf.get_string_width(line) for line in title.split("\n")]
            self.font(TABLE_SIZE)
            words += [pdf.get_string_width(w) for t in texts for w in t.split()]
            lines += [pdf.get_string_width(line) for t in texts for line in t.split("\n")]
            least.append(min(max(words, default=0) + pad, room * 0.3))
            wanted.append(min(max(lines, default=0) + pad, room))
        return share_widths(least, wanted, room)

    def split_row(self, row: list[str], widths: list[float], height: float) -> list[list[str]]:
        """Cut a row whose cells run too long into pieces that flow across pages."""
        inner = [w - 2 * CELL_PAD - 1.0 for w in widths]
        lines = [self.lines_of(cell, w, height) if cell else [""]
                 for cell, w in zip(row, inner, strict=True)]
        longest = max(map(len, lines))
        if longest <= LONG_ROW_LINES:
            return [row]
        return [["\n".join(cell[start:start + PIECE_LINES]) for cell in lines]
                for start in range(0, longest, PIECE_LINES)]

    def lines_of(self, text: str, width: float, height: float) -> list[str]:
        """The lines multi_cell would break text into, drawing nothing."""
        found = self.pdf.multi_cell(width, height, text, dry_run=True, output="LINES")
        # fpdf2 annotates multi_cell with the union of every output mode's result; asked
        # for LINES alone it returns just the list of lines.
        return cast(list[str], found)

    def image(self, block: Image) -> None:
        """A picture scaled to the text width (or less if tall), caption beneath."""
        pdf = self.pdf
        width, height = _fit(block.png, pdf.epw, (pdf.eph) * 0.55)
        caption_height = self.font(8.8, "I", MUTED)
        self.keep_room(height + caption_height * 2 + 4)
        pdf.ln(1)
        x = pdf.l_margin + (pdf.epw - width) / 2
        pdf.image(BytesIO(block.png), x=x, w=width, h=height, alt_text=self.safe(block.alt))
        pdf.ln(1.5)
        if block.caption.strip():
            pdf.multi_cell(pdf.epw, caption_height, self.safe(block.caption), align="C",
                           new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)

    def contents(self, block: Contents) -> None:
        """Keep room for the contents list here; fpdf2 draws it when the pages are known."""
        pdf = self.pdf
        line = self.font(CONTENTS_SIZE)
        first = (pdf.h - BOTTOM - pdf.get_y() - CONTENTS_TITLE * PT * 2.2) // line
        per_page = (pdf.h - BOTTOM - pdf.t_margin) // line
        rest = max(0, self.listed - int(first))
        pages = 1 + int(-(-rest // per_page))

        def draw(pdf: Any, outline: list[Any]) -> None:
            start = pdf.page
            self.text(block.title, self.font(CONTENTS_TITLE, "B", ACCENT))
            pdf.ln(1.5)
            for section in outline:
                self.contents_line(section.name, section.level, section.page_number)
            while pdf.page < start + pages - 1:
                pdf.add_page()
        pdf.insert_toc_placeholder(draw, pages=pages)

    def contents_line(self, name: str, level: int, page: int) -> None:
        """One line of the contents: the heading (cut to one line), dots, its page, a link."""
        pdf = self.pdf
        height = self.font(CONTENTS_SIZE, "B" if level == 0 else "")
        indent = 0.0 if level == 0 else 6.0
        number = str(page)
        room = pdf.epw - indent - pdf.get_string_width(number) - 12
        text = name
        if pdf.get_string_width(text) > room:
            while text and pdf.get_string_width(text + "\u2026") > room:
                text = text[:-1]
            text = text.rstrip() + ("\u2026" if self.fonts.unicode else "...")
        link = pdf.add_link(page=page)
        pdf.set_x(pdf.l_margin + indent)
        pdf.cell(pdf.get_string_width(text) + 2 * pdf.c_margin, height, text, link=link)
        dots_from = pdf.get_x()
        dots_to = pdf.l_margin + pdf.epw - pdf.get_string_width(number) - 2 * pdf.c_margin
        self.font(CONTENTS_SIZE, "", MUTED)
        dot = pdf.get_string_width(".") or 1.0
        pdf.cell(max(0.0, dots_to - dots_from), height, "." * max(0, int((dots_to - dots_from)
                                                                        / dot) - 2),
                 align="R", link=link)
        self.font(CONTENTS_SIZE, "B" if level == 0 else "")
        pdf.cell(0, height, number, align="R", link=link, new_x="LMARGIN", new_y="NEXT")

    def block(self, block: Block) -> None:
        """Draw one block."""
        match block:
            case Heading():
                self.heading(block)
            case Paragraph():
                self.paragraph(block)
            case Bullets():
                self.bullets(block)
            case Table():
                self.table(block)
            case Image():
                self.image(block)
            case PageBreak():
                self.pdf.add_page()
            case Contents():
                self.contents(block)
            case _:
                raise TypeError(f"Unknown pack block: {block!r}")


def _fit(png: bytes, max_width: float, max_height: float) -> tuple[float, float]:
    """Width and height in mm for a PNG scaled to max_width, shrunk if it would be too tall."""
    if png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) >= 24:
        pixels_wide, pixels_high = struct.unpack(">II", png[16:24])
    else:
        from PIL import Image as PilImage

        pixels_wide, pixels_high = PilImage.open(BytesIO(png)).size
    ratio = pixels_high / max(pixels_wide, 1)
    width = min(max_width, max_height / ratio) if ratio else max_width
    return width, width * ratio


def _cut(word: str, room: float, width: Callable[[str], float]) -> list[str]:
    """A word too wide for a line, cut into pieces that fit (the last may be short)."""
    pieces: list[str] = []
    piece = ""
    for char in word:
        if piece and width(piece + char) > room:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece]


def _new_pdf(doc: Document, fonts: Fonts) -> Any:
    """An A4 FPDF with the fonts loaded and a "Page N of M" footer."""
    from fpdf import FPDF

    class PackPDF(FPDF):
        """FPDF with the pack's footer."""

        def footer(self) -> None:
            """Page number, centred, small and grey."""
            self.set_y(-13)
            self.set_font(fonts.family, "", 8.5)
            self.set_text_color(*MUTED)
            self.cell(0, 5, f"Page {self.page_no()} of {PAGES_ALIAS}", align="C")

    pdf = PackPDF(orientation="portrait", unit="mm", format="A4")
    for style, path in fonts.files.items():
        pdf.add_font(fonts.family, style, str(path))
    pdf.alias_nb_pages(PAGES_ALIAS)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=BOTTOM)
    pdf.set_title(clean_text(doc.title))
    pdf.set_creator("CareJournal")
    pdf.set_lang("en-GB")
    return pdf


def render_pdf(doc: Document, fonts: Fonts | None = None) -> bytes:
    """The whole document as PDF bytes."""
    fonts = fonts or choose_fonts()
    pdf = _new_pdf(doc, fonts)
    drawable = pdf.fonts[fonts.family].cmap if fonts.unicode else ()
    safe = text_maker(fonts, drawable)
    pdf.add_page()
    writer = _Writer(pdf, fonts, safe, len(listed_headings(doc.blocks)))
    writer.cover(doc)
    for block in doc.blocks:
        writer.block(block)
    return bytes(pdf.output())
