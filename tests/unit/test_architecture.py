"""The shape of the code: what may import what, and the names services enqueue jobs by."""

from __future__ import annotations

import inspect

from campaign import job_names, jobs


def test_every_job_name_services_enqueue_is_a_job_function():
    names = {value for key, value in vars(job_names).items() if key.isupper() and not key.startswith("_")}
    assert names, "campaign.job_names names no jobs"
    for dotted in names:
        module, _, function = dotted.rpartition(".")
        assert module == "campaign.jobs", dotted
        assert inspect.isfunction(getattr(jobs, function, None)), f"{dotted} is not a function in campaign.jobs"
