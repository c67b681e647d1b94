"""The built wheel runs on its own, outside a checkout (issue 18): it carries the templates, static files,
migrations, the story check's lists and the demo seeds as package data.

The test builds the wheel with ``pip wheel --no-deps`` from a copy of the checkout (so no ``build/`` is
left behind, and no stale ``build/lib`` from an earlier build can hide a missing file), installs it with
``--no-deps`` into a fresh venv made without ``--system-site-packages``, then migrates a SQLite database
and serves the home page and its stylesheet from a working directory outside the checkout.

Why a ``.pth`` file rather than installing the dependencies: the suite runs offline, and Flask,
SQLAlchemy and the rest are already installed in the environment running the tests. After the wheel is
in, a ``.pth`` file in the fresh venv's site-packages appends this environment's site-packages to
``sys.path``. The venv's own site-packages comes first, so ``campaign`` is imported from the installed
wheel (the test asserts so); a directory named by a ``.pth`` line has its own ``.pth`` files ignored, so
the checkout's editable install of ``campaign`` does not come back in by that route. ``--system-site-packages``
would not do instead: the tests run from a venv, and its packages are not the system's.
"""

from __future__ import annotations

import json
import re
import shutil
import site
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import _environ

ROOT = Path(__file__).resolve().parents[2]
# What the wheel is not built from: version control, environments, caches and earlier build output.
NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "*.egg-info",
    "instance",
    ".test-services",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".mypy_cache",
)
SHIPPED = [
    "campaign/templates/base.html",
    "campaign/templates/email/signature_confirmation.txt",
    "campaign/static/css/site.css",
    "campaign/static/js/site.js",
    "campaign/migrations/alembic.ini",
    "campaign/migrations/env.py",
    "campaign/migrations/script.py.mako",
    "campaign/migrations/versions/0001_platform_foundation.py",
    "campaign/data/uk_places.csv",
    "campaign/data/first_names.txt",
    "campaign/data/SOURCES.md",
]

# Run inside the fresh venv: which campaign was imported, the home page, the stylesheet it links to, and
# a story check that needs the shipped place list.
SERVE = """
import json, re, sys
import campaign
from campaign import create_app
from campaign.scanner import scan

client = create_app().test_client()
page = client.get("/")
html = page.get_data(as_text=True)
sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
css = client.get(sheets[0]) if sheets else None
print(json.dumps({
    "module": campaign.__file__,
    "status": page.status_code,
    "html": html,
    "sheets": sheets,
    "css_status": css.status_code if css else None,
    "css": css.get_data(as_text=True) if css else "",
    "places": [f.label for f in scan("My son goes to school in Leeds.") if f.kind == "place"],
}))
"""


def _run(command, cwd, env, timeout=120):
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{command[:4]} failed:\n{result.stdout}\n{result.stderr}"
    return result


def test_the_wheel_migrates_and_serves_pages_outside_the_checkout(tmp_path, redis_server):
    source, dist, venv, work = (tmp_path / name for name in ("source", "dist", "venv", "work"))
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    work.mkdir()
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",  # setuptools comes from the lock: no index needed
            "--quiet",
            "-w",
            str(dist),
            str(source),
        ],
        tmp_path,
        None,
        300,
    )
    (wheel,) = dist.glob("campaign-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in SHIPPED if name not in names]
    assert not missing, f"the wheel lacks {missing}"
    assert any(name.startswith("campaign/demo/seeds/") for name in names), "the wheel lacks the demo seeds"

    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp_path, None)
    python = venv / "bin" / "python"
    # Installed before the .pth file exists, so pip sees an empty venv and never the editable install.
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            "--quiet",
            str(wheel),
        ],
        tmp_path,
        None,
    )
    purelib = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp_path, None
    )
    here = [*site.getsitepackages(), site.getusersitepackages()]
    (Path(purelib.stdout.strip()) / "zz_test_environment.pth").write_text("\n".join(here) + "\n")

    database = work / "campaign.db"
    env = {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "HOME": str(work),
        **_environ(f"sqlite:///{database}", redis_server, work / "instance"),
    }
    _run([str(python), "-m", "flask", "--app", "campaign", "db", "upgrade"], work, env)
    with sqlite3.connect(database) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"alembic_version", "users", "petitions", "stories"} <= tables

    served = json.loads(_run([str(python), "-c", SERVE], work, env).stdout.strip().splitlines()[-1])
    assert Path(served["module"]).is_relative_to(venv), (
        f"campaign came from {served['module']}, not the wheel"
    )
    assert served["status"] == 200, served["html"][:2000]
    assert "Support Not Separation</title>" in served["html"]  # templates/base.html
    assert served["sheets"] and served["sheets"][0].startswith("/static/"), served["sheets"]
    assert served["css_status"] == 200 and ".site-footer" in served["css"]
    assert served["places"] and "Yorkshire" in served["places"][0]  # campaign/data/uk_places.csv
    assert re.search(r'<script[^>]*src="/static/js/site\.js"', served["html"])
