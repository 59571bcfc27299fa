"""Boxes move between a scan as it lies and the page read upright without losing their place."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extractors.geometry import rotate_point, scan_to_upright, upright_to_scan

SIZE = (1240.0, 1754.0)  # an A4 scan at 150 dpi


@given(
    x=st.floats(100, 1000),
    y=st.floats(100, 1500),
    rotation=st.sampled_from([0, 90, 180, 270]),
    skew=st.floats(-5, 5),
)
def test_a_word_read_upright_lands_back_where_it_was_scanned(
    x: float, y: float, rotation: int, skew: float
) -> None:
    box = (x, y, x + 120.0, y + 30.0)
    upright = scan_to_upright(box, SIZE, rotation, skew)
    back = upright_to_scan(upright, SIZE, rotation, skew)
    centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
    assert abs((back[0] + back[2]) / 2 - centre[0]) < 0.01
    assert abs((back[1] + back[3]) / 2 - centre[1]) < 0.01


def test_words_of_one_slanted_line_stand_on_one_line_when_read_upright() -> None:
    # Two words 1000 px apart on a line scanned 2 degrees turned (Pillow's sense: counter-clockwise);
    # the reader straightens such a page by turning it back, a skew of -2 degrees.
    centre = (SIZE[0] / 2, SIZE[1] / 2)
    left = rotate_point(100, 800, *centre, 2.0)
    right = rotate_point(1100, 800, *centre, 2.0)
    assert abs(left[1] - right[1]) > 30  # on the scan they are a line height apart
    boxes = [(x - 40, y - 12, x + 40, y + 12) for x, y in (left, right)]
    upright = [scan_to_upright(box, SIZE, 0, -2.0) for box in boxes]
    assert abs(upright[0][1] - upright[1][1]) < 0.5
