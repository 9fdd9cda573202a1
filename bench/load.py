"""Load generation on 127.0.0.1 only, bounded in time: wrk when installed, else a small asyncio client.

Both keep connections alive at a fixed concurrency and report requests/s with p50/p99 latency, so a
figure means the same thing whichever generator produced it; the result says which one ran.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Request:
    method: str
    url: str
    headers: dict[str, str]
    body: bytes = b""


@dataclass(frozen=True)
class LoadResult:
    generator: str
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int


def _local_only(url: str) -> None:
    if urlsplit(url).hostname != "127.0.0.1":
        raise ValueError(f"benchmarks only send traffic to 127.0.0.1, not {url}")


def run_load(request: Request, *, seconds: float, concurrency: int) -> LoadResult:
    _local_only(request.url)
    if shutil.which("wrk"):
        return _wrk(request, seconds=seconds, concurrency=concurrency)
    return asyncio.run(_python_load(request, seconds=seconds, concurrency=concurrency))


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    if match is None:
        raise ValueError(f"unexpected wrk latency {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def _wrk(request: Request, *, seconds: float, concurrency: int) -> LoadResult:
    body = request.body.decode().replace("\\", "\\\\").replace('"', '\\"')
    script = f'wrk.method = "{request.method}"\nwrk.body = "{body}"\n'
    with tempfile.TemporaryDirectory() as tmp:
        lua = Path(tmp) / "request.lua"
        lua.write_text(script, encoding="utf-8")
        headers = [arg for name, value in request.headers.items() for arg in ("-H", f"{name}: {value}")]
        command = [
            "wrk",
            "-t1",
            f"-c{concurrency}",
            f"-d{max(1, round(seconds))}s",
            "--latency",
            "-s",
            str(lua),
            *headers,
        ]
        output = subprocess.run(
            [*command, request.url], capture_output=True, text=True, check=True, timeout=seconds + 30
        ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1))  # type: ignore[union-attr]
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    errors += sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    return LoadResult("wrk", rate, p50, p99, errors)


async def _python_load(request: Request, *, seconds: float, concurrency: int) -> LoadResult:
    parts = urlsplit(request.url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    headers = {"Host": parts.netloc, "Content-Length": str(len(request.body)), **request.headers}
    head = f"{request.method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    raw = (head + "\r\n").encode() + request.body
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
        try:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                writer.write(raw)
                status_line = await reader.readline()
                length = 0
                while (line := await reader.readline()) not in (b"\r\n", b""):
                    name, _, value = line.decode("latin-1").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value)
                await reader.readexactly(length)
                latencies.append((time.perf_counter() - started) * 1e3)
                if not status_line.split(b" ")[1].startswith((b"2", b"3")):
                    errors += 1
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    count = len(latencies)
    return LoadResult(
        "python",
        count / elapsed,
        latencies[count // 2] if count else 0.0,
        latencies[min(count - 1, int(count * 0.99))] if count else 0.0,
        errors,
    )
