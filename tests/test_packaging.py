"""Packaging: one import package, `whosaid`, in the wheel and in a normal (non-editable) install."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation", "-q", "-w", str(out)],
        capture_output=True,
        text=True,
        cwd=build,
    )
    assert result.returncode == 0, result.stderr
    (found,) = out.glob("whosaid-*.whl")
    return found


def test_wheel_holds_only_the_whosaid_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/", 1)[0] for name in names}
    dist_info = {top for top in tops if top.endswith(".dist-info")}
    assert tops - dist_info == {"whosaid"}, sorted(tops)
    for needed in (
        "whosaid/__init__.py",
        "whosaid/cli.py",
        "whosaid/py.typed",
        "whosaid/models/__init__.py",
        "whosaid/templates/index.html",
    ):
        assert needed in names, needed
    assert not any(name.startswith(("pipeline/", "models/", "tests/", "benchmarks/")) for name in names)
    # Every module and data file of the source folders is in the wheel (a subpackage left out of
    # [tool.setuptools] packages would install a broken whosaid).
    for folder, prefix in (("pipeline", "whosaid"), ("models", "whosaid/models")):
        for path in (REPO / folder).rglob("*"):
            relative = path.relative_to(REPO / folder)
            if (
                path.is_dir()
                or "__pycache__" in relative.parts
                or (folder == "pipeline" and relative.parts[0] == "models")
            ):
                continue
            assert f"{prefix}/{relative.as_posix()}" in names, f"{folder}/{relative} is missing from the wheel"
    (entry_points,) = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "whosaid = whosaid.cli:app" in text


def test_a_normal_install_imports_from_site_packages(wheel: Path, tmp_path: Path) -> None:
    """Unpack the wheel (a pure-Python install) into its own folder and import it from elsewhere."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    deps = sysconfig.get_paths()["purelib"]
    code = (
        "import sys, whosaid, whosaid.models, whosaid.cli;"
        f"assert whosaid.__file__.startswith({str(site)!r}), whosaid.__file__;"
        "import importlib.util as u;"
        "assert u.find_spec('pipeline') is None and u.find_spec('models') is None;"
        "print(whosaid.models.SCHEMA_VERSION)"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path[:0] = [{str(site)!r}, {deps!r}]; {code}"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().isdigit()
