"""How a URL's host is read: the one spelling every way of writing the same host comes out as.

requests sends through urllib3, which decodes some percent-escapes in a host, lower-cases it, takes the host
after the last `@` and ends the authority at a backslash; resolvers and proxies may go further (fullwidth dots,
Unicode case, punycode of an ASCII name). The safety guard must see through all of it, so this module reads a
host at least as generously as any of them and gives up (HostError) rather than guess.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import unquote

import idna

DEFAULT_PORTS = {"http": 80, "https": 443}
# How urllib3 (which requests sends through) splits a URL: the authority ends at \ / ? or # (the standard
# library's urlsplit does not stop at a backslash, so it is not used to find the host).
_AUTHORITY = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*)://([^\\/?#]*)")
_ESCAPE = re.compile(r"%(?![0-9a-fA-F]{2})")
_ASCII_LABEL = re.compile(r"[a-z0-9_-]+")
_ROUNDS = 4  # escapes decoded, punycode labels unfolded: at most this many times, then undecidable


class HostError(ValueError):
    """A host that cannot be read one way only; the message is one sentence."""


def _undecidable(host: str, reason: str) -> HostError:
    return HostError(f"Cannot tell whether host {host!r} is a live tenant ({reason}), so it is refused.")


def _unescape(host: str) -> str:
    """Percent-escapes decoded until none is left: urllib3 decodes some, a proxy might decode the rest."""
    text = host
    for _ in range(_ROUNDS):
        if "%" not in text:
            return text
        if _ESCAPE.search(text):
            raise _undecidable(host, "malformed percent-escape")
        try:
            text = unquote(text, errors="strict")
        except UnicodeDecodeError:
            raise _undecidable(host, "percent-escapes that are not UTF-8") from None
    raise _undecidable(host, "escapes nested too deep")


def _unfold(host: str, name: str) -> str:
    """One round of UTS #46 mapping (case, width, ideographic dots), trailing dots dropped, xn-- decoded."""
    try:
        mapped = idna.uts46_remap(name, std3_rules=False, transitional=False)
    except idna.IDNAError:
        raise _undecidable(host, "a character IDNA does not allow") from None
    labels = mapped.split(".")
    while len(labels) > 1 and not labels[-1]:
        labels.pop()
    if not all(labels):
        raise _undecidable(host, "an empty label")
    try:
        decoded = [_punycode(label) if label.startswith("xn--") else label for label in labels]
    except UnicodeError:
        raise _undecidable(host, "a punycode label that does not decode") from None
    return ".".join(decoded)


def _punycode(label: str) -> str:
    return label[4:].encode("ascii").decode("punycode").lower()


def _canonical_name(host: str, name: str) -> str:
    """A registered name in one spelling: lower-case, IDNA-mapped, punycode unfolded, then A-labels."""
    for _ in range(_ROUNDS):
        unfolded = _unfold(host, name)
        if unfolded == name:
            break
        name = unfolded
    else:
        raise _undecidable(host, "a name that keeps changing under IDNA mapping")
    labels = []
    for label in name.split("."):
        if label.isascii():
            if not _ASCII_LABEL.fullmatch(label):
                raise _undecidable(host, "a character no host name has")
            labels.append(label)
            continue
        try:
            labels.append(idna.alabel(label).decode("ascii"))
        except idna.IDNAError:
            raise _undecidable(host, "a label that fails IDNA encoding") from None
    return ".".join(labels)


def _split_authority(url: str) -> tuple[str, str, str, str]:
    """(scheme, host as written, port as written, host shown in messages) of an http(s) URL, userinfo dropped."""
    text = url.lstrip()  # as requests does
    match = _AUTHORITY.match(text)
    shown = text.split("@")[-1][:80] if match is None else match.group(2).rpartition("@")[2]
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise _undecidable(shown, "a control character in the URL")
    if match is None or match.group(1).lower() not in DEFAULT_PORTS:
        raise _undecidable(shown, "not an http(s) URL with a host")
    host_port = match.group(2).rpartition("@")[2]  # urllib3 takes the host after the last @
    if host_port.startswith("["):
        host, bracket, port = host_port[1:].partition("]")
        if not bracket or (port and not port.startswith(":")):
            raise _undecidable(shown, "a malformed IP literal")
        return match.group(1).lower(), f"[{host}]", _port(shown, port[1:]), shown
    host, _, port = host_port.partition(":")
    return match.group(1).lower(), host, _port(shown, port), shown


def _port(shown: str, port: str) -> str:
    if port and not (port.isascii() and port.isdigit() and int(port) <= 65535):
        raise _undecidable(shown, "a port that is not a number up to 65535")
    return port


def _canonical_ip6(shown: str, literal: str) -> str:
    address = literal[1:-1].partition("%")[0]  # a zone id names an interface, not a host
    try:
        return f"[{ipaddress.IPv6Address(address).compressed}]"
    except ValueError:
        raise _undecidable(shown, "a malformed IP literal") from None


def canonical_host(url: str) -> str:
    """The host a request to `url` really goes to, spelled one way (lower-case ASCII, no trailing dot).

    Whatever requests/urllib3 would connect to comes out the same here, and so do spellings they reject but a
    resolver or proxy might accept (fullwidth dots, punycode of an ASCII name); anything else is a HostError.
    """
    _, host, _, shown = _split_authority(url)
    if host.startswith("["):
        return _canonical_ip6(shown, host)
    name = _unescape(host)
    if not name:
        raise _undecidable(shown, "no host")
    if any(unicodedata.category(ch) == "Cc" or ch.isspace() for ch in name):
        raise _undecidable(shown, "a control or space character")
    return _canonical_name(shown, name)


def canonical_origin(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) a request goes to, default ports filled in: what a redirect may not change."""
    scheme, _, port, _ = _split_authority(url)
    return scheme, canonical_host(url), int(port) if port else DEFAULT_PORTS[scheme]
