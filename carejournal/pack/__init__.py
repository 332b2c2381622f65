"""The supervision pack: a plain Document and writers for PDF, Word and Markdown.

Importing this package is cheap: fpdf2 and python-docx load only when a pack is rendered.
"""

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
)
from carejournal.pack.write import PackFormat, PackWriteError, format_for, write_pack

__all__ = ["Block", "Bullets", "Contents", "Document", "Heading", "Image", "PageBreak",
           "PackFormat", "PackWriteError", "Paragraph", "Table", "format_for", "write_pack"]
