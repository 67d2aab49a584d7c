"""Descriptions as producers write them (markdown with stray HTML) shown as formatted plain text.

DORA writes markdown; other producers leave ``<br>``, ``<p>`` or ``<!-- -->`` in their text. The
markdown is parsed by markdown-it-py (CommonMark, raw HTML off) and walked into plain text:
paragraphs separated by a blank line, list items with a bullet or their number, links as
"text (address)". No markup ever reaches a widget or a PDF as markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from spro_desk.text import strip_bidi_controls, strip_control_chars

if TYPE_CHECKING:  # the parser loads with the first description shown, not at start
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_LINE_BREAK_TAG = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|div|ul|ol|h[1-6])(?:\s[^<>]*)?>", re.IGNORECASE)
_ITEM_TAG = re.compile(r"<\s*li(?:\s[^<>]*)?>", re.IGNORECASE)
_ANCHOR = re.compile(
    r"<\s*a\s[^<>]*?href\s*=\s*[\"']?([^\"'\s<>]+)[^<>]*>(.*?)<\s*/\s*a\s*>",
    re.IGNORECASE | re.DOTALL,
)
_ANY_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")
_BLANK_LINES = re.compile(r"\n{3,}")
_MAX_CHARS = 20_000  # longer descriptions are cut: nobody reads them at a front desk


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).disable(["html_block", "html_inline"])


def _without_html(text: str) -> str:
    text = _COMMENT.sub("", text)
    text = _ANCHOR.sub(lambda m: f"[{m.group(2)}]({m.group(1)})", text)
    text = _LINE_BREAK_TAG.sub("\n", text)
    text = _BLOCK_TAG.sub("\n\n", text)
    text = _ITEM_TAG.sub("\n- ", text)
    return _ANY_TAG.sub("", text)


def _inline(children: Sequence[Token] | None) -> str:
    parts: list[str] = []
    links: list[tuple[str, int]] = []
    for child in children or ():
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind == "image":
            parts.append(child.content)
        elif kind == "link_open":
            links.append((str(child.attrGet("href") or ""), len(parts)))
        elif kind == "link_close" and links:
            href, start = links.pop()
            shown = "".join(parts[start:])
            address = href.removeprefix("mailto:")
            if address and address not in shown:
                parts.append(f" ({address})")
    return "".join(parts)


def _blocks(tokens: Sequence[Token]) -> list[tuple[bool, str]]:
    """(is a list item, text) for each block, in order."""
    blocks: list[tuple[bool, str]] = []
    lists: list[list[int]] = []  # [ordered, next number]
    prefix = ""
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = token.attrGet("start")
            lists.append([kind == "ordered_list_open", int(start) if start else 1])
        elif kind in ("bullet_list_close", "ordered_list_close") and lists:
            lists.pop()
        elif kind == "list_item_open" and lists:
            indent = "  " * (len(lists) - 1)
            ordered, number = lists[-1]
            prefix = f"{indent}{number}. " if ordered else f"{indent}• "
            lists[-1][1] += 1
        elif kind == "inline":
            text = _inline(token.children)
            if prefix:
                blocks.append((True, prefix + text))
                prefix = ""
            elif lists:
                blocks.append((True, "  " * len(lists) + text))
            else:
                blocks.append((False, text))
        elif kind in ("fence", "code_block"):
            blocks.append((bool(lists), token.content.rstrip("\n")))
    return blocks


@lru_cache(maxsize=2048)
def plain_text(text: str | None) -> str:
    """The description as an agent reads it; never raises."""
    if not text:
        return ""
    cleaned = _without_html(strip_control_chars(strip_bidi_controls(text[:_MAX_CHARS])))
    try:
        blocks = _blocks(_parser().parse(cleaned))
    except (ValueError, RecursionError):  # pathological nesting: show the text as it is
        return cleaned.strip()
    out = ""
    previous_item = False
    for is_item, block in blocks:
        block = "\n".join(line.rstrip() for line in block.strip("\n").split("\n"))
        if not block.strip():
            continue
        separator = "\n" if is_item and previous_item else "\n\n"
        out = f"{out}{separator}{block}" if out else block
        previous_item = is_item
    return _BLANK_LINES.sub("\n\n", out).strip()
