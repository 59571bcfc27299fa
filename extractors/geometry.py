"""Small geometry shared by the scanner simulation and the OCR reader: turning points on a page."""

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
