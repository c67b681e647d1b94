"""The surge benchmark (issue 13): `python -m bench.surge`; see __main__.py."""
