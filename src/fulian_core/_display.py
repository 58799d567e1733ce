"""How values show themselves in a notebook (笔记本展示): one rendering of a summary and a table
to HTML and to Markdown, shared by every type that has a display.

Why one place: every display escapes what it shows (a unit named ``<script>`` stays text),
shows at most :data:`ROWS` rows of a table and says how many more there are, and the reprs of
big containers say how much they hold instead of holding it all; written once, it cannot
drift between score cards, tables and datasets. Nothing here unmasks: a type hands over what
it is willing to show (names already masked as :mod:`fulian_core.privacy` masks them).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final

import attrs

from fulian_core._numbers import format_number

ROWS: Final = 20
"""The most rows a display shows before it says how many it left out."""

ITEMS: Final = 5
"""The most items a repr lists before it says how many more there are."""


def shown(value: object) -> str:
    """A cell as a display writes it: numbers without exponent or trailing zeros, nothing as ``—``."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return format_number(value)
    return str(value)


def abbreviated(items: Iterable[object], limit: int = ITEMS) -> str:
    """``[a, b, c, … 9997 more]``: the first *limit* items' reprs and how many were left out."""
    first: list[str] = []
    count = 0
    for item in items:
        if count < limit:
            first.append(repr(item))
        count += 1
    if count > limit:
        first.append(f"… {count - limit} more")
    return "[" + ", ".join(first) + "]"


def _rows(value: Iterable[Sequence[object]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(shown(cell) for cell in row) for row in value)


def _strings(value: Iterable[object]) -> tuple[str, ...]:
    return tuple(shown(item) for item in value)


def _facts(value: Iterable[tuple[str, object]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(name), shown(fact)) for name, fact in value)


@attrs.frozen
class Display:
    """What a value shows (展示内容): a title, a few facts (name and value), optionally a table
    (header and rows, of which only the first :data:`ROWS` are kept, and how many there were)
    and optionally a Mermaid diagram."""

    title: str
    facts: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_facts)
    header: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    rows: tuple[tuple[str, ...], ...] = attrs.field(default=(), converter=_rows)
    total_rows: int = -1
    diagram: str = ""
    numeric: tuple[bool, ...] = ()

    @classmethod
    def of(
        cls,
        title: str,
        facts: Iterable[tuple[str, object]] = (),
        header: Sequence[str] = (),
        rows: Iterable[Sequence[object]] = (),
        *,
        diagram: str = "",
        numeric: Sequence[bool] = (),
    ) -> Display:
        """A display keeping only the first :data:`ROWS` of *rows* (and counting the rest);
        *numeric* marks the columns aligned right."""
        kept: list[Sequence[object]] = []
        count = 0
        for row in rows:
            if count < ROWS:
                kept.append(row)
            count += 1
        return cls(title, tuple(facts), tuple(header), kept, count, diagram, tuple(numeric))

    @property
    def hidden(self) -> int:
        """How many rows were left out."""
        return max(self.total_rows - len(self.rows), 0)


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def to_html(display: Display) -> str:
    """The display as an HTML fragment, everything escaped."""
    parts = [f'<div class="fulian-core"><strong>{_escape(display.title)}</strong>']
    if display.facts:
        parts.append("<ul>")
        parts.extend(f"<li>{_escape(name)}：{_escape(value)}</li>" for name, value in display.facts)
        parts.append("</ul>")
    if display.header:
        parts.append("<table><thead><tr>")
        parts.extend(f"<th>{_escape(name)}</th>" for name in display.header)
        parts.append("</tr></thead><tbody>")
        parts.extend("<tr>" + "".join(f"<td>{_escape(cell)}</td>" for cell in row) + "</tr>" for row in display.rows)
        parts.append("</tbody></table>")
        if display.hidden:
            parts.append(f"<p>… 另有{display.hidden}行未显示（{display.hidden} more rows）</p>")
    if display.diagram:
        parts.append(f'<pre class="mermaid">{_escape(display.diagram)}</pre>')
    parts.append("</div>")
    return "".join(parts)


_MARKDOWN: Final = str.maketrans({character: "\\" + character for character in "\\`*_[]|"})


def _markdown_cell(text: str) -> str:
    # Markdown's own syntax first (a masked name's ``*`` is not emphasis, a ``|`` does not split
    # a cell), then the HTML a notebook would render inside Markdown.
    return html.escape(" ".join(text.split()).translate(_MARKDOWN), quote=False)


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[bool] = ()) -> list[str]:
    """The lines of a Markdown table, every cell escaped; *numeric* columns aligned right."""
    rules = ["---:" if index < len(numeric) and numeric[index] else "---" for index in range(len(header))]
    lines = ["| " + " | ".join(_markdown_cell(name) for name in header) + " |", "| " + " | ".join(rules) + " |"]
    lines.extend("| " + " | ".join(_markdown_cell(cell) for cell in row) + " |" for row in rows)
    return lines


def to_markdown(display: Display) -> str:
    """The display as Markdown: a bold title, the facts as a list, the table, the diagram as a
    ``mermaid`` block; text escaped so that nothing in it becomes markup."""
    lines = [f"**{_markdown_cell(display.title)}**"]
    if display.facts:
        lines.append("")
        lines.extend(f"- {_markdown_cell(name)}：{_markdown_cell(value)}" for name, value in display.facts)
    if display.header:
        lines.append("")
        lines.extend(markdown_table(display.header, display.rows, display.numeric))
        if display.hidden:
            lines.append("")
            lines.append(f"… 另有{display.hidden}行未显示（{display.hidden} more rows）")
    if display.diagram:
        # A fence inside the diagram would end the block early.
        lines.extend(["", "```mermaid", display.diagram.replace("`", "'"), "```"])
    return "\n".join(lines)


class Displayed:
    """A mixin giving a value notebook displays (``_repr_html_``, ``_repr_markdown_``) from its
    ``_display()``."""

    __slots__ = ()

    def _display(self) -> Display:
        raise NotImplementedError

    def _repr_html_(self) -> str:
        return to_html(self._display())

    def _repr_markdown_(self) -> str:
        return to_markdown(self._display())
