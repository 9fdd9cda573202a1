"""A plain TCP proxy on another 127.0.0.1 port: the suite must pass through it (hrefs follow the Host it used)."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator

MAX_CHUNKS = 10_000_000  # bounds every pump loop; far above what a test run moves
MAX_CONNECTIONS = 100_000


def _pump(source: socket.socket, target: socket.socket) -> None:
    with contextlib.suppress(OSError):
        for _ in range(MAX_CHUNKS):
            data = source.recv(65536)
            if not data:
                break
            target.sendall(data)
    with contextlib.suppress(OSError):
        target.shutdown(socket.SHUT_WR)


def _serve(listener: socket.socket, upstream: tuple[str, int]) -> None:
    for _ in range(MAX_CONNECTIONS):
        try:
            client, _ = listener.accept()
        except OSError:
            return
        try:
            server = socket.create_connection(upstream, timeout=10)
        except OSError:
            client.close()
            continue
        server.settimeout(None)
        for sock in (client, server):  # without this, Nagle + delayed ACK add ~40 ms to every exchange
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for a, b in ((client, server), (server, client)):
            threading.Thread(target=_pump, args=(a, b), daemon=True).start()


@contextlib.contextmanager
def tcp_proxy(upstream_host: str, upstream_port: int) -> Iterator[int]:
    """Forward a fresh 127.0.0.1 port to the upstream; yields the proxy's port."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    thread = threading.Thread(target=_serve, args=(listener, (upstream_host, upstream_port)), daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        listener.close()
        thread.join(timeout=5)
