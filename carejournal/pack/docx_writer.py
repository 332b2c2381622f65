"""Render a pack Document as an editable Word file with python-docx (imported only when used)."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from typing import Any

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


def _element(tag: str, **attributes: str) -> Any:
    """A WordprocessingML element with w: attributes."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _field_char(kind: str) -> Any:
    run = _element("w:r")
    run.append(_element("w:fldChar", fldCharType=kind))
    return run


def _contents(doc: Any, block: Contents, headings: list[Heading]) -> None:
    """Word's own contents field (TOC, level-1 headings and the entries to discuss), its
    shown result a list of the headings, each a link to its bookmark; Word fills in the
    page numbers when the field is updated (right-click, Update Field, or F9)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    title = doc.add_paragraph()
    run = title.add_run(clean_text(block.title) or "Contents")
    run.bold, run.font.size, run.font.color.rgb = True, Pt(14), RGBColor(0x1F, 0x49, 0x59)
    paragraphs = [doc.add_paragraph() for _ in headings] or [doc.add_paragraph()]
    first, last = paragraphs[0]._p, paragraphs[-1]._p
    instruction = _element("w:r")
    code = _element("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = ' TOC \\o "1-1" \\h \\z \\f \\l "2-2" '
    instruction.append(code)
    for element in (_field_char("begin"), instruction, _field_char("separate")):
        first.append(element)
    for number, (paragraph, heading) in enumerate(zip(paragraphs, headings, strict=False)):
        paragraph.paragraph_format.space_after = Pt(2)
        if heading.level > 1:
            paragraph.paragraph_format.left_indent = Pt(14)
        link = _element("w:hyperlink", anchor=_bookmark(number), history="1")
        shown = _element("w:r")
        text = _element("w:t")
        text.text = clean_text(heading.text)
        if heading.level == 1:
            props = _element("w:rPr")
            props.append(_element("w:b"))
            shown.append(props)
        shown.append(text)
        link.append(shown)
        paragraph._p.append(link)
    last.append(_field_char("end"))
    doc.add_page_break()  # the agenda starts a page, as in the PDF


def _bookmark(number: int) -> str:
    return f"_Toc{number + 1:08d}"


def _heading(doc: Any, block: Heading, listed: int | None) -> None:
    """A heading; a listed one gets the bookmark the contents link to (and, below level 1,
    the TC field that puts it in Word's contents)."""
    from docx.oxml.ns import qn

    paragraph = doc.add_heading(clean_text(block.text), level=block.level)
    if listed is None:
        return
    mark = str(listed + 1)
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0,
                        _element("w:bookmarkStart", id=mark, name=_bookmark(listed)))
    paragraph._p.append(_element("w:bookmarkEnd", id=mark))
    if block.level > 1:
        code = _element("w:instrText")
        code.set(qn("xml:space"), "preserve")
        quoted = clean_text(block.text).replace('"', "\u201d")
        code.text = f' TC "{quoted}" \\l 2 '
        run = _element("w:r")
        run.append(code)
        for element in (_field_char("begin"), run, _field_char("end")):
            paragraph._p.append(element)


def _block(doc: Any, block: Block, numbered_before: bool) -> None:
    """Add one block to the Word document."""
    match block:
        case Heading():
            _heading(doc, block, None)
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
    listed = listed_headings(doc.blocks)
    marks = {id(heading): n for n, heading in enumerate(listed)}
    for block in doc.blocks:
        if isinstance(block, Contents):
            _contents(word, block, listed)
        elif isinstance(block, Heading):
            _heading(word, block, marks.get(id(block)))
        else:
            _block(word, block, numbered)
        numbered = numbered or (isinstance(block, Bullets) and block.numbered)
    out = BytesIO()
    word.save(out)
    return out.getvalue()
