"""Small geometry shared by the scanner simulation, the OCR reader and the layout rules: turning
points on a page, and moving boxes between a scan as it lies and the same page read upright."""

from __future__ import annotations

import math


def rotate_point(x: float, y: float, cx: float, cy: float, degrees: float) -> tuple[float, float]:
    """Rotate (x, y) about (cx, cy) counter-clockwise as seen on screen (y grows downwards),
    the way Pillow's Image.rotate turns an image."""
    angle = math.radians(degrees)
    dx, dy = x - cx, y - cy
    return (
        cx + dx * math.cos(angle) + dy * math.sin(angle),
        cy - dx * math.sin(angle) + dy * math.cos(angle),
    )


def rotate_box(
    bbox: tuple[float, float, float, float], cx: float, cy: float, degrees: float
) -> tuple[float, float, float, float]:
    """The upright box around a box turned about (cx, cy)."""
    x0, top, x1, bottom = bbox
    corners = [
        rotate_point(x, y, cx, cy, degrees) for x, y in ((x0, top), (x1, top), (x0, bottom), (x1, bottom))
    ]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return (min(xs), min(ys), max(xs), max(ys))


BBox = tuple[float, float, float, float]


def _upright_size(size: tuple[float, float], rotation: int) -> tuple[float, float]:
    return (size[1], size[0]) if rotation in (90, 270) else size


def upright_to_scan(bbox: BBox, size: tuple[float, float], rotation: int, skew: float) -> BBox:
    """A box on the page as read (turned by `rotation` clockwise, then straightened by `skew`
    degrees) mapped onto the scan as it lies; `size` is the scan's (width, height)."""
    width, height = _upright_size(size, rotation)
    if skew:
        bbox = rotate_box(bbox, width / 2, height / 2, -skew)
    x0, top, x1, bottom = bbox
    original_width, original_height = size
    if rotation == 180:
        return (original_width - x1, original_height - bottom, original_width - x0, original_height - top)
    if rotation == 90:  # the upright page was made by turning the scan 90 degrees clockwise
        return (top, original_height - x1, bottom, original_height - x0)
    if rotation == 270:
        return (original_width - bottom, x0, original_width - top, x1)
    return bbox


def scan_to_upright(bbox: BBox, size: tuple[float, float], rotation: int, skew: float) -> BBox:
    """The inverse of `upright_to_scan`, keeping the box's size: a word's place on the page as
    read, where its line runs straight across."""
    a0, b0, a1, b1 = bbox
    width, height = size
    if rotation == 180:
        bbox = (width - a1, height - b1, width - a0, height - b0)
    elif rotation == 90:
        bbox = (height - b1, a0, height - b0, a1)
    elif rotation == 270:
        bbox = (b0, width - a1, b1, width - a0)
    if not skew:
        return bbox
    upright_width, upright_height = _upright_size(size, rotation)
    x0, top, x1, bottom = bbox
    cx, cy = rotate_point((x0 + x1) / 2, (top + bottom) / 2, upright_width / 2, upright_height / 2, skew)
    half_width, half_height = (x1 - x0) / 2, (bottom - top) / 2
    return (cx - half_width, cy - half_height, cx + half_width, cy + half_height)


def overlaps(a: BBox, b: BBox) -> bool:
    """Two boxes (x0, top, x1, bottom) share some area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
