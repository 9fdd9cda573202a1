"""Credentials never reach anything that is written down, in any spelling a target or a file format gives them.

A target that echoes its request (some debug gateways do) hands back `Authorization: Basic <base64 of
key:token>`, or the key percent-encoded in a URL, or either JSON-escaped inside a body; the report formats then
escape once more (JSON for the HAR and the summary, XML for JUnit). So the redactor masks, for each secret (the
client key, the API token, proxy credentials) and each `user:secret` pair: the raw string, its base64 in both
alphabets with and without padding, and every character-wise re-spelling of those: percent-escapes (upper or
lower hex, `+` for a space, as quote and quote_plus write them), JSON escapes (`\\uXXXX`, `\\"`, `\\/`) and
XML/HTML entities, in any mixture.

The same pattern also finds them (`Redactor.find`): a target that echoes the credentials is a deviation
(checks/secrets.py), named by what was echoed ("the API token", "Basic credentials key:token (base64)"), never by
its spelling. A text without any escape character is first scanned for the forms as plain substrings: every
spelling of a character other than itself starts with `%`, `\\` or `&` (or is `+` for a space), so that is exact and
spares the pattern on almost every header and body of a run.
"""

from __future__ import annotations

import base64
import inspect
import re
from collections.abc import Iterable, Mapping
from typing import Any

REDACTED = "[redacted]"
MIN_SECRET = 4  # shorter strings would mask ordinary text; no real credential is that short
CLIENT_KEY = "the client key"
API_TOKEN = "the API token"  # noqa: S105 - what a message says instead of the token
BASIC_PAIR = "Basic credentials key:token"
PROXY_USER = "the proxy user"
PROXY_PASSWORD = "the proxy password"  # noqa: S105 - a word, not a password
PROXY_PAIR = "proxy credentials user:password"
UNNAMED = "a credential"
"""What each secret is, in the words a message may use instead of the secret (`Redactor.names`)."""
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
    forms = origins(secrets, pairs)
    return sorted((f for f in forms if len(f) >= MIN_SECRET), key=lambda f: (-len(f), f))


def origins(secrets: Iterable[str], pairs: Iterable[tuple[str, str]] = ()) -> dict[str, tuple[str, bool]]:
    """Each form of `derived_forms` with the secret (or `a:b`) it comes from and whether it is that one's base64."""
    bases = {s for s in secrets if len(s) >= MIN_SECRET}
    bases |= {f"{a}:{b}" for a, b in pairs if a or b}
    found = {base: (base, False) for base in bases}
    for base in sorted(bases):
        for codec in ("utf-8", "latin-1"):  # requests encodes Basic credentials as latin-1
            try:
                raw = base.encode(codec)
            except UnicodeEncodeError:
                continue
            for encoded in (base64.b64encode(raw), base64.urlsafe_b64encode(raw)):
                text = encoded.decode("ascii")
                for form in (text, text.rstrip("=")):
                    found.setdefault(form, (base, True))
    return found


_ESCAPED = (("%", "percent-encoded"), ("+", "percent-encoded"), ("\\", "JSON-escaped"), ("&", "XML-escaped"))
"""How a spelling was escaped, by the escape character it holds more often than the form itself."""


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


def matcher_source() -> str:
    """`derived_forms` and `pattern_for` (and what they use) as standalone source, for a file that must find the
    credentials without the kit: the reproducers (reproducers.py) judge an echo with this same matcher."""
    parts = [f"MIN_SECRET = {MIN_SECRET!r}", f"_ENTITIES = {_ENTITIES!r}"]
    parts += [inspect.getsource(f).rstrip() for f in (origins, derived_forms, _hex, _char, pattern_for)]
    return "\n\n\n".join(parts)


