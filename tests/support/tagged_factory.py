"""Tagged PDFs (as Word and InDesign export them): a structure tree whose /Figure elements carry
/Alt text, their pictures marked in the content stream with the element's MCID.

reportlab draws the page and cannot tag it; pypdf then marks each picture's drawing and writes
the structure tree (/StructTreeRoot, /ParentTree, the page's /StructParents, /MarkInfo).
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ContentStream,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

CELL_XS = (60.0, 330.0, 400.0, 470.0)


def _picture(shade: int) -> ImageReader:
    image = Image.new("RGB", (120, 80), (shade, 120, 200))
    data = BytesIO()
    image.save(data, format="PNG")
    data.seek(0)
    return ImageReader(data)


def tagged_pdf(
    path: Path, pages: list[tuple[list[tuple[float, str]], list[tuple[str, tuple[float, float, float, float]]]]]
) -> Path:
    """One page per (lines, pictures): each line (y from the bottom, text) in 11 pt Helvetica;
    each picture (alt text, (x, y, width, height) in points from the bottom left) drawn as an
    image and tagged as a Figure, with /Alt unless its alt text is "". A line "a | b | c" is a
    table's row: its cells start at CELL_XS."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for lines, pictures in pages:
        for y, line in lines:
            c.setFont("Helvetica", 11)
            for x, cell in zip(CELL_XS, line.split(" | ")):
                c.drawString(x, y, cell)
        for k, (_alt, (x, py, w, h)) in enumerate(pictures):
            c.drawImage(_picture(40 * k), x, py, w, h)
        c.showPage()
    c.save()

    writer = PdfWriter(clone_from=PdfReader(path))
    tree_root = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
    root_ref = writer._add_object(tree_root)
    document = DictionaryObject(
        {NameObject("/Type"): NameObject("/StructElem"), NameObject("/S"): NameObject("/Document")}
    )
    document[NameObject("/P")] = root_ref
    document_ref = writer._add_object(document)
    kids = ArrayObject()
    nums = ArrayObject()
    for number, (page, (_lines, pictures)) in enumerate(zip(writer.pages, pages)):
        content = ContentStream(page.get_contents(), writer)
        operations = []
        mcid = 0
        parents = ArrayObject()
        for operands, operator in content.operations:
            if operator == b"Do" and mcid < len(pictures):
                mark = DictionaryObject({NameObject("/MCID"): NumberObject(mcid)})
                operations.append(([NameObject("/Figure"), mark], b"BDC"))
                operations.append((operands, operator))
                operations.append(([], b"EMC"))
                alt = pictures[mcid][0]
                figure = DictionaryObject(
                    {
                        NameObject("/Type"): NameObject("/StructElem"),
                        NameObject("/S"): NameObject("/Figure"),
                        NameObject("/P"): document_ref,
                        NameObject("/Pg"): page.indirect_reference,
                        NameObject("/K"): NumberObject(mcid),
                    }
                )
                if alt:
                    figure[NameObject("/Alt")] = TextStringObject(alt)
                figure_ref = writer._add_object(figure)
                kids.append(figure_ref)
                parents.append(figure_ref)
                mcid += 1
            else:
                operations.append((operands, operator))
        content.operations = operations
        page.replace_contents(content)
        page[NameObject("/StructParents")] = NumberObject(number)
        nums.extend([NumberObject(number), parents])
    document[NameObject("/K")] = kids
    tree_root[NameObject("/K")] = document_ref
    tree_root[NameObject("/ParentTree")] = DictionaryObject({NameObject("/Nums"): nums})
    writer._root_object[NameObject("/StructTreeRoot")] = root_ref
    writer._root_object[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
    with open(path, "wb") as out:
        writer.write(out)
    return path
