"""What the client's wheel and sdist carry: the LICENSE, classifiers for every Python `nox -s client_wheel` tests,
the project URLs, and requirements as ranges (never an exact pin), so it installs beside other versions of httpx,
httpx-retries and attrs. Installing it at both ends of those ranges is `nox -s client_wheel` (CI runs it)."""

from __future__ import annotations

import ast
import tarfile
import zipfile
from collections.abc import Iterator
from email.message import Message
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tests.packaging.helpers import ROOT, ok, run, uv

CLIENT = ROOT / "generated" / "sitecore-cdp-client"


def _client_pythons() -> tuple[str, ...]:
    """noxfile.CLIENT_PYTHONS, read without importing the noxfile."""
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "CLIENT_PYTHONS" for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            assert isinstance(value, tuple)
            return tuple(str(v) for v in value)
    raise AssertionError("noxfile.py has no CLIENT_PYTHONS")


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    out = tmp_path_factory.mktemp("client-dist")
    ok(run([uv(), "build", "--quiet", "--out-dir", out, CLIENT], cwd=out, timeout=300))
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    yield wheel, sdist


def _metadata(wheel: Path) -> Message:
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return Parser().parsestr(archive.read(name).decode("utf-8"))


def test_the_license_ships_in_the_wheel_and_the_sdist(dists: tuple[Path, Path]) -> None:
    wheel, sdist = dists
    license_text = (ROOT / "LICENSE").read_bytes()
    assert license_text.lstrip().startswith(b"Apache License")
    with zipfile.ZipFile(wheel) as archive:
        (member,) = [n for n in archive.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
        assert archive.read(member) == license_text
    with tarfile.open(sdist) as archive:
        (info,) = [m for m in archive.getmembers() if m.name.endswith("/LICENSE")]
        handle = archive.extractfile(info)
        assert handle is not None
        assert handle.read() == license_text
    assert _metadata(wheel)["License-Expression"] == "Apache-2.0"


def test_the_sdist_ships_the_changelog(dists: tuple[Path, Path]) -> None:
    with tarfile.open(dists[1]) as archive:
        (info,) = [m for m in archive.getmembers() if m.name.endswith("/CHANGELOG.md")]
        handle = archive.extractfile(info)
        assert handle is not None
        assert handle.read() == (ROOT / "spec" / "client-changelog.md").read_bytes()


def test_classifiers_name_every_tested_python_and_the_urls_are_declared(dists: tuple[Path, Path]) -> None:
    metadata = _metadata(dists[0])
    classifiers = set(metadata.get_all("Classifier") or [])
    for version in _client_pythons():
        assert f"Programming Language :: Python :: {version}" in classifiers
    assert "Typing :: Typed" in classifiers
    assert metadata["Requires-Python"] == f">={_client_pythons()[0]}"
    urls = metadata.get_all("Project-URL") or []
    assert any(url.startswith("API reference, https://") for url in urls), urls


def test_requirements_are_ranges_never_exact_pins(dists: tuple[Path, Path]) -> None:
    requirements = [Requirement(r) for r in _metadata(dists[0]).get_all("Requires-Dist") or []]
    assert {r.name for r in requirements} == {"attrs", "httpx", "httpx-retries"}
    for req in requirements:
        assert not any(s.operator in ("==", "===", "~=") for s in req.specifier), f"{req} pins exactly"
        assert any(s.operator == ">=" for s in req.specifier), f"{req} has no lower bound"
    # httpx and httpx-retries are 0.x: their next major may change the API the client calls.
    for req in requirements:
        if req.name != "attrs":
            assert any(s.operator == "<" for s in req.specifier), f"{req} has no upper bound"