class Redactor:
    """Removes the credentials, in every form, from anything that is written down.

    `secrets` are masked on their own; `pairs` (client key and API token, proxy user and password) are also
    masked joined by a colon, which is what HTTP Basic and proxy URLs carry. `names` says what each secret (and
    each joined pair) is, for the messages of `find`.
    """

    def __init__(
        self,
        secrets: tuple[str, ...],
        pairs: tuple[tuple[str, str], ...] = (),
        names: Mapping[str, str] | None = None,
    ) -> None:
        self.secrets = tuple(s for s in secrets if len(s) >= MIN_SECRET)
        self.pairs = tuple(pairs)
        self.names = dict(names or {})
        self.forms = tuple(derived_forms(self.secrets, pairs))
        self._pattern = re.compile("|".join(pattern_for(f) for f in self.forms)) if self.forms else None
        self._origins = origins(self.secrets, self.pairs)
        self._alone: dict[str, re.Pattern[str]] = {}
        escapes = {"%", "\\"}  # what starts every spelling of a character other than itself (see _char)
        escapes |= {"&"} if any(c in f for f in self.forms for c in _ENTITIES) else set()
        escapes |= {"+"} if any(" " in f for f in self.forms) else set()
        self._escapes = tuple(sorted(escapes))

    def learn(self, user: str, password: str) -> None:
        """Mask one more credential pair from now on (credentials seen in traffic a passive run judges: the
        application's client key and API token)."""
        if (user, password) in self.pairs:
            return
        names = {user: CLIENT_KEY, password: API_TOKEN, f"{user}:{password}": BASIC_PAIR} | self.names
        self.__init__(  # type: ignore[misc]
            (*self.secrets, user, password), (*self.pairs, (user, password)), names
        )

    @classmethod
    def for_credentials(
        cls, client_key: str, api_token: str, extra: tuple[tuple[str, str], ...] = ()
    ) -> Redactor:
        """The redactor of a run: the target's credentials and any further pairs (a proxy's user and password)."""
        pairs = ((client_key, api_token), *extra)
        names: dict[str, str] = {}
        for index, (user, password) in enumerate(pairs):
            words = (
                (CLIENT_KEY, API_TOKEN, BASIC_PAIR)
                if index == 0
                else (PROXY_USER, PROXY_PASSWORD, PROXY_PAIR)
            )
            for secret, word in zip((user, password, f"{user}:{password}"), words, strict=True):
                names.setdefault(secret, word)
        return cls(tuple(s for pair in pairs for s in pair if s), pairs, names)

    def _surely_clean(self, value: str) -> bool:
        """Whether `value` cannot hold any spelling of a secret: no escape character in it (`%`, `\\`, and `&` or
        `+` when a secret has a character spelt with one) and none of the forms as they are. Exact (every spelling
        of a character other than itself starts with an escape character), and a few substring scans."""
        return not any(e in value for e in self._escapes) and not any(f in value for f in self.forms)

    def text(self, value: str) -> str:
        """The value with every form of every secret replaced."""
        if self._pattern is None or not value or self._surely_clean(value):
            return value
        return self._pattern.sub(REDACTED, value)

    def find(self, value: str) -> str | None:
        """What of the credentials `value` carries, in words, never spelt ("the API token", "the client key
        (percent-encoded)", "Basic credentials key:token (base64)"), or None: the first form the pattern that masks
        them finds, the same test as `text`."""
        if self._pattern is None or not value or self._surely_clean(value):
            return None
        match = self._pattern.search(value)
        return None if match is None else self._describe(match.group())

    def _describe(self, spelt: str) -> str:
        """The name of the form the pattern matched as `spelt` (the first alternative that spells it, as the
        pattern tried them), with how it was encoded."""
        for form in self.forms:
            alone = self._alone.get(form)
            if alone is None:
                alone = self._alone[form] = re.compile(pattern_for(form))
            if alone.fullmatch(spelt) is None:
                continue
            base, encoded = self._origins.get(form, (form, False))
            how = ["base64"] if encoded else []
            how += [word for mark, word in _ESCAPED if spelt.count(mark) > form.count(mark)]
            name = self.names.get(base, UNNAMED)
            return f"{name} ({', '.join(dict.fromkeys(how))})" if how else name
        return UNNAMED

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
