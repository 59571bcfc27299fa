"""Turn a rendered PDF into what a mailroom scanner makes of paper: skewed, noisy, lossy images."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
from PIL import Image, ImageFilter

from extractors.geometry import rotate_point
from extractors.truth import PageSize, ScanDetails, ScanFormat, TruthBox

# Ranges follow the issue: 150-300 dpi, up to 3 degrees of skew; the rest is what office
# scanners commonly do (grey paper, a dark edge, lamp fall-off, compression).
DPI_CHOICES = (150, 200, 200, 240, 300)
MAX_SKEW_DEGREES = 3.0
UPSIDE_DOWN_RATE = 0.03
Colour = Literal["rgb", "gray", "bitonal"]
FORMAT_MEDIA_TYPES = {
    "png": "image/png",
    "jpeg": "image/jpeg",
    "tiff": "image/tiff",
    "pdf": "application/pdf",
}
FORMAT_SUFFIXES = {"png": ".png", "jpeg": ".jpg", "tiff": ".tif", "pdf": ".pdf"}


@dataclass(frozen=True)
class ScanSettings:
    """Everything random about one scan, drawn up front so the scan is reproducible."""

    format: ScanFormat
    dpi: int
    colour: Colour
    skew_degrees: float
    shift: tuple[float, float]
    blur_radius: float
    noise_sigma: float
    jpeg_quality: int | None
    lighting: float
    upside_down: bool

    def details(self) -> ScanDetails:
        return ScanDetails(
            format=self.format,
            dpi=self.dpi,
            colour=self.colour,
            skew_degrees=self.skew_degrees,
            upside_down=self.upside_down,
            blur_radius=self.blur_radius,
            noise_sigma=self.noise_sigma,
            jpeg_quality=self.jpeg_quality,
        )


def draw_scan_settings(rng: random.Random, scan_format: ScanFormat, pages: int) -> ScanSettings:
    if pages > 1 and scan_format in ("png", "jpeg"):
        # A single image file holds one page: multi-page scans arrive as TIFF or PDF.
        scan_format = "tiff" if scan_format == "png" else "pdf"
    colour: Colour = rng.choices(("rgb", "gray", "bitonal"), (3, 6, 2))[0]
    if scan_format == "jpeg" and colour == "bitonal":
        colour = "gray"
    lossy = scan_format == "jpeg" or (colour != "bitonal" and rng.random() < 0.4)
    return ScanSettings(
        format=scan_format,
        dpi=rng.choice(DPI_CHOICES),
        colour=colour,
        skew_degrees=round(rng.uniform(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES), 2),
        shift=(rng.uniform(-0.012, 0.012), rng.uniform(-0.012, 0.012)),
        blur_radius=round(rng.choice((0.0, 0.4, 0.7, 1.0)), 2),
        noise_sigma=round(rng.uniform(1.5, 6.0), 1),
        jpeg_quality=rng.randint(35, 85) if lossy else None,
        lighting=rng.uniform(0.0, 0.22),
        upside_down=rng.random() < UPSIDE_DOWN_RATE,
    )


def rasterise(pdf: bytes, dpi: int) -> list[Image.Image]:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("RGB") for page in document]
    finally:
        document.close()


def _degrade(page: Image.Image, settings: ScanSettings, rng: np.random.Generator) -> Image.Image:
    width, height = page.size
    pixels = np.asarray(page, dtype=np.float32)
    # Lamp fall-off across the page and slightly grey or yellowish paper.
    direction = rng.uniform(0, 2 * np.pi)
    xs = np.arange(width, dtype=np.float32)[None, :] / width
    ys = np.arange(height, dtype=np.float32)[:, None] / height
    ramp = (np.cos(direction) * xs + np.sin(direction) * ys + 1) / 2
    pixels *= (1 - settings.lighting * ramp)[..., None]
    pixels *= np.array([rng.uniform(0.92, 1.0), rng.uniform(0.91, 0.99), rng.uniform(0.86, 0.97)])
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    scale = settings.dpi / 72
    image = image.rotate(
        settings.skew_degrees,
        Image.Resampling.BICUBIC,
        expand=False,
        translate=(round(settings.shift[0] * width), round(settings.shift[1] * height)),
        fillcolor=(250, 250, 248),
    )
    if settings.blur_radius:
        image = image.filter(ImageFilter.GaussianBlur(settings.blur_radius * scale / 3))
    noisy = np.asarray(image, dtype=np.float32)
    noisy = noisy + rng.normal(0, settings.noise_sigma, noisy.shape[:2]).astype(np.float32)[..., None]
    specks = rng.random(noisy.shape[:2]) < 0.0004
    noisy[specks] = rng.uniform(0, 90)
    image = Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))
    if settings.colour != "rgb":
        image = image.convert("L")
    if settings.jpeg_quality is not None and settings.format != "jpeg":
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=settings.jpeg_quality)
        image = Image.open(io.BytesIO(buffer.getvalue()))
        image.load()
    if settings.colour == "bitonal":
        threshold = 150 + rng.integers(-15, 15)
        image = image.point(lambda value: 255 if value > threshold else 0).convert("1")
    if settings.upside_down:
        image = image.rotate(180)
    return image


def transform_box(
    box: TruthBox, page_height_pt: float, size: tuple[int, int], settings: ScanSettings
) -> TruthBox:
    """Where a box drawn in PDF points ends up on the scanned image, in pixels."""
    width, height = size
    scale = settings.dpi / 72
    x0, top, x1, bottom = (value * scale for value in box.bbox)
    centre_x, centre_y = width / 2, height / 2
    corners = [
        rotate_point(x, y, centre_x, centre_y, settings.skew_degrees)
        for x, y in ((x0, top), (x1, top), (x0, bottom), (x1, bottom))
    ]
    dx, dy = round(settings.shift[0] * width), round(settings.shift[1] * height)
    xs = [x + dx for x, _ in corners]
    ys = [y + dy for _, y in corners]
    left, right = max(0.0, min(xs)), min(float(width), max(xs))
    upper, lower = max(0.0, min(ys)), min(float(height), max(ys))
    if settings.upside_down:
        left, right, upper, lower = width - right, width - left, height - lower, height - upper
    bbox = (round(left, 1), round(upper, 1), round(right, 1), round(lower, 1))
    return box.model_copy(update={"bbox": bbox})


@dataclass(frozen=True)
class ScannedDocument:
    images: list[Image.Image]
    boxes: list[TruthBox]
    pages: list[PageSize]


def scan_document(
    pdf: bytes, boxes: list[TruthBox], page_height_pt: float, settings: ScanSettings, seed: int
) -> ScannedDocument:
    rng = np.random.default_rng(seed)
    images = [_degrade(page, settings, rng) for page in rasterise(pdf, settings.dpi)]
    sizes = [image.size for image in images]
    moved = [transform_box(box, page_height_pt, sizes[box.page - 1], settings) for box in boxes]
    pages = [PageSize(width=width, height=height, unit="px") for width, height in sizes]
    return ScannedDocument(images, moved, pages)


def save_scan(scan: ScannedDocument, settings: ScanSettings, path: Path) -> None:
    first, rest = scan.images[0], scan.images[1:]
    dpi = (settings.dpi, settings.dpi)
    if settings.format == "png":
        first.save(path, "PNG", dpi=dpi, optimize=False)
    elif settings.format == "jpeg":
        first.save(path, "JPEG", dpi=dpi, quality=settings.jpeg_quality or 75)
    elif settings.format == "tiff":
        # Office scanners write bitonal pages as CCITT G4 and colour or grey pages JPEG-compressed.
        if settings.colour == "bitonal":
            first.save(path, "TIFF", dpi=dpi, compression="group4", save_all=True, append_images=rest)
        else:
            first.save(
                path,
                "TIFF",
                dpi=dpi,
                compression="jpeg",
                quality=settings.jpeg_quality or 80,
                save_all=True,
                append_images=rest,
            )
    else:
        pages = [image.convert("L") if image.mode == "1" else image for image in scan.images]
        pages[0].save(
            path,
            "PDF",
            resolution=float(settings.dpi),
            save_all=True,
            append_images=pages[1:],
            title="Scan",
            creationDate=None,
            modDate=None,
        )
