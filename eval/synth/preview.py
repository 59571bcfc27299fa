"""Render a document's first page to PNG with its ground-truth boxes drawn on, for a human eye."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from extractors.truth import read_truth

PREVIEW_WIDTH = 1000
BOX_COLOUR = (220, 30, 30)
LABEL_COLOUR = (150, 0, 150)


def _first_page(path: Path, width: int) -> Image.Image:
    if path.suffix.lower() == ".pdf":
        import pypdfium2

        document = pypdfium2.PdfDocument(path)
        try:
            document.init_forms()  # show filled AcroForm fields as a viewer would
            page = document[0]
            rendered: Image.Image = page.render(scale=width / page.get_width(), may_draw_forms=True).to_pil()
            return rendered.convert("RGB")
        finally:
            document.close()
    with Image.open(path) as image:
        image.seek(0)
        page_image = image.convert("RGB")
    return page_image.resize((width, round(page_image.height * width / page_image.width)))


def render_preview(document: Path, out_folder: Path, width: int = PREVIEW_WIDTH) -> Path:
    """Write `<stem>.preview.png` into out_folder and return its path."""
    truth = read_truth(document)
    image = _first_page(document, width)
    scale = image.width / truth.pages[0].width
    draw = ImageDraw.Draw(image)
    for box in truth.boxes:
        if box.page != 1:
            continue
        x0, top, x1, bottom = (value * scale for value in box.bbox)
        draw.rectangle((x0, top, x1, bottom), outline=BOX_COLOUR, width=2)
        draw.text((x0, bottom + 1), box.field, fill=LABEL_COLOUR)
    out_folder.mkdir(parents=True, exist_ok=True)
    target = out_folder / f"{document.stem}.preview.png"
    image.save(target)
    return target


def contact_sheet(previews: list[Path], target: Path, columns: int = 3, tile_width: int = 320) -> Path:
    """Tile previews into one image, e.g. for a README or a quick look at a whole corpus."""
    tiles = []
    for preview in previews:
        with Image.open(preview) as image:
            tiles.append(
                image.convert("RGB").resize((tile_width, round(image.height * tile_width / image.width)))
            )
    rows = -(-len(tiles) // columns)
    height = max(tile.height for tile in tiles)
    sheet = Image.new(
        "RGB", (columns * tile_width + (columns + 1) * 8, rows * height + (rows + 1) * 8), "white"
    )
    for index, tile in enumerate(tiles):
        sheet.paste(tile, (8 + (index % columns) * (tile_width + 8), 8 + (index // columns) * (height + 8)))
    target.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(target, quality=80) if target.suffix.lower() in (".jpg", ".jpeg") else sheet.save(target)
    return target
