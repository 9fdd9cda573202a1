"""Credentials never reach anything that is written down, in any spelling a target or a file format gives them.

A target that echoes its request (some debug gateways do) hands back `Authorization: Basic <base64 of
key:token>`, or the key percent-encoded in a URL, or either JSON-escaped inside a body; the report formats then
escape once more (JSON for the HAR and the summary, XML for JUnit). So the redactor masks, for each secret (the
client key, the API token, proxy credentials) and each `user:secret` pair: the raw string, its base64 in both
alphabets with and without padding, and every character-wise re-spelling of those: percent-escapes (upper or
lower hex, `+` for a space, as quote and quote_plus write them), JSON escapes (`\\uXXXX`, `\\"`, `\\/`) and
XML/HTML entities, in any mixture.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable
from typing import Any

REDACTED = "[redacted]"
MIN_SECRET = 4  # shorter strings would mask ordinary text; no real credential is that short
SENSITIVE_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
_ENTITIES = {
    "&": ("&amp;", "&#38;", "&#x26;"),
    "<": ("&lt;", "&#60;", "&#x3c;"),
    ">": ("&gt;", "&#62;", "&#x3e;"),
    '"': ("&quot;", "&#34;", "&#x22;"),
    "'": ("&apos;", "&#39;", "&#x27;"),
}


def derived_forms(secrets: Iterable[str], pairs: Iterable[tuple[str, str]] = ()) -> list[str]:
    """The strings to mask before their re-spellings: each secret, each `a:b`, and their base64 (4 variants)."""
    bases = {s for s in secrets if len(s) >= MIN_SECRET}
    bases |= {f"{a}:{b}" for a, b in pairs if a or b}
    forms = set(bases)
    for base in bases:
        for codec in ("utf-8", "latin-1"):  # requests encodes Basic credentials as latin-1
            try:
                raw = base.encode(codec)
            except UnicodeEncodeError:
                continue
            for encoded in (base64.b64encode(raw), base64.urlsafe_b64encode(raw)):
                text = encoded.decode("ascii")
                forms |= {text, text.rstrip("=")}
    return sorted((f for f in forms if len(f) >= MIN_SECRET), key=lambda f: (-len(f), f))


def _hex(text: str) -> str:
    """A case-insensitive pattern for an escape with hex digits (`%3A` or `%3a`)."""
    return "(?i:" + re.escape(text) + ")"


def _char(c: str) -> str:
    """Every spelling of one character: itself, percent-escaped, JSON-escaped, as an XML/HTML entity."""
    spellings = [re.escape(c), _hex("".join(f"%{b:02x}" for b in c.encode("utf-8")))]
    code = ord(c)
    if code < 0x10000:
        spellings.append(_hex(f"\\u{code:04x}"))
    else:
        high, low = 0xD800 + ((code - 0x10000) >> 10), 0xDC00 + ((code - 0x10000) & 0x3FF)
        spellings.append(_hex(f"\\u{high:04x}\\u{low:04x}"))
    if c in '"\\/':
        spellings.append(re.escape("\\" + c))
    if c == " ":
        spellings.append(r"\+")
    spellings += [_hex(e) for e in _ENTITIES.get(c, ())]
    return "(?:" + "|".join(spellings) + ")"


def pattern_for(form: str) -> str:
    """A regular expression matching `form` spelt any of the ways above, character by character."""
    return "".join(_char(c) for c in form)


class Redactor:
    """Removes the credentials, in every form, from anything that is written down.

    `secrets` are masked on their own; `pairs` (client key and API token, proxy user and password) are also
    masked joined by a colon, which is what HTTP Basic and proxy URLs carry.
    """

    def __init__(self, secrets: tuple[str, ...], pairs: tuple[tuple[str, str], ...] = ()) -> None:
        self.secrets = tuple(s for s in secrets if len(s) >= MIN_SECRET)
        self.pairs = tuple(pairs)
        self.forms = tuple(derived_forms(self.secrets, pairs))
        self._pattern = re.compile("|".join(pattern_for(f) for f in self.forms)) if self.forms else None

    def learn(self, user: str, password: str) -> None:
        """Mask one more credential pair from now on (credentials seen in traffic a passive run judges)."""
        if (user, password) in self.pairs:
            return
        self.__init__(  # type: ignore[misc]
            (*self.secrets, user, password), (*self.pairs, (user, password))
        )

    @classmethod
    def for_credentials(
        cls, client_key: str, api_token: str, extra: tuple[tuple[str, str], ...] = ()
    ) -> Redactor:
        """The redactor of a run: the target's credentials and any further pairs (a proxy's user and password)."""
        pairs = ((client_key, api_token), *extra)
        return cls(tuple(s for pair in pairs for s in pair if s), pairs)

    def text(self, value: str) -> str:
        """The value with every form of every secret replaced."""
        if self._pattern is None or not value:
            return value
        return self._pattern.sub(REDACTED, value)

    def headers(self, headers: Any) -> dict[str, str]:
        """Headers with Authorization (and cookies) masked by name, and every secret masked in the rest."""
        clean: dict[str, str] = {}
        for name, value in dict(headers or {}).items():
            text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
            sensitive = str(name).lower() in SENSITIVE_HEADERS
            clean[self.text(str(name))] = REDACTED if sensitive else self.text(text)
        return clean

    def scrub(self, value: Any, depth: int = 0) -> Any:
        """Redact every string inside a structure of lists, tuples, dicts and dataclass-like objects, in place
        where it can (pytest's failure reports), returning the cleaned value."""
        if isinstance(value, str):
            return self.text(value)
        if depth > 12 or value is None or isinstance(value, (int, float, bool, bytes)):
            return value
        if isinstance(value, list):
            value[:] = [self.scrub(v, depth + 1) for v in value]
            return value
        if isinstance(value, tuple):
            return tuple(self.scrub(v, depth + 1) for v in value)
        if isinstance(value, dict):
            return {self.scrub(k, depth + 1): self.scrub(v, depth + 1) for k, v in value.items()}
        names = getattr(value, "__dataclass_fields__", None) or getattr(value, "__dict__", None) or {}
        for name in list(names):
            try:
                current = getattr(value, name)
                cleaned = self.scrub(current, depth + 1)
                if cleaned is not current:
                    object.__setattr__(value, name, cleaned)
            except (AttributeError, TypeError):
                continue
        return value


class RedactingStream:
    """A text stream that masks the credentials in everything written to it: the console of a run.

    pytest prints failure summaries long after the reports were scrubbed (and untruncated on CI, where `CI` is
    set), and a plugin may rebuild a report's text after it was scrubbed; the console is the last line of defence.
    Each write is masked whole, so a secret printed in one call never reaches the stream underneath.
    """

    def __init__(self, stream: Any, redactor: Redactor) -> None:
        self._stream = stream
        self._redactor = redactor

    def write(self, text: str) -> int:
        self._stream.write(self._redactor.text(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        """Everything else (flush, isatty, encoding, fileno) is the underlying stream's."""
        return getattr(self._stream, name)
