"""Lay out a fillable administrative form from its template description and fill it in."""

from __future__ import annotations

from eval.synth import lexicon
from eval.synth.form_model import (
    Choice,
    FormFill,
    FormTemplate,
    Item,
    NameList,
    Note,
    PageBreak,
    Part,
    RecordBlocks,
    RecordTable,
    Row,
    Signature,
    Slot,
    written_value,
)
from eval.synth.formatting import write_date
from eval.synth.sheet import Sheet, bold_of, fit_font_size, text_width
from extractors.catalogue import FieldSpec, load_catalogue
from extractors.truth import TruthBox

LEFT, RIGHT, BOTTOM = 48.0, 547.0, 790.0


class FormRenderer:
    """Draws one template onto a Sheet, top to bottom, breaking pages where needed."""

    def __init__(self, template: FormTemplate, sheet: Sheet, fill: FormFill) -> None:
        self.template, self.style, self.sheet, self.fill = template, template.style, sheet, fill
        self.y = 0.0
        self.number = 0
        self.acro_counter = 0

    # header, footer, pages ---------------------------------------------------------------
    def render(self) -> None:
        self._header()
        for section in self.template.sections:
            self._section_title(section.title)
            for item in section.items:
                self._item(item)
        self._closing_notes()
        self._footer()
        if self.fill.stamp:
            self._stamp()

    def _header(self) -> None:
        t, s, sheet = self.template, self.style, self.sheet
        if s.header == "city":
            sheet.emblem(LEFT, 36, 22, s.accent)
            sheet.text(LEFT + 30, 50, "Landeshauptstadt", s.heading_font, 10)
            sheet.text(LEFT + 30, 63, "München", s.heading_font, 14)
            for index, line in enumerate(t.office):
                sheet.text(RIGHT, 44 + index * 10, line, s.label_font, 7.5, align="right")
            self.y = 112
            sheet.text(LEFT, self.y, t.title, s.heading_font, s.title_size)
            sheet.text(LEFT, self.y + 14, t.subtitle, s.label_font, 8.5)
            self.y += 30
        elif s.header == "federal":
            sheet.rect(LEFT, 34, 62, 24, line_width=1.2)
            sheet.text(LEFT + 31, 51, t.form_code, s.heading_font, 12, align="centre")
            sheet.rect(RIGHT - 120, 30, 120, 62, stroke=(0.5, 0.5, 0.5), line_width=0.5)
            sheet.text(RIGHT - 60, 40, "Eingangsstempel", s.label_font, 6, (0.4, 0.4, 0.4), "centre")
            centre = (LEFT + RIGHT - 120) / 2 + 30
            room = 2 * (RIGHT - 130 - centre)  # between the form code and the receipt-stamp box
            size = fit_font_size(t.title, s.heading_font, s.title_size, room, 10)
            sheet.text(centre, 80, t.title, s.heading_font, size, align="centre")
            sheet.text(
                centre,
                94,
                t.subtitle,
                s.label_font,
                fit_font_size(t.subtitle, s.label_font, 8, room, 6),
                align="centre",
            )
            sheet.text(LEFT, 112, t.office[0] if t.office else "", s.label_font, 7.5)
            self.y = 124
        elif s.header == "banner":
            sheet.rect(0, 0, sheet.width, 70, stroke=None, fill=s.accent)
            size = fit_font_size(t.title, s.heading_font, s.title_size, RIGHT - LEFT - 150, 10)
            sheet.text(LEFT, 34, t.title, s.heading_font, size, (1, 1, 1))
            sheet.text(LEFT, 52, t.subtitle, s.label_font, 8.5, (1, 1, 1))
            sheet.text(RIGHT, 34, "Landeshauptstadt München", s.heading_font, 9, (1, 1, 1), "right")
            sheet.text(RIGHT, 46, t.office[0] if t.office else "", s.label_font, 7.5, (1, 1, 1), "right")
            self.y = 92
        else:
            sheet.text(LEFT, 52, t.title, s.heading_font, s.title_size)
            sheet.line(LEFT, 58, RIGHT, 58, 0.8, s.accent)
            sheet.text(LEFT, 70, t.subtitle, s.label_font, 8)
            sheet.text(RIGHT, 70, " · ".join(t.office[:2]), s.label_font, 7, align="right")
            self.y = 88

    def _closing_notes(self) -> None:
        """Real editions fill spare room with data-protection and filing notes."""
        s, sheet, rng = self.style, self.sheet, self.fill.rng
        room = BOTTOM - self.y
        if room < 110:
            return
        sentences = rng.sample(
            lexicon.FORM_INSTRUCTIONS, k=min(len(lexicon.FORM_INSTRUCTIONS), int(room // 40))
        )
        lines: list[str] = []
        for sentence in sentences:
            current = ""
            for word in sentence.split():
                candidate = f"{current} {word}".strip()
                if text_width(candidate, s.label_font, 7) > RIGHT - LEFT - 12:
                    lines.append(current)
                    current = word
                else:
                    current = candidate
            lines.append(current)
        lines = lines[: int((room - 40) // 9)]
        top = BOTTOM - 9 * len(lines) - 22
        sheet.rect(LEFT, top, RIGHT - LEFT, 9 * len(lines) + 20, stroke=(0.6, 0.6, 0.6), line_width=0.5)
        sheet.text(
            LEFT + 6,
            top + 11,
            rng.choice(("Hinweise", "Datenschutzhinweis", "Wichtige Hinweise")),
            bold_of(s.label_font),
            7.5,
        )
        for index, line in enumerate(lines):
            sheet.text(LEFT + 6, top + 21 + index * 9, line, s.label_font, 7, (0.25, 0.25, 0.25))

    def _footer(self) -> None:
        s, sheet = self.style, self.sheet
        code = f"{self.template.form_code} · Stand {self.template.edition}"
        sheet.text(LEFT, 815, code, s.label_font, 6.5, (0.35, 0.35, 0.35))
        sheet.text(RIGHT, 815, f"Seite {sheet.page}", s.label_font, 6.5, (0.35, 0.35, 0.35), "right")

    def _new_page(self) -> None:
        self._footer()
        self.sheet.new_page()
        s = self.style
        self.sheet.text(LEFT, 40, f"{self.template.title} (Fortsetzung)", s.heading_font, 9)
        self.sheet.line(LEFT, 45, RIGHT, 45, 0.5, s.accent)
        self.y = 62

    def _room(self, height: float) -> None:
        if self.y + height > BOTTOM:
            self._new_page()

    def _stamp(self) -> None:
        rng = self.fill.rng
        colour = rng.choice(((0.75, 0.1, 0.1), (0.1, 0.2, 0.7), (0.2, 0.45, 0.2)))
        date = write_date(str(self.fill.values.get("signature_date", "2025-01-02")), "dd.mm.yyyy")
        lines = ["EINGEGANGEN", date, "Landeshauptstadt München"]
        self.sheet.stamp(rng.uniform(260, 400), rng.uniform(120, 600), lines, colour, rng.uniform(-14, 14))

    def _section_title(self, title: str) -> None:
        if not title:
            return
        s, sheet = self.style, self.sheet
        self._room(40)
        if s.sections == "bar":
            sheet.rect(LEFT, self.y, RIGHT - LEFT, 13, stroke=None, fill=s.accent)
            sheet.text(LEFT + 4, self.y + 9.5, title, s.heading_font, 8.5, (1, 1, 1))
            self.y += 17
        elif s.sections == "rule":
            sheet.text(LEFT, self.y + 10, title, s.heading_font, 9.5, s.accent)
            sheet.line(LEFT, self.y + 13, RIGHT, self.y + 13, 0.6, s.accent)
            self.y += 18
        elif s.sections == "box":
            sheet.rect(LEFT, self.y, RIGHT - LEFT, 14, fill=(0.9, 0.9, 0.9), line_width=0.5)
            sheet.text(LEFT + 4, self.y + 10, title, s.heading_font, 8.5)
            self.y += 14
        else:
            sheet.text(LEFT, self.y + 10, title, s.heading_font, 10)
            self.y += 15

    # items -----------------------------------------------------------------------------
    def _item(self, item: Item) -> None:
        if isinstance(item, PageBreak):
            self._new_page()
        elif isinstance(item, Note):
            self._note(item)
        elif isinstance(item, Signature):
            self._signature(item)
        elif isinstance(item, NameList):
            self._name_list(item)
        elif isinstance(item, RecordTable):
            self._record_table(item)
        elif isinstance(item, RecordBlocks):
            self._record_blocks(item)
        else:
            self._row(item, prefix="")

    def _label(self, text: str) -> str:
        if not self.style.numbered:
            return text
        self.number += 1
        return f"{self.number}  {text}"

    def _acro_name(self, path: str) -> str:
        self.acro_counter += 1
        return f"Text{self.acro_counter}" if self.style.generic_acro_names else path

    def _note(self, note: Note) -> None:
        s = self.style
        text = note.text or " ".join(self.fill.rng.sample(lexicon.FORM_INSTRUCTIONS, k=2))
        words, lines, current = text.split(), [], ""
        for word in words:
            candidate = f"{current} {word}".strip()
            if text_width(candidate, s.label_font, 7) > RIGHT - LEFT:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
        self._room(9 * len(lines) + 6)
        for line in lines:
            self.sheet.text(LEFT, self.y + 8, line, s.label_font, 7, (0.25, 0.25, 0.25))
            self.y += 9
        self.y += 5

    def _row(self, row: Row, prefix: str) -> None:
        s = self.style
        heights = [self._choice_height(cell) if isinstance(cell, Choice) else s.row_height for cell in row]
        height = max(heights)
        self._room(height)
        total = sum(cell.width for cell in row)
        x = LEFT
        for cell in row:
            width = (RIGHT - LEFT) * cell.width / total
            if isinstance(cell, Choice):
                self._choice(cell, prefix, x, width, height)
            else:
                self._slot(cell, prefix, x, width, height)
            x += width
        self.y += height + (0 if s.layout in ("boxed", "table") else 3)

    # a single value cell ----------------------------------------------------------------
    def _cell_frame(self, label: str, x: float, width: float, height: float) -> tuple[float, float, float]:
        """Draw label and frame; return the value's x, baseline and available width."""
        s, sheet, y = self.style, self.sheet, self.y
        if s.layout == "boxed":
            sheet.rect(x, y, width, height, line_width=0.6)
            sheet.text(x + 2.5, y + 7.5, label, s.label_font, s.label_size)
            return x + 4, y + height - 6, width - 8
        if s.layout == "table":
            label_width = width * 0.38
            sheet.rect(x, y, label_width, height, fill=(0.92, 0.93, 0.95), line_width=0.5)
            sheet.rect(x + label_width, y, width - label_width, height, line_width=0.5)
            size = fit_font_size(label, s.label_font, s.label_size + 1, label_width - 6, 5.5)
            sheet.text(x + 3, y + height / 2 + 3, label, s.label_font, size)
            return x + label_width + 4, y + height / 2 + 3.5, width - label_width - 8
        if s.layout == "underlabel":
            sheet.line(x + 2, y + height - 10, x + width - 6, y + height - 10, 0.5)
            sheet.text(x + 2, y + height - 3, label, s.label_font, s.label_size - 0.5)
            return x + 4, y + height - 12.5, width - 10
        label_size = s.label_size + 1.5
        label_width = text_width(label + ":", s.label_font, label_size)
        if label_width > width * 0.5:
            sheet.text(x, y + 8, label + ":", s.label_font, label_size)
            sheet.line(x, y + height - 3, x + width - 8, y + height - 3, 0.4, dash=(1, 1.5))
            return x + 2, y + height - 5, width - 12
        sheet.text(x, y + height - 6, label + ":", s.label_font, label_size)
        line_x = x + label_width + 4
        sheet.line(line_x, y + height - 3, x + width - 8, y + height - 3, 0.4, dash=(1, 1.5))
        return line_x + 3, y + height - 6, x + width - 8 - line_x - 6

    def _slot(self, slot: Slot, prefix: str, x: float, width: float, height: float) -> None:
        path = prefix + slot.key
        value_x, baseline, available = self._cell_frame(self._label(slot.label), x, width, height)
        self._write(path, slot.part, slot.comb, value_x, baseline, available)

    def _write(self, path: str, part: Part, comb: int, x: float, baseline: float, available: float) -> None:
        s, sheet = self.style, self.sheet
        value = self.fill.lookup(path)
        if value is None or self.fill.is_left_empty(path):
            return
        text = written_value(self.fill.spec(path), value, part, s.writing)
        if comb:
            cell = self._comb_cells(comb, x, baseline, available)
            if len(text) <= comb:
                self._comb(path, text, cell, x, baseline)
                return
            # Too long for the printed cells: people then write across them.
        if path.split(".")[0] in self.fill.written_beside and not sheet.acroform:
            # A filler who misses the box: the value sits half over the frame.
            x += available * 0.35
            baseline -= s.row_height * 0.45
        size = fit_font_size(text, s.value_font, s.value_size, available)
        sheet.write_value(
            path, text, x, baseline, s.value_font, size, box_width=available, acro_name=self._acro_name(path)
        )

    def _comb_cells(self, cells: int, x: float, baseline: float, available: float) -> float:
        """Draw character cells (Kammfelder); returns the width of one cell."""
        cell = min(13.0, available / cells)
        for index in range(cells):
            self.sheet.rect(
                x + index * cell, baseline - 10, cell, 13, stroke=(0.45, 0.45, 0.45), line_width=0.4
            )
        return cell

    def _comb(self, path: str, text: str, cell: float, x: float, baseline: float) -> None:
        """One character per cell; a space leaves a cell empty."""
        s, sheet = self.style, self.sheet
        if sheet.acroform:
            sheet.write_value(
                path,
                text,
                x + 2,
                baseline,
                s.value_font,
                s.value_size,
                box_width=cell * len(text),
                acro_name=self._acro_name(path),
            )
            return
        boxes = [
            sheet.write_value(
                path, char, x + index * cell + cell / 2 - 3, baseline, s.value_font, s.value_size
            )
            for index, char in enumerate(text)
            if char != " "
        ]
        del sheet.boxes[-len(boxes) :]
        bbox = (boxes[0][0], min(b[1] for b in boxes), boxes[-1][2], max(b[3] for b in boxes))
        sheet.boxes.append(TruthBox(field=path, page=sheet.page, bbox=bbox, text=text))

    # checkbox groups ----------------------------------------------------------------------
    def _choice_height(self, choice: Choice) -> float:
        rows = -(-len(choice.options) // choice.columns)
        return 12 + rows * (self.style.checkbox_size + 5) + 2

    def _choice(self, choice: Choice, prefix: str, x: float, width: float, height: float) -> None:
        s, sheet = self.style, self.sheet
        path = prefix + choice.key
        label = self._label(choice.label)
        if s.layout in ("boxed", "table"):
            sheet.rect(x, self.y, width, height, line_width=0.6)
        sheet.text(x + 3, self.y + 9, label, s.label_font, s.label_size + (0 if s.layout == "boxed" else 1))
        chosen = None if self.fill.is_left_empty(path) else self.fill.lookup(path)
        size = s.checkbox_size
        column_width = (width - 6) / choice.columns
        for index, (option_id, words) in enumerate(choice.options):
            box_x = x + 4 + (index % choice.columns) * column_width
            top = self.y + 13 + (index // choice.columns) * (size + 5)
            words_size = fit_font_size(words, s.label_font, s.label_size + 1.5, column_width - size - 8, 5)
            label_box = sheet.text(box_x + size + 3, top + size - 1, words, s.label_font, words_size)
            if option_id == chosen:
                sheet.check_option(
                    path, label_box, words, box_x, top, size, acro_name=self._acro_name(f"{path}_{option_id}")
                )
            else:
                sheet.unchecked_option_box(box_x, top, size, self._acro_name(f"{path}_{option_id}"))

    # lists and records ----------------------------------------------------------------------
    def _name_list(self, names: NameList) -> None:
        s, sheet = self.style, self.sheet
        line_height = s.row_height * 0.8
        self._room(14 + names.rows * line_height)
        sheet.text(LEFT, self.y + 9, self._label(names.label), s.label_font, s.label_size + 1.5)
        self.y += 13
        for index in range(names.rows):
            top = self.y + index * line_height
            sheet.text(LEFT + 2, top + line_height - 4, f"{index + 1}.", s.label_font, 8)
            if s.layout in ("boxed", "table"):
                sheet.rect(LEFT + 16, top, RIGHT - LEFT - 16, line_height, line_width=0.5)
            else:
                sheet.line(LEFT + 16, top + line_height - 2, RIGHT, top + line_height - 2, 0.4, dash=(1, 1.5))
            self._write(f"{names.key}.{index}", "all", 0, LEFT + 20, top + line_height - 5, RIGHT - LEFT - 28)
        self.y += names.rows * line_height + 4

    def _record_table(self, table: RecordTable) -> None:
        s, sheet = self.style, self.sheet
        row_height = s.row_height * 0.75
        self._room(16 + table.rows * row_height)
        total = sum(width for _, _, width in table.columns)
        widths = [(RIGHT - LEFT) * width / total for _, _, width in table.columns]
        x = LEFT
        for (_, header, _), width in zip(table.columns, widths, strict=True):
            sheet.rect(x, self.y, width, 16, fill=(0.9, 0.9, 0.9), line_width=0.5)
            size = fit_font_size(header, bold_of(s.label_font), s.label_size, width - 4, 5)
            sheet.text(x + 2, self.y + 10.5, header, bold_of(s.label_font), size)
            x += width
        self.y += 16
        for index in range(table.rows):
            x = LEFT
            for (sub_key, _, _), width in zip(table.columns, widths, strict=True):
                sheet.rect(x, self.y, width, row_height, line_width=0.5)
                path = f"{table.key}.{index}.{sub_key}"
                self._write_table_cell(path, x + 3, self.y + row_height - 5, width - 6)
                x += width
            self.y += row_height
        self.y += 6

    def _write_table_cell(self, path: str, x: float, baseline: float, available: float) -> None:
        spec = self.fill.spec(path)
        value = self.fill.lookup(path)
        if spec.kind == "choice" and value is not None and not self.fill.is_left_empty(path):
            words = spec.option(str(value)).words
            text = words[-1] if available < 40 else words[0]
            self.sheet.write_value(
                path,
                text,
                x,
                baseline,
                self.style.value_font,
                fit_font_size(text, self.style.value_font, self.style.value_size, available),
                box_width=available,
                acro_name=self._acro_name(path),
            )
            return
        self._write(path, "all", 0, x, baseline, available)

    def _record_blocks(self, blocks: RecordBlocks) -> None:
        for index in range(blocks.count):
            self._room(20 + len(blocks.rows) * self.style.row_height)
            self.sheet.text(
                LEFT, self.y + 10, blocks.title.format(n=index + 1), bold_of(self.style.label_font), 8.5
            )
            self.y += 13
            for row in blocks.rows:
                self._row(row, prefix=f"{blocks.key}.{index}.")

    # signature ------------------------------------------------------------------------------
    def _signature(self, signature: Signature) -> None:
        s, sheet = self.style, self.sheet
        self._room(52)
        self.y += 14
        baseline = self.y + 18
        middle = (LEFT + RIGHT) / 2
        sheet.line(LEFT, baseline + 3, middle - 20, baseline + 3, 0.5)
        sheet.line(middle + 10, baseline + 3, RIGHT, baseline + 3, 0.5)
        sheet.text(LEFT, baseline + 12, signature.place_label, s.label_font, s.label_size + 0.5)
        sheet.text(middle + 10, baseline + 12, signature.sign_label, s.label_font, s.label_size + 0.5)
        place = "München, "
        date_x = sheet.write_filler_text(
            place, LEFT + 2, baseline, s.value_font, s.value_size, self._acro_name("place")
        )
        if not self.fill.is_left_empty(signature.key):
            value = self.fill.lookup(signature.key)
            if value is not None:
                text = write_date(str(value), s.writing.date)
                sheet.write_value(
                    signature.key,
                    text,
                    date_x,
                    baseline,
                    s.value_font,
                    s.value_size,
                    box_width=middle - 30 - date_x,
                    acro_name=self._acro_name(signature.key),
                )
        if not sheet.acroform:
            sheet.scribble(middle + 30, baseline, 120, self.fill.rng)
        self.y = baseline + 20


def specs_by_key(doc_type: str) -> dict[str, FieldSpec]:
    return {spec.key: spec for spec in load_catalogue().type(doc_type).fields}
