"""Amounts of money as councils write them: "£1,000", "£2.3m", "£4,031.2k",
"£0.4m", "£5bn", "£2mn", "£1 million", "$3.5 million", "(£31k)".

One table of scales serves both readers of amounts: the figure extractor, which
finds them in running text (MONEY_IN_TEXT), and the query language, which reads
the one a user typed ("amount:>=£2m", `parse_money`). So "£2mn" and "£2b" mean
the same in a paper and in a query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CURRENCIES = {"£": "GBP", "$": "USD", "€": "EUR"}
# Welsh papers write "£28 miliwn".
SCALES = {
    "k": 1e3, "thousand": 1e3,
    "m": 1e6, "mn": 1e6, "million": 1e6, "miliwn": 1e6,
    "b": 1e9, "bn": 1e9, "billion": 1e9, "biliwn": 1e9,
}
# "1,000", "4,859, 856" (a stray space after the comma, as printed), "2.3", "72,030,000.00".
NUMBER = r"\d{1,3}(?:,\s?\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = "|".join(sorted(SCALES, key=lambda s: (-len(s), s)))  # longest first: "bn" before "b"
_CURRENCY = "[" + "".join(CURRENCIES) + "]"

# In running text an amount carries its currency sign. A minus sign only when it
# touches the amount ("-£124.5m"); an en dash is a separator in these papers
# ("Services (KCHFT) –£4,859, 856"). Brackets round the whole amount may mark a
# negative; whether they do is the reader's call (a table row, not prose).
# The pattern opens with a lookahead on its first character: Python's re tries a
# pattern at every position, and the lookahead makes a wrong one fail at once.
MONEY_IN_TEXT = re.compile(
    rf"(?=[-−+(]|{_CURRENCY})(?<![\w.])"
    rf"(?P<open>\()?(?P<sign>[-−+])?(?P<currency>{_CURRENCY})\s?(?P<number>{NUMBER})(?!\d|,\d)"
    rf"(?P<scale>\s?(?i:{SCALE}))?\b"
    r"(?P<per>\s+per\s+(?:annum|year|month|week|day|hour|night)\b|\s+p\.a\.)?"
    r"(?(open)(?P<close>\))?)"
)
# One amount as typed, the currency optional: "1000000", "500k", "£2.3m", "(£31k)".
_TYPED = re.compile(
    rf"(?P<open>\()?\s*(?P<sign>[-−+])?\s*(?P<currency>{_CURRENCY})?\s*(?P<number>{NUMBER})"
    rf"(?:\s?(?P<scale>(?i:{SCALE})))?\s*(?P<close>\))?"
)


@dataclass(frozen=True)
class Money:
    value: float  # 2300000.0; negative for "-£5k" and "(£31k)"
    currency: str | None  # "GBP", "USD", "EUR"; None when no sign was written


def amount(number: str, scale: str | None = None) -> float:
    """The value of a numeral and its scale as written: ("4,031.2", "k") -> 4031200.0."""
    return round(float(re.sub(r"[,\s]", "", number)) * SCALES.get((scale or "").strip().lower(), 1), 2)


def is_column_header(number: str) -> bool:
    """"£000s", "£000's", "£'000": the unit of a table column, not an amount."""
    return bool(re.fullmatch(r"0\d+", number.replace(",", "")))


def parse_money(text: str) -> Money | None:
    """One amount and nothing else ("£2.3m", "500k", "$3.5 million", "(£31k)");
    None for anything else, a column's unit ("£m", "£000s") included."""
    match = _TYPED.fullmatch(text.strip())
    if not match or bool(match["open"]) != bool(match["close"]) or is_column_header(match["number"]):
        return None
    value = amount(match["number"], match["scale"])
    if match["sign"] in ("-", "−") or match["open"]:
        value = -value
    return Money(value, CURRENCIES.get(match["currency"] or ""))
