"""Write a rendered pack to disk atomically: the whole file or nothing."""

from __future__ import annotations

import enum
import errno
import os
from pathlib import Path

from carejournal import durable
from carejournal.core.domain import InvalidInput
from carejournal.pack.document import Document, clean_document


class PackFormat(enum.StrEnum):
    """The formats a supervision pack can be written in."""

    PDF = "pdf"
    DOCX = "docx"
    MARKDOWN = "md"


PRIVATE = durable.PRIVATE  # a pack is readable by its owner only
_NAMES = {"pdf": PackFormat.PDF, "docx": PackFormat.DOCX, "word": PackFormat.DOCX,
          "md": PackFormat.MARKDOWN, "markdown": PackFormat.MARKDOWN}
_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission was refused (is the file open in another program?)",
    errno.EPERM: "permission was refused (is the file open in another program?)",
    errno.EISDIR: "that is a folder, not a file",
    errno.ENAMETOOLONG: "the file name is too long",
}


class PackWriteError(InvalidInput):
    """The pack could not be written; the message names the path and the reason."""


def format_for(path: Path, given: str | None = None) -> PackFormat:
    """The format asked for (--format), else the one the file name ends in."""
    if given is not None and given.strip():
        name = given.strip().lower().lstrip(".")
        if name not in _NAMES:
            raise InvalidInput(f'"{given}" is not a pack format: choose pdf, docx or md.')
        return _NAMES[name]
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in _NAMES:
        raise InvalidInput(f"Cannot tell the format from the name {Path(path).name!r}: "
                           "end it in .pdf, .docx or .md, or give the format.")
    return _NAMES[suffix]


def render(doc: Document, fmt: PackFormat) -> bytes:
    """The document as bytes in the given format, every text cleaned first (clean_document)."""
    doc = clean_document(doc)
    if fmt is PackFormat.PDF:
        from carejournal.pack.pdf_writer import render_pdf

        return render_pdf(doc)
    if fmt is PackFormat.DOCX:
        from carejournal.pack.docx_writer import render_docx

        return render_docx(doc)
    from carejournal.pack.markdown import render_markdown

    return render_markdown(doc).encode("utf-8")


def _problem(path: Path) -> str | None:
    """Why the path cannot be written, found before any work is done (None if it looks fine)."""
    folder = path.parent
    if path.is_dir():
        return "that is a folder, not a file"
    if not folder.exists():
        return f"the folder {folder} does not exist"
    if not folder.is_dir():
        return f"{folder} is a file, not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"you do not have permission to write in the folder {folder}"
    return None


def _reason(exc: OSError, path: Path) -> str:
    """A plain-words reason for an operating-system error while writing."""
    if exc.errno == errno.ENOENT:
        return f"the folder {path.parent} does not exist"
    if exc.errno == errno.ENOTDIR:
        return f"{path.parent} is not a folder"
    return _REASONS.get(exc.errno or 0, (exc.strerror or str(exc)).lower())


def write_pack(doc: Document, path: Path, fmt: PackFormat) -> None:
    """Render doc and write it to path; on failure raise PackWriteError and leave no trace."""
    path = Path(path).expanduser().absolute()
    problem = _problem(path)
    if problem:
        raise PackWriteError(f"Could not write the pack to {path}: {problem}.")
    try:
        data = render(doc, PackFormat(fmt))
    except Exception as exc:
        raise PackWriteError(f"Could not write the pack to {path}: making the "
                             f"{PackFormat(fmt).value.upper()} failed ({exc}).") from exc
    try:
        durable.write_bytes(path, data)  # owner-only (0600), like every file the app writes
    except OSError as exc:
        raise PackWriteError(f"Could not write the pack to {path}: {_reason(exc, path)}.") from exc
