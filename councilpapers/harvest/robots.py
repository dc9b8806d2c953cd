"""robots.txt read with the standard library's parser (RFC 9309 groups and
rules), after the lines it would trip on are set aside: urllib.robotparser
calls int() on any Crawl-delay or Request-rate that str.isdigit() takes, and
int('²') raises."""

from __future__ import annotations

import re
import urllib.robotparser
from dataclasses import dataclass

AGENT = "councilpapers"
NUMBER_LINE = re.compile(r"\s*(crawl-delay|request-rate)\s*:\s*([^#]*)", re.I)
PLAIN_NUMBER = re.compile(r"[0-9]+")


@dataclass
class Robots:
    rules: urllib.robotparser.RobotFileParser | None  # None: no rules, everything allowed
    unreadable: str | None = None  # why robots.txt could not be read, when the rules are RFC 9309's "disallow all"

    def allows(self, url: str) -> bool:
        return self.rules is None or self.rules.can_fetch(AGENT, url)

    def crawl_delay(self) -> float | None:
        delay = self.rules.crawl_delay(AGENT) if self.rules is not None else None
        return float(delay) if delay else None


def parse_robots(text: str, url: str) -> tuple[Robots, list[tuple[str, str]]]:
    """The rules of a robots.txt, and the (field, value) pairs set aside as no plain numbers."""
    lines, ignored = _lines(text)
    rules = urllib.robotparser.RobotFileParser(url)
    rules.parse(lines)
    return Robots(rules), ignored


def disallow_all(url: str, why: str) -> Robots:
    """RFC 9309: a robots.txt that cannot be reached (5xx, network) means complete disallow."""
    rules = urllib.robotparser.RobotFileParser(url)
    rules.parse(["User-agent: *", "Disallow: /"])
    return Robots(rules, why)


def _lines(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    kept, ignored = [], []
    for line in text.splitlines():
        match = NUMBER_LINE.match(line)
        if match:
            value = match.group(2).strip()
            parts = value.split("/") if match.group(1).lower() == "request-rate" else [value]
            if len(parts) > 2 or not all(PLAIN_NUMBER.fullmatch(part.strip()) for part in parts):
                ignored.append((match.group(1), value))
                continue
        kept.append(line)
    return kept, ignored
