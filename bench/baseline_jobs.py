def noop(n: int) -> int:
    """The baseline job: what RQ and the worker cost with no work of ours inside."""
    return n
