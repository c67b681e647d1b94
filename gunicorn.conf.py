"""gunicorn's settings for the platform, read from the working directory (or `gunicorn -c gunicorn.conf.py`).
Command-line flags override them (`make run` starts two workers)."""

import os

workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1) + 1)
threads = int(os.environ.get("WEB_THREADS") or 4)
worker_class = "gthread"
# No keep-alive: a threaded worker serves every connection it accepted for as long as the client keeps it
# open, so clients holding connections pin their requests to whichever process accepted them. In the surge
# benchmark (64 clients holding connections) one of five workers did 90% of the work, its GIL capping it at
# one core; without keep-alive all five shared it. Behind a proxy that opens a connection per request
# (nginx's default) this changes nothing; the proxy keeps browsers' connections alive.
keepalive = 0
# gunicorn 27's control socket defaults to one path in the home folder (~/.gunicorn/gunicorn.ctl), shared by
# every gunicorn the user runs; nothing here uses it, and two sites on one host would take each other's.
control_socket_disable = True
