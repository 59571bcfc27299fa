"""Free letters: objections (Widerspruch) to a decision, and other letters that reach the city."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from eval.synth.formatting import DateStyle, write_date
from eval.synth.sheet import Sheet, bold_of, text_width
from eval.synth.values import Address

LEFT, RIGHT = 70.0, 530.0
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
LetterStyle = Literal["din_b", "din_a_reference", "informal", "email", "form_block"]
Segment = tuple[str, str | None]  # text, and the field it belongs to (None: plain text)


@dataclass(frozen=True)
class LetterTemplate:
    id: str
    style: LetterStyle
    font: str = "Helvetica"
    size: float = 10.5
    date: DateStyle = "dd.mm.yyyy"
    holdout: bool = False
    doc_type: str = "widerspruch"
    fillable: bool = False


LETTER_TEMPLATES: tuple[LetterTemplate, ...] = (
    LetterTemplate("widerspruch/t1-din-b", "din_b", "Helvetica", 10.5, "d. month yyyy"),
    LetterTemplate("widerspruch/t2-din-a-bezugszeile", "din_a_reference", "Vera", 10.0, "dd.mm.yyyy"),
    LetterTemplate("widerspruch/t3-privatbrief", "informal", "Times-Roman", 11.5, "d.m.yyyy"),
    LetterTemplate("widerspruch/t4-email-ausdruck", "email", "Helvetica", 10.0, "d. month yyyy"),
    LetterTemplate("widerspruch/t5-absenderblock", "form_block", "Courier", 10.0, "dd.mm.yyyy", holdout=True),
)


@dataclass
class LetterContent:
    """What a letter says; `values` are the catalogue fields written with boxes when recorded."""

    sender_name: str
    sender_address: Address
    recipient: list[str]
    letter_date: str
    subject: list[list[Segment]]
    paragraphs: list[list[Segment]]
    values: dict[str, Any] = field(default_factory=dict)
    record: bool = True


class LetterWriter:
    def __init__(
        self, template: LetterTemplate, content: LetterContent, sheet: Sheet, rng: random.Random
    ) -> None:
        self.t, self.c, self.sheet, self.rng = template, content, sheet, rng
        self.font, self.bold, self.size = template.font, bold_of(template.font), template.size
        self.occurrences: Counter[str] = Counter()

    def put(
        self,
        key: str | None,
        text: str,
        x: float,
        baseline: float,
        *,
        font: str | None = None,
        size: float | None = None,
        occurrence: int | None = None,
    ) -> float:
        font, size = font or self.font, size or self.size
        if key is None or not self.c.record or key not in self.c.values:
            return self.sheet.text(x, baseline, text, font, size)[2]
        if occurrence is None:
            occurrence = self.occurrences[key]
            self.occurrences[key] += 1
        return self.sheet.write_value(key, text, x, baseline, font, size, occurrence=occurrence)[2]

    def segments(
        self,
        segments: list[Segment],
        x: float,
        baseline: float,
        width: float,
        *,
        font: str | None = None,
        leading: float | None = None,
    ) -> float:
        """Running text with fields inside, wrapped word by word; returns the next baseline."""
        font, leading = font or self.font, leading or self.size * 1.4
        space = text_width(" ", font, self.size)
        cursor = x
        for text, key in segments:
            occurrence = None
            if key is not None and key in self.c.values and self.c.record:
                occurrence = self.occurrences[key]
                self.occurrences[key] += 1
            if cursor > x and text[:1] not in ",.;:)":
                # A real space character, as word processors write: text extraction splits on it.
                cursor = self.sheet.text(cursor, baseline, " ", font, self.size)[2]
            run: list[str] = []
            run_x = cursor
            for word in text.split():
                word_width = text_width(word, font, self.size)
                gap = space if run else 0.0
                if cursor + gap + word_width > x + width and cursor > x:
                    if run:
                        self.put(key, " ".join(run), run_x, baseline, font=font, occurrence=occurrence)
                    run, baseline, cursor, gap = [], baseline + leading, x, 0.0
                    run_x = x
                run.append(word)
                cursor += gap + word_width
            if run:
                self.put(key, " ".join(run), run_x, baseline, font=font, occurrence=occurrence)
        return baseline + leading

    def date(self, iso: str) -> str:
        return write_date(iso, self.t.date)

    def address_block(self, x: float, baseline: float, leading: float, size: float | None = None) -> float:
        occurrence = self.occurrences["sender_address"] if "sender_address" in self.c.values else None
        if occurrence is not None:
            self.occurrences["sender_address"] += 1
        self.put("sender_name", self.c.sender_name, x, baseline, size=size)
        for index, part in enumerate((self.c.sender_address.street, self.c.sender_address.town), start=1):
            self.put("sender_address", part, x, baseline + index * leading, size=size, occurrence=occurrence)
        return baseline + 3 * leading

    def return_line(self, x: float, baseline: float) -> None:
        """The one-line sender above the address window."""
        occurrence = None
        if "sender_address" in self.c.values and self.c.record:
            occurrence = self.occurrences["sender_address"]
            self.occurrences["sender_address"] += 1
        end = self.put("sender_name", self.c.sender_name, x, baseline, size=6.5)
        for part in (self.c.sender_address.street, self.c.sender_address.town):
            end = self.sheet.text(end, baseline, ", ", self.font, 6.5)[2]
            end = self.put("sender_address", part, end, baseline, size=6.5, occurrence=occurrence)
        self.sheet.line(x, baseline + 2, end, baseline + 2, 0.3)

    def recipient(self, x: float, baseline: float) -> None:
        for index, line in enumerate(self.c.recipient):
            self.sheet.text(x, baseline + index * 13, line, self.font, self.size)

    # layouts ------------------------------------------------------------------------------
    def render(self) -> None:
        getattr(self, f"_{self.t.style}")()

    def _body(self, y: float) -> None:
        for lines in self.c.subject:
            y = self.segments(lines, LEFT, y, RIGHT - LEFT, font=self.bold)
        y += self.size
        first_words = self.c.paragraphs[0][0][0] if self.c.paragraphs and self.c.paragraphs[0] else ""
        if not first_words.startswith(("Sehr geehrte", "Liebe", "Hallo", "Guten Tag")):
            self.sheet.text(LEFT, y, "Sehr geehrte Damen und Herren,", self.font, self.size)
            y += self.size * 2
        for paragraph in self.c.paragraphs:
            y = self.segments(paragraph, LEFT, y, RIGHT - LEFT) + self.size * 0.6
        y += self.size
        self.sheet.text(LEFT, y, "Mit freundlichen Grüßen", self.font, self.size)
        self.sheet.scribble(LEFT, y + 34, 110, self.rng)
        self.put("sender_name", self.c.sender_name, LEFT, y + 52)

    def _din_b(self) -> None:
        self.address_block(350, 60, 13)
        self.return_line(LEFT, 140)
        self.recipient(LEFT, 158)
        end = RIGHT
        date_text = self.date(self.c.letter_date)
        start = end - text_width(date_text, self.font, self.size)
        self.sheet.text(start, 270, "München, ", self.font, self.size, align="right")
        self.put("letter_date", date_text, start, 270)
        self._body(305)

    def _din_a_reference(self) -> None:
        c = self.c
        header = f"{c.sender_name} · {c.sender_address.street} · {c.sender_address.town}"
        x = (LEFT + RIGHT) / 2 - text_width(header, self.font, 8.5) / 2
        x = self.put("sender_name", c.sender_name, x, 50, size=8.5)
        occurrence = None
        if "sender_address" in c.values and c.record:
            occurrence = self.occurrences["sender_address"]
            self.occurrences["sender_address"] += 1
        for part in (c.sender_address.street, c.sender_address.town):
            x = self.sheet.text(x, 50, " · ", self.font, 8.5)[2]
            x = self.put("sender_address", part, x, 50, size=8.5, occurrence=occurrence)
        self.sheet.line(LEFT, 58, RIGHT, 58, 0.6)
        self.return_line(LEFT, 128)
        self.recipient(LEFT, 146)
        columns = (
            ("Ihr Zeichen", "file_reference"),
            ("Ihre Nachricht vom", "decision_date"),
            ("Unser Zeichen", None),
            ("Datum", "letter_date"),
        )
        width = (RIGHT - LEFT) / 4
        for index, (label, key) in enumerate(columns):
            x = LEFT + index * width
            self.sheet.text(x, 250, label, self.font, 7)
            value = c.values.get(key) if key else None
            if key == "letter_date":
                value = c.letter_date
            if value is not None and key is not None:
                text = self.date(str(value)) if "date" in key else str(value)
                self.put(key, text, x, 263, size=9)
            elif key is None:
                self.sheet.text(x, 263, "–", self.font, 9)
        self._body(300)

    def _informal(self) -> None:
        self.address_block(LEFT, 60, 14)
        self.sheet.text(RIGHT - 120, 130, "München, den", self.font, self.size, align="right")
        self.put("letter_date", self.date(self.c.letter_date), RIGHT - 115, 130)
        self.recipient(LEFT, 165)
        self._body(255)

    def _email(self) -> None:
        date = dt.date.fromisoformat(self.c.letter_date)
        y = 60.0
        self.sheet.text(LEFT, y, "Von:", self.bold, 9.5)
        end = self.put("sender_name", self.c.sender_name, LEFT + 70, y, size=9.5)
        self.sheet.text(end + 4, y, "<buerger.post@example.org>", self.font, 9.5)
        self.sheet.text(LEFT, y + 14, "Gesendet:", self.bold, 9.5)
        end = self.sheet.text(LEFT + 70, y + 14, f"{WEEKDAYS[date.weekday()]}, ", self.font, 9.5)[2]
        end = self.put("letter_date", self.date(self.c.letter_date), end, y + 14, size=9.5)
        self.sheet.text(
            end + 4, y + 14, f"{self.rng.randint(7, 22)}:{self.rng.randint(0, 59):02d}", self.font, 9.5
        )
        self.sheet.text(LEFT, y + 28, "An:", self.bold, 9.5)
        self.sheet.text(
            LEFT + 70,
            y + 28,
            self.c.recipient[1] if len(self.c.recipient) > 1 else "Poststelle",
            self.font,
            9.5,
        )
        self.sheet.text(LEFT, y + 42, "Betreff:", self.bold, 9.5)
        self.segments(self.c.subject[0], LEFT + 70, y + 42, RIGHT - LEFT - 70, font=self.font)
        self.sheet.line(LEFT, y + 52, RIGHT, y + 52, 0.8)
        subject, self.c.subject = self.c.subject, self.c.subject[1:]
        self._body(y + 80)
        self.c.subject = subject
        self.address_block(LEFT, 700, 12, 9)

    def _form_block(self) -> None:
        c = self.c
        rows: list[tuple[str, str | None, str]] = [
            ("Absender", "sender_name", c.sender_name),
            ("Anschrift", "sender_address", c.sender_address.value),
        ]
        if "file_reference" in c.values:
            rows.append(("Aktenzeichen", "file_reference", str(c.values["file_reference"])))
        if "decision_date" in c.values:
            rows.append(("Bescheid vom", "decision_date", self.date(str(c.values["decision_date"]))))
        rows.append(("Datum", "letter_date", self.date(c.letter_date)))
        for index, (label, key, text) in enumerate(rows):
            y = 70 + index * 16
            self.sheet.rect(LEFT, y - 11, 110, 16, fill=(0.92, 0.92, 0.92), line_width=0.4)
            self.sheet.rect(LEFT + 110, y - 11, RIGHT - LEFT - 110, 16, line_width=0.4)
            self.sheet.text(LEFT + 4, y, label, self.bold, 9)
            self.put(key, text, LEFT + 114, y, size=9)
        self.recipient(LEFT, 190)
        subject = [
            [(text, key) for text, key in line if key not in ("file_reference", "decision_date")]
            for line in c.subject
        ]
        c.subject, original = [line for line in subject if line], c.subject
        self._body(275)
        c.subject = original


def render_letter(template: LetterTemplate, content: LetterContent, sheet: Sheet, rng: random.Random) -> None:
    LetterWriter(template, content, sheet, rng).render()
