"""Text that has broken real exports, shared by the report tests."""

from __future__ import annotations

# Text that has broken real exports: separators, quotes, line breaks, Welsh, emoji, formulas,
# markup and addresses a renderer might be tempted to load.
AWKWARD_TEXTS = (
    'Meet groups in "Ynys Môn", Gwynedd, and Conwy',
    '=HYPERLINK("http://example.com","click")',
    "+44 1248 000000",
    "-5% cut, then @mention the chair",
    "First line\nsecond line, with a comma\r\nthird line",
    "Celebrate 🎉 with the volunteers 👩‍👩‍👧",
    "<b>not bold</b> <img src='file:///etc/passwd'> <a href='https://example.com'>link</a>",
    "'=already quoted",
    "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch",
)
