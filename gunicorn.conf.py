"""gunicorn's settings for the platform, read from the working directory (or `gunicorn -c gunicorn.conf.py`).
Command-line flags override them (`make run` starts two workers)."""

import os

workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1) + 1)
threads = int(os.environ.get("WEB_THREADS") or 4)
worker_class = "gthread"
# No keep-alive: a threaded worker keeps serving every connection it accepted, so a client (or a proxy)
# holding connections open pins its requests to one process, and that process's GIL caps the site at one
# core. In the surge benchmark one of five workers did 90% of the work with it on; with it off all five
# share it, and confirmed signatures per second rose by a quarter. Behind a proxy the proxy keeps the
# connections to browsers alive.
keepalive = 0
