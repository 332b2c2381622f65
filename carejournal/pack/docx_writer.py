"""Render a pack Document as an editable Word file with python-docx (imported only when used)."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from typing import Any

from carejournal.pack.document import (
    Block,
    Bullets,
    Document,
    Heading,
    Image,
    PageBreak,
    Paragraph,
    Table,
    clean_text,
)
from carejournal.pack.layout import text_widths

IMAGE_WIDTH_CM = 15.0
IMAGE_MAX_HEIGHT_CM = 17.0
MUTED = (0x59, 0x59, 0x59)
HEADER_FILL = "E2EBEF"


def _page_setup(doc: Any) -> None:
    """A4 with 18 mm margins and a "Page N of M" footer."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(18))
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for part in ("Page ", "PAGE", " of ", "NUMPAGES"):
        run = _field(footer, part) if part.isupper() else footer.add_run(part)
        run.font.size = Pt(8.5)
    doc.styles["Normal"].font.size = Pt(10.5)


def _field(paragraph: Any, code: str) -> Any:
    """A run holding a Word field (PAGE, NUMPAGES) that Word fills in when it lays out pages."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for tag, value in (("w:fldChar", "begin"), ("w:instrText", f" {code} "),
                       ("w:fldChar", "separate"), ("w:t", "1"), ("w:fldChar", "end")):
        element = OxmlElement(tag)
        if tag == "w:fldChar":
            element.set(qn("w:fldCharType"), value)
        else:
            element.set(qn("xml:space"), "preserve")
            element.text = value
        run._r.append(element)
    return run


def _properties(doc: Any, title: str) -> None:
    """Title set; author and other identifying details left empty."""
    props = doc.core_properties
    props.title = title
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""
    props.revision = 1
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now


def _paragraph(doc: Any, block: Paragraph) -> None:
    """Body text; a quote uses Word's Quote style, a note is small and grey."""
    from docx.shared import Pt, RGBColor

    style = "Quote" if block.style == "quote" else None
    paragraph = doc.add_paragraph(clean_text(block.text), style=style)
    if block.style == "note":
        for run in paragraph.runs:
            run.font.size = Pt(8.5)
            run.font.color.rgb = RGBColor(*MUTED)


def _restart_numbering(doc: Any) -> int:
    """A fresh numbering instance for List Number, so each numbered list starts at 1."""
    numbering = doc.part.numbering_part.element
    style_num = doc.styles["List Number"].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return num.numId


def _bullets(doc: Any, block: Bullets, first_numbered: bool) -> None:
    """List Bullet or List Number paragraphs; later numbered lists restart at 1."""
    style = "List Number" if block.numbered else "List Bullet"
    num_id = _restart_numbering(doc) if block.numbered and not first_numbered else None
    for item in block.items:
        paragraph = doc.add_paragraph(clean_text(item), style=style)
        if num_id is not None:
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = num_id


def _shade(cell: Any, fill: str) -> None:
    """Give a table cell a background colour."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row: Any) -> None:
    """Mark a table row as a header row that Word repeats on each page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def _set_widths(table: Any, fractions: list[float]) -> None:
    """Column widths across the 17.4 cm text width, in the grid and in every cell."""
    from docx.shared import Mm

    widths = [Mm(174 * f) for f in fractions]
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _table(doc: Any, block: Table) -> None:
    """A grid table with a bold, shaded header row that repeats across pages."""
    from docx.shared import Pt

    table = doc.add_table(rows=1, cols=len(block.header), style="Table Grid")
    for cell, text in zip(table.rows[0].cells, block.header, strict=True):
        run = cell.paragraphs[0].add_run(clean_text(text))
        run.bold = True
        _shade(cell, HEADER_FILL)
    _repeat_header(table.rows[0])
    _set_widths(table, text_widths(block.header, block.rows, 100.0))
    for values in block.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = clean_text(text)
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.space_after = Pt(2)
                for run in paragraph.runs:
                    run.font.size = Pt(9.5)
    doc.add_paragraph()


def _image(doc: Any, block: Image) -> None:
    """The picture about 15 cm wide (smaller if tall), its alt text set, caption below."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    holder = doc.add_paragraph()
    holder.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture = holder.add_run().add_picture(BytesIO(block.png), width=Cm(IMAGE_WIDTH_CM))
    if picture.height > Cm(IMAGE_MAX_HEIGHT_CM):
        ratio = Cm(IMAGE_MAX_HEIGHT_CM) / picture.height
        picture.width, picture.height = int(picture.width * ratio), Cm(IMAGE_MAX_HEIGHT_CM)
    picture._inline.docPr.set("descr", clean_text(block.alt))
    if block.caption.strip():
        caption = doc.add_paragraph(clean_text(block.caption), style="Caption")
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _block(doc: Any, block: Block, numbered_before: bool) -> None:
    """Add one block to the Word document."""
    match block:
        case Heading():
            doc.add_heading(clean_text(block.text), level=block.level)
        case Paragraph():
            _paragraph(doc, block)
        case Bullets():
            _bullets(doc, block, first_numbered=not numbered_before)
        case Table():
            _table(doc, block)
        case Image():
            _image(doc, block)
        case PageBreak():
            doc.add_page_break()
        case _:
            raise TypeError(f"Unknown pack block: {block!r}")


def render_docx(doc: Document) -> bytes:
    """The whole document as .docx bytes."""
    import docx

    word = docx.Document()
    _page_setup(word)
    _properties(word, clean_text(doc.title))
    word.add_heading(clean_text(doc.title) or "Supervision pack", level=0)
    if doc.subtitle.strip():
        word.add_paragraph(clean_text(doc.subtitle), style="Subtitle")
    numbered = False
    for block in doc.blocks:
        _block(word, block, numbered)
        numbered = numbered or (isinstance(block, Bullets) and block.numbered)
    out = BytesIO()
    word.save(out)
    return out.getvalue()
