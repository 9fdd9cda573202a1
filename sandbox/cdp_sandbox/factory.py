"""Building sandboxes: `create_app`, one sandbox, and `app_factory`, fresh sandboxes over one compiled spec.

The top of the sandbox: the healthy app (`app.py`), the fault layer (`faults/`) and the seed format (`seeds.py`)
are put together here, and none of them imports this module. Whatever builds a sandbox in-process builds it here:
the command (`cli.py`), the contract suite (`contract_tests/targets.py`), the tests and the benchmark.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .app import SandboxApp
from .faults import build, lookup
from .seeds import export, load_seed
from .spec import Spec, compile_spec, load_document
from .storage import Store

DEFAULT_CLIENT_KEY = "sandbox-client-key"
DEFAULT_API_TOKEN = "sandbox-api-token"  # noqa: S105 - a documented local-only default


def default_spec_path() -> Path:
    """The spec shipped in the wheel, else the repository's spec/openapi.yaml."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "openapi.yaml", here.parent.parent / "spec" / "openapi.yaml"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("spec/openapi.yaml not found; pass spec_path")


def create_app(
    spec_path: str | Path | None = None,
    db: str | Path | None = None,
    client_key: str = DEFAULT_CLIENT_KEY,
    api_token: str = DEFAULT_API_TOKEN,
    faults: Sequence[str] = (),
    *,
    admin: bool = False,
    seed: str | None = None,
) -> SandboxApp:
    """Build the sandbox: compile the spec once and open the store (in memory unless `db` is a file).

    `faults` names entries of `cdp_sandbox.faults.CATALOG` to switch on (deliberate deviations from the spec,
    for measuring what a contract suite catches); an unknown name raises ValueError listing the catalog.
    `admin` switches on `/_sandbox/reset` and `/_sandbox/state`; `seed` is `docs` (the records of the doc
    pages and the spec's examples) or a JSON fixture file, loaded through the API (a bad record raises
    ValueError naming it).
    """
    app = _assemble(_compile(spec_path), db, client_key, api_token, list(faults), admin=admin)
    if seed:
        try:
            load_seed(app, seed)
        except BaseException:
            app.store.close()
            raise
    return app


def app_factory(
    faults: Iterable[str] = (),
    *,
    client_key: str = DEFAULT_CLIENT_KEY,
    api_token: str = DEFAULT_API_TOKEN,
    spec_path: str | Path | None = None,
) -> Callable[[], SandboxApp]:
    """A factory of fresh sandboxes, each with an empty in-memory store, over a spec compiled once.

    In-process runs and tests build a sandbox per scenario; compiling the spec is most of what `create_app`
    costs, so it is done here once. With `faults` each call builds a faulty sandbox with fresh fault state; an
    unknown name raises ValueError (listing the catalog) at once, before anything is built.
    """
    chosen = [entry.name for entry in lookup(faults)]
    spec = _compile(spec_path)
    return lambda: _assemble(spec, None, client_key, api_token, chosen)


def _compile(spec_path: str | Path | None) -> Spec:
    return compile_spec(load_document(Path(spec_path) if spec_path else default_spec_path()))


def _assemble(
    spec: Spec,
    db: str | Path | None,
    client_key: str,
    api_token: str,
    faults: list[str],
    *,
    admin: bool = False,
) -> SandboxApp:
    """One sandbox over a compiled spec: healthy, or with these faults; its state export is the seed format."""
    app: SandboxApp
    if faults:
        app = build(spec, db, client_key, api_token, faults)
    else:
        app = SandboxApp(spec, Store(str(db) if db else None), client_key, api_token)
    app.admin = admin
    app.state_export = export
    return app
