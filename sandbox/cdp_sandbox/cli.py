"""`cdp-sandbox`: serve the sandbox with uvicorn (uvloop + httptools), print the base URL, stop cleanly."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Generator, Sequence
from importlib import metadata
from socket import socket

import uvicorn

from .factory import DEFAULT_API_TOKEN, DEFAULT_CLIENT_KEY, create_app
from .faults import describe_catalog
from .server import (
    DEFAULT_BODY_TIMEOUT,
    DEFAULT_HEADER_TIMEOUT,
    DEFAULT_MAX_CONNECTIONS,
    DatabaseLocked,
    guarded_protocol,
    lock_database,
)

ENVIRONMENT = """environment variables (a flag wins over its variable):
  CDP_SANDBOX_HOST, CDP_SANDBOX_PORT, CDP_SANDBOX_DB, CDP_SANDBOX_CLIENT_KEY, CDP_SANDBOX_API_TOKEN,
  CDP_SANDBOX_SPEC, CDP_SANDBOX_SEED, CDP_SANDBOX_LOG_LEVEL, CDP_SANDBOX_ADMIN (1 to switch on),
  CDP_SANDBOX_FAULTS (comma-separated fault names)"""


def version() -> str:
    """The installed kit's version (the checkout's when not installed)."""
    try:
        return metadata.version("sitecore-cdp-contract-kit")
    except metadata.PackageNotFoundError:
        return "0+unknown"


class _Server(uvicorn.Server):
    """uvicorn's server, announcing the bound URL and exiting 0 after a SIGTERM/SIGINT shutdown."""

    async def startup(self, sockets: list[socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started and self.servers:
            host, port = self.servers[0].sockets[0].getsockname()[:2]
            shown = f"[{host}]" if ":" in host else host
            print(f"cdp-sandbox listening on http://{shown}:{port}", flush=True)

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        with super().capture_signals():
            yield
            # uvicorn re-raises the captured signal after shutdown; a requested stop is a clean exit.
            self._captured_signals.clear()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Flags win over CDP_SANDBOX_* environment variables (CDP_SANDBOX_FAULTS: comma-separated), then defaults."""
    env = os.environ
    parser = argparse.ArgumentParser(
        prog="cdp-sandbox",
        description="Local, stateful sandbox of the Sitecore CDP Order REST APIs (v2 legacy and v2.1).",
        epilog=ENVIRONMENT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"cdp-sandbox {version()}")
    host = env.get("CDP_SANDBOX_HOST", "127.0.0.1")
    parser.add_argument("--host", default=host, help=f"address to listen on (default: {host})")
    port = int(env.get("CDP_SANDBOX_PORT", "8080"))
    parser.add_argument("--port", type=int, default=port, help=f"0 picks a free port (default: {port})")
    parser.add_argument(
        "--db",
        default=env.get("CDP_SANDBOX_DB"),
        help="SQLite file, locked to this process (default: in memory)",
    )
    key = env.get("CDP_SANDBOX_CLIENT_KEY", DEFAULT_CLIENT_KEY)
    parser.add_argument("--client-key", default=key, help=f"HTTP Basic user (default: {key})")
    token = env.get("CDP_SANDBOX_API_TOKEN", DEFAULT_API_TOKEN)
    parser.add_argument("--api-token", default=token, help=f"HTTP Basic password (default: {token})")
    parser.add_argument(
        "--spec",
        default=env.get("CDP_SANDBOX_SPEC"),
        help="OpenAPI document to serve (default: the spec shipped with the sandbox)",
    )
    parser.add_argument(
        "--seed",
        default=env.get("CDP_SANDBOX_SEED"),
        metavar="docs|FILE",
        help="load records at start: 'docs' (the doc pages' and spec examples' records) or a JSON fixture "
        "(default: none)",
    )
    parser.add_argument(
        "--admin",
        action="store_true",
        default=env.get("CDP_SANDBOX_ADMIN", "") in ("1", "true", "yes"),
        help="serve POST /_sandbox/reset and GET /_sandbox/state, behind the same credentials (default: off)",
    )
    level = env.get("CDP_SANDBOX_LOG_LEVEL", "warning")
    parser.add_argument(
        "--log-level",
        default=level,
        choices=["debug", "info", "warning", "error"],
        help=f"info logs one line per request: method, path, status, milliseconds (default: {level})",
    )
    parser.add_argument(
        "--max-connections",
        type=int,
        default=DEFAULT_MAX_CONNECTIONS,
        help=f"open connections beyond this are answered 503 (default: {DEFAULT_MAX_CONNECTIONS})",
    )
    parser.add_argument(
        "--header-timeout",
        type=float,
        default=DEFAULT_HEADER_TIMEOUT,
        help=f"seconds a request may take to send its headers (default: {DEFAULT_HEADER_TIMEOUT:g})",
    )
    parser.add_argument(
        "--body-timeout",
        type=float,
        default=DEFAULT_BODY_TIMEOUT,
        help=f"seconds a request may take to send its body (default: {DEFAULT_BODY_TIMEOUT:g})",
    )
    faults = [f for f in env.get("CDP_SANDBOX_FAULTS", "").split(",") if f.strip()]
    parser.add_argument(
        "--fault",
        action="append",
        dest="faults",
        metavar="NAME",
        help="switch on a deliberate deviation from the spec (repeatable; see --list-faults)",
    )
    parser.add_argument("--list-faults", action="store_true", help="print the fault catalog and exit")
    args = parser.parse_args(argv)
    if args.faults is None:
        args.faults = [f.strip() for f in faults]
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run until SIGTERM/SIGINT; exit 0 after a clean shutdown."""
    args = parse_args(argv)
    if args.list_faults:
        print(describe_catalog())
        return 0
    logging.basicConfig(level=args.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    if args.max_connections < 1 or args.header_timeout <= 0 or args.body_timeout <= 0:
        print("cdp-sandbox: --max-connections and the timeouts must be positive", file=sys.stderr)
        return 2
    try:
        lock = lock_database(args.db) if args.db else None
    except (DatabaseLocked, OSError) as exc:
        print(f"cdp-sandbox: {exc}", file=sys.stderr)
        return 2
    try:
        app = create_app(
            spec_path=args.spec,
            db=args.db,
            client_key=args.client_key,
            api_token=args.api_token,
            faults=args.faults,
            admin=args.admin,
            seed=args.seed,
        )
    except (OSError, ValueError) as exc:
        print(f"cdp-sandbox: {exc}", file=sys.stderr)
        return 2
    if args.faults:
        # Said on every start: a sandbox with faults deviates from the spec on purpose.
        print(f"cdp-sandbox: faults injected: {', '.join(args.faults)}", file=sys.stderr, flush=True)
    config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
        loop="uvloop",
        http=guarded_protocol(args.header_timeout, args.body_timeout),
        limit_concurrency=args.max_connections,
        lifespan="off",
        log_level=args.log_level,
        access_log=False,
        proxy_headers=False,
        server_header=False,
        date_header=False,
    )
    server = _Server(config)
    try:
        server.run()
    finally:
        app.store.close()
        if lock is not None:
            lock.close()
    return 0 if server.started else 1
