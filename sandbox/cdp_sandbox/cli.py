"""`cdp-sandbox`: serve the sandbox with uvicorn (uvloop + httptools), print the base URL, stop cleanly."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Generator, Sequence
from socket import socket

import uvicorn

from .app import DEFAULT_API_TOKEN, DEFAULT_CLIENT_KEY, create_app
from .faults import describe_catalog


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
    )
    parser.add_argument("--host", default=env.get("CDP_SANDBOX_HOST", "127.0.0.1"))
    port = int(env.get("CDP_SANDBOX_PORT", "8080"))
    parser.add_argument("--port", type=int, default=port, help="0 picks a free port")
    parser.add_argument("--db", default=env.get("CDP_SANDBOX_DB"), help="SQLite file (default: in memory)")
    parser.add_argument("--client-key", default=env.get("CDP_SANDBOX_CLIENT_KEY", DEFAULT_CLIENT_KEY))
    parser.add_argument("--api-token", default=env.get("CDP_SANDBOX_API_TOKEN", DEFAULT_API_TOKEN))
    parser.add_argument("--spec", default=env.get("CDP_SANDBOX_SPEC"), help="OpenAPI document to serve")
    parser.add_argument("--log-level", default="warning", choices=["debug", "info", "warning", "error"])
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
    try:
        app = create_app(
            spec_path=args.spec,
            db=args.db,
            client_key=args.client_key,
            api_token=args.api_token,
            faults=args.faults,
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
        http="httptools",
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
    return 0 if server.started else 1
