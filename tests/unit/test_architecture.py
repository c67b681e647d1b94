"""The shape of the code: what may import what, and the names services enqueue jobs by."""

from __future__ import annotations

import inspect
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from campaign import job_names, jobs


def test_every_job_name_services_enqueue_is_a_job_function():
    names = {
        value
        for key, value in vars(job_names).items()
        if key.isupper() and not key.startswith("_") and isinstance(value, str) and "." in value
    }
    assert names, "campaign.job_names names no jobs"
    for dotted in names:
        module, _, function = dotted.rpartition(".")
        assert module == "campaign.jobs", dotted
        assert inspect.isfunction(getattr(jobs, function, None)), (
            f"{dotted} is not a function in campaign.jobs"
        )


def test_every_job_has_a_queue():
    functions = {
        name
        for name, f in vars(jobs).items()
        if inspect.isfunction(f) and f.__module__ == jobs.__name__ and not name.startswith("_")
    }  # a leading underscore marks a helper the jobs share, never enqueued
    assert functions == set(job_names.QUEUE_OF), (
        "campaign.job_names.QUEUE_OF must name every job, and only jobs"
    )
    assert set(job_names.QUEUE_OF.values()) <= set(job_names.QUEUE_KINDS)
    assert job_names.queue_of(job_names.SEND_EMAIL) == job_names.EMAIL
    assert job_names.queue_of("campaign.jobs.roll_up_signature_counts") == job_names.URGENT
    assert job_names.queue_of("logging.warning") == job_names.BULK


ROOT = Path(__file__).resolve().parents[2]


def _lint_imports(source_root: Path) -> subprocess.CompletedProcess:
    """Run import-linter with the project's contracts over the ``campaign`` package found in source_root."""
    env = {**os.environ, "PYTHONPATH": str(source_root)}
    command = (
        "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    )
    return subprocess.run(
        [sys.executable, "-c", command, str(ROOT / "pyproject.toml"), "--no-cache", "--no-logo"],
        cwd=source_root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_import_contracts_hold():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "intruder, into, reported",
    [
        ("from campaign import jobs", "services/emails.py", "campaign.services.emails -> campaign.jobs"),
        (
            "from campaign.petitions import views",
            "services/petitions/signing.py",
            "campaign.services.petitions.signing -> campaign.petitions.views",
        ),
        (
            "from campaign.services import emails",
            "models/petitions.py",
            "campaign.models.petitions -> campaign.services",
        ),
        (
            "from campaign.services.petitions import signing",
            "mail/__init__.py",
            "campaign.mail -> campaign.services.petitions",
        ),
        (
            "from campaign.stories import forms",
            "members/views.py",
            "campaign.members.views -> campaign.stories.forms",
        ),
    ],
)
def test_the_contracts_fail_when_an_import_runs_back_up(tmp_path, intruder, into, reported):
    shutil.copytree(
        ROOT / "campaign", tmp_path / "campaign", ignore=shutil.ignore_patterns("__pycache__", "data")
    )
    target = tmp_path / "campaign" / into
    target.write_text(target.read_text() + f"\n{intruder}  # noqa\n")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout and f"- {reported}" in result.stdout, result.stdout
