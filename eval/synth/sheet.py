"""A drawing surface for generated documents that remembers where each field value was written."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import reportlab
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from extractors.truth import PageSize, TruthBox

Rgb = tuple[float, float, float]

# Fonts shipped inside reportlab, so every machine renders the same pages.
_REPORTLAB_FONTS = Path(reportlab.__file__).parent / "fonts"
TRUETYPE_FONTS = {"Vera": "Vera.ttf", "Vera-Bold": "VeraBd.ttf", "Vera-Italic": "VeraIt.ttf"}
# A calligraphic face stands in for handwriting on scanned forms; it is never used where a
# text layer is kept (its encoding is font-specific, so extracted text would be wrong).
HANDWRITING_FONT = "Callig15"
HANDWRITING_INK: Rgb = (0.08, 0.12, 0.5)
HANDWRITING_CHARACTERS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789ÄÖÜäöü!#$%&'()*,-./:;?"
)
# Fonts a PDF viewer has built in: the only ones AcroForm field appearances may use here.
STANDARD_FONTS = frozenset(
    f"{family}{style}"
    for family, styles in (
        ("Helvetica", ("", "-Bold", "-Oblique", "-BoldOblique")),
        ("Courier", ("", "-Bold", "-Oblique", "-BoldOblique")),
        ("Times", ("-Roman", "-Bold", "-Italic", "-BoldItalic")),
    )
    for style in styles
)


@cache
def register_fonts() -> None:
    """Register the embedded fonts once per process."""
    for name, file_name in TRUETYPE_FONTS.items():
        pdfmetrics.registerFont(TTFont(name, str(_REPORTLAB_FONTS / file_name)))
    face = pdfmetrics.EmbeddedType1Face(
        str(_REPORTLAB_FONTS / "callig15.afm"), str(_REPORTLAB_FONTS / "callig15.pfb")
    )
    pdfmetrics.registerTypeFace(face)
    pdfmetrics.registerFont(pdfmetrics.Font(HANDWRITING_FONT, face.name, "WinAnsiEncoding"))


def tint(colour: Rgb, whiteness: float) -> Rgb:
    """The colour mixed with white: 0 keeps it, 1 is white."""
    red, green, blue = (channel + (1 - channel) * whiteness for channel in colour)
    return (red, green, blue)


def text_width(text: str, font: str, size: float) -> float:
    register_fonts()
    return float(pdfmetrics.stringWidth(text, font, size))


def fit_font_size(text: str, font: str, size: float, width: float, smallest: float = 6.0) -> float:
    """The largest size up to `size` at which `text` fits into `width` (never below `smallest`)."""
    while size > smallest and text_width(text, font, size) > width:
        size -= 0.5
    return size


def bold_of(font: str) -> str:
    if font.startswith("Times"):
        return "Times-Bold"
    if font.startswith("Vera"):
        return "Vera-Bold"
    if font.startswith("Courier"):
        return "Courier-Bold"
    return "Helvetica-Bold"


@dataclass
class Sheet:
    """A4 pages drawn top-down in points from the top-left corner, as readers see them.

    In `acroform` mode field values become filled AcroForm fields instead of page text, the
    way a form filled in a PDF viewer arrives. Every value written through `write_value` or
    `check_option` is recorded as a TruthBox.
    """

    acroform: bool = False
    handwriting: bool = False
    width: float = A4[0]
    height: float = A4[1]
    boxes: list[TruthBox] = field(default_factory=list)
    page: int = 1
    _buffer: io.BytesIO = field(default_factory=io.BytesIO)
    _canvas: Canvas = field(init=False)
    _acro_names: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        register_fonts()
        # invariant=1 leaves out creation dates and random ids: same seed, same bytes.
        self._canvas = Canvas(self._buffer, pagesize=(self.width, self.height), invariant=1)
        self._canvas.setTitle("")

    # -- plain drawing -------------------------------------------------------------------
    def _y(self, top: float) -> float:
        return self.height - top

    def text(
        self,
        x: float,
        baseline: float,
        text: str,
        font: str = "Helvetica",
        size: float = 9,
        colour: Rgb = (0, 0, 0),
        align: str = "left",
        pen: float = 0.0,
    ) -> tuple[float, float, float, float]:
        """Draw static text (stroked with a `pen` width if given); returns its box (x0, top, x1, bottom)."""
        width = text_width(text, font, size)
        if align == "right":
            x -= width
        elif align == "centre":
            x -= width / 2
        canvas = self._canvas
        canvas.setFillColor(Color(*colour))
        if pen:
            # Fill and stroke the glyphs: a pen line is thicker than a thin calligraphic face.
            canvas.saveState()
            canvas.setStrokeColor(Color(*colour))
            canvas.setLineWidth(pen)
            glyphs = canvas.beginText(x, self._y(baseline))
            glyphs.setTextRenderMode(2)
            glyphs.setFont(font, size)
            glyphs.textOut(text)
            canvas.drawText(glyphs)
            canvas.restoreState()
        else:
            canvas.setFont(font, size)
            canvas.drawString(x, self._y(baseline), text)
        ascent, descent = pdfmetrics.getAscentDescent(font, size)
        return (x, baseline - ascent, x + width, baseline - descent)

    def line(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        width: float = 0.5,
        colour: Rgb = (0, 0, 0),
        dash: tuple[float, float] | None = None,
    ) -> None:
        canvas = self._canvas
        canvas.setStrokeColor(Color(*colour))
        canvas.setLineWidth(width)
        canvas.setDash(*dash) if dash else canvas.setDash()
        canvas.line(x0, self._y(y0), x1, self._y(y1))
        canvas.setDash()

    def rect(
        self,
        x: float,
        top: float,
        width: float,
        height: float,
        stroke: Rgb | None = (0, 0, 0),
        fill: Rgb | None = None,
        line_width: float = 0.5,
        radius: float = 0,
    ) -> None:
        canvas = self._canvas
        canvas.setLineWidth(line_width)
        if stroke is not None:
            canvas.setStrokeColor(Color(*stroke))
        if fill is not None:
            canvas.setFillColor(Color(*fill))
        y = self._y(top + height)
        if radius:
            canvas.roundRect(x, y, width, height, radius, stroke=stroke is not None, fill=fill is not None)
        else:
            canvas.rect(x, y, width, height, stroke=stroke is not None, fill=fill is not None)

    def checkbox_square(self, x: float, top: float, size: float, line_width: float = 0.6) -> None:
        self.rect(x, top, size, size, line_width=line_width)

    def cross(self, x: float, top: float, size: float, width: float = 1.0) -> None:
        inset = size * 0.18
        self.line(x + inset, top + inset, x + size - inset, top + size - inset, width)
        self.line(x + inset, top + size - inset, x + size - inset, top + inset, width)

    def scribble(self, x: float, baseline: float, width: float, rng: random.Random) -> None:
        """A signature: a few looping pen strokes."""
        canvas = self._canvas
        canvas.setStrokeColor(Color(0.05, 0.1, 0.45))
        canvas.setLineWidth(0.9)
        path = canvas.beginPath()
        path.moveTo(x, self._y(baseline - 4))
        steps = rng.randint(4, 7)
        for step in range(steps):
            x_end = x + width * (step + 1) / steps
            lift = rng.uniform(4, 14)
            path.curveTo(
                x_end - width / steps * 0.7,
                self._y(baseline - lift),
                x_end - width / steps * 0.3,
                self._y(baseline + rng.uniform(0, 5)),
                x_end,
                self._y(baseline - rng.uniform(1, 8)),
            )
        canvas.drawPath(path, stroke=1, fill=0)

    def emblem(self, x: float, top: float, size: float, colour: Rgb) -> None:
        """An invented municipal shield (deliberately not the city's real coat of arms)."""
        canvas = self._canvas
        canvas.setFillColor(Color(*colour))
        canvas.setStrokeColor(Color(*colour))
        path = canvas.beginPath()
        path.moveTo(x, self._y(top))
        path.lineTo(x + size, self._y(top))
        path.lineTo(x + size, self._y(top + size * 0.6))
        path.curveTo(
            x + size,
            self._y(top + size * 0.95),
            x + size / 2,
            self._y(top + size * 1.1),
            x + size / 2,
            self._y(top + size * 1.15),
        )
        path.curveTo(
            x + size / 2,
            self._y(top + size * 1.1),
            x,
            self._y(top + size * 0.95),
            x,
            self._y(top + size * 0.6),
        )
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.setFillColor(white)
        canvas.circle(x + size / 2, self._y(top + size * 0.5), size * 0.2, stroke=0, fill=1)

    def stamp(self, x: float, top: float, lines: list[str], colour: Rgb, angle: float) -> None:
        """A rubber stamp over whatever is underneath (office receipt stamps hit text)."""
        canvas = self._canvas
        canvas.saveState()
        canvas.translate(x, self._y(top))
        canvas.rotate(angle)
        stamp_colour = Color(*colour, alpha=0.75)
        canvas.setStrokeColor(stamp_colour)
        canvas.setFillColor(stamp_colour)
        canvas.setLineWidth(1.6)
        width = max(text_width(line, "Helvetica-Bold", 9) for line in lines) + 16
        canvas.roundRect(0, -14 * len(lines) - 6, width, 14 * len(lines) + 10, 5)
        for index, line in enumerate(lines):
            canvas.setFont("Helvetica-Bold", 9)
            canvas.drawCentredString(width / 2, -14 * (index + 1), line)
        canvas.restoreState()

    # -- field values ----------------------------------------------------------------------
    def write_value(
        self,
        field_key: str,
        text: str,
        x: float,
        baseline: float,
        font: str,
        size: float,
        *,
        box_width: float | None = None,
        acro_name: str | None = None,
        colour: Rgb = (0, 0, 0),
        occurrence: int = 0,
    ) -> tuple[float, float, float, float]:
        """Write a field value (or a part of it), remember where it went and return that box."""
        if self.acroform:
            return self._acro_text(field_key, text, x, baseline, font, size, box_width, acro_name)
        if self.handwriting:
            bbox = _round(self._handwrite(text, x, baseline, size))
        else:
            bbox = _round(self.text(x, baseline, text, font, size, colour))
        self.boxes.append(
            TruthBox(field=field_key, page=self.page, bbox=bbox, text=text, occurrence=occurrence)
        )
        return bbox

    def _handwrite(
        self, text: str, x: float, baseline: float, size: float
    ) -> tuple[float, float, float, float]:
        """Pen-like writing, word by word: the calligraphic face has no space glyph and lacks
        a few characters (@, +, ß), so such words fall back to an italic face."""
        size *= 1.2
        boxes = []
        for word in text.split(" "):
            font = HANDWRITING_FONT if set(word) <= HANDWRITING_CHARACTERS else "Times-Italic"
            box = self.text(x, baseline, word, font, size, HANDWRITING_INK, pen=size * 0.035)
            boxes.append(box)
            x = box[2] + size * 0.3
        return (boxes[0][0], min(b[1] for b in boxes), boxes[-1][2], max(b[3] for b in boxes))

    def write_filler_text(
        self, text: str, x: float, baseline: float, font: str, size: float, acro_name: str
    ) -> float:
        """Text the filler adds that is no catalogue field (the place before a date); returns its end."""
        if self.acroform:
            width = text_width(text, "Helvetica", size) + 14
            self._acro_textfield(acro_name, text.strip(), x, baseline, width, "Helvetica", size)
            return x + width + 2
        if self.handwriting:
            return self._handwrite(text.strip(), x, baseline, size)[2] + size * 0.4
        return self.text(x, baseline, text, font, size)[2]

    def _acro_text(
        self,
        field_key: str,
        text: str,
        x: float,
        baseline: float,
        font: str,
        size: float,
        box_width: float | None,
        acro_name: str | None,
    ) -> tuple[float, float, float, float]:
        font = font if font in STANDARD_FONTS else "Helvetica"
        width = box_width or text_width(text, font, size) + 6
        top, height = self._acro_textfield(acro_name or field_key, text, x, baseline, width, font, size)
        bbox = _round((x - 2, top, x - 2 + width, top + height))
        self.boxes.append(TruthBox(field=field_key, page=self.page, bbox=bbox, text=text))
        return bbox

    def check_option(
        self,
        field_key: str,
        label_box: tuple[float, float, float, float],
        label: str,
        x: float,
        top: float,
        size: float,
        *,
        acro_name: str | None = None,
    ) -> None:
        """Tick the box at (x, top) whose printed label is `label` at `label_box`."""
        if self.acroform:
            self._acro_checkbox(acro_name or field_key, True, x, top, size)
        else:
            self.cross(x, top, size, width=1.4 if self.handwriting else 1.0)
        x0 = min(x, label_box[0])
        bbox = (x0, min(top, label_box[1]), max(x + size, label_box[2]), max(top + size, label_box[3]))
        self.boxes.append(TruthBox(field=field_key, page=self.page, bbox=_round(bbox), text=label))

    def unchecked_option_box(self, x: float, top: float, size: float, acro_name: str) -> None:
        """An empty box; in AcroForm mode a real checkbox field left off."""
        if self.acroform:
            self._acro_checkbox(acro_name, False, x, top, size)
        else:
            self.checkbox_square(x, top, size)

    def _acro_textfield(
        self, name: str, value: str, x: float, baseline: float, width: float, font: str, size: float
    ) -> tuple[float, float]:
        """A filled text field whose text sits on `baseline`; returns the widget's top and height."""
        top, height = baseline - size * 1.1, size * 1.5
        self._canvas.acroForm.textfield(
            name=self._unique_acro_name(name),
            value=value,
            x=x - 2,
            y=self._y(top + height),
            width=width,
            height=height,
            fontName=font,
            fontSize=size,
            borderWidth=0,
            fillColor=None,
            borderColor=None,
            textColor=black,
            maxlen=max(100, len(value)),
            fieldFlags="",
            forceBorder=False,
        )
        return top, height

    def _acro_checkbox(self, name: str, checked: bool, x: float, top: float, size: float) -> None:
        self._canvas.acroForm.checkbox(
            name=self._unique_acro_name(name),
            checked=checked,
            x=x,
            y=self._y(top + size),
            size=size,
            buttonStyle="cross",
            borderWidth=0.6,
            borderColor=black,
            fillColor=None,
            textColor=black,
            fieldFlags="",
            forceBorder=True,
        )

    def _unique_acro_name(self, name: str) -> str:
        base = "".join(char if char.isalnum() else "_" for char in name)
        candidate, counter = base, 1
        while candidate in self._acro_names:
            counter += 1
            candidate = f"{base}_{counter}"
        self._acro_names.add(candidate)
        return candidate

    # -- pages -------------------------------------------------------------------------------
    def new_page(self) -> None:
        self._canvas.showPage()
        self.page += 1

    def finish(self) -> bytes:
        self._canvas.save()
        return self._buffer.getvalue()

    def page_sizes(self) -> list[PageSize]:
        return [PageSize(width=self.width, height=self.height, unit="pt")] * self.page


def _round(bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    return (round(bbox[0], 2), round(bbox[1], 2), round(bbox[2], 2), round(bbox[3], 2))
