"""Run the platform's background work.

    python worker.py                 warm workers on the urgent, email and bulk queues, most urgent first
                                     (WORKER_PROCESSES of them), and WORKER_SCAN_PROCESSES on the scan
                                     queue (the story check) alone
    python worker.py --processes 4   four ordinary workers (and the scan workers)
    python worker.py --queues urgent,email
                                     only those queues: a worker kept for what people are waiting for
    python worker.py --queues scan --processes 2
                                     two workers for the story check alone
    python worker.py --cron          the scheduler that enqueues periodic jobs and due retries (run one;
                                     a second waits as a stand-by)

Each worker runs many jobs in one warm process and is replaced by a fresh one after WORKER_MAX_JOBS jobs
or WORKER_MAX_MEMORY_MB. The scan queue is never served by a worker that serves another queue, so a story
that is slow to check cannot hold up anything else. Workers and the scheduler wait out Redis outages of any length by themselves.
Both read the same environment as the web app (REDIS_URL, DATABASE_URL, ...).
"""

from __future__ import annotations

import argparse
import signal

from campaign import create_app
from campaign.job_names import OWN_WORKERS, QUEUE_KINDS, WORKER_KINDS
from campaign.scheduler import Scheduler
from campaign.workers import run_pool, run_worker


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--cron", action="store_true", help="run the periodic-job scheduler instead of a worker"
    )
    parser.add_argument("--burst", action="store_true", help="work until the queues are empty, then exit")
    parser.add_argument(
        "--processes",
        type=int,
        help="ordinary worker processes (default: WORKER_PROCESSES); with --queues scan alone, scan workers "
        "(default: WORKER_SCAN_PROCESSES)",
    )
    parser.add_argument(
        "--queues",
        default=None,
        help=f"the queues to serve, always most urgent first (default: {','.join(QUEUE_KINDS)}; with "
        f"--no-fork, {','.join(WORKER_KINDS)}); the scan queue always gets workers of its own",
    )
    parser.add_argument(
        "--no-fork", action="store_true", help="one worker in this process, without a supervising parent"
    )
    args = parser.parse_args(argv)
    if args.queues is None:
        kinds = WORKER_KINDS if args.no_fork else QUEUE_KINDS
    else:
        kinds = tuple(k.strip() for k in args.queues.split(",") if k.strip())
    unknown = [k for k in kinds if k not in QUEUE_KINDS]
    if unknown or not kinds:
        parser.error(
            f"--queues takes some of {', '.join(QUEUE_KINDS)}; not {', '.join(unknown) or 'nothing'}"
        )
    if args.no_fork and len(kinds) > 1 and any(k in OWN_WORKERS for k in kinds):
        parser.error(
            f"--no-fork runs one worker, and the {'/'.join(OWN_WORKERS)} queue is served by workers of its "
            f"own: run `worker.py --no-fork --queues {OWN_WORKERS[0]}` beside it"
        )

    app = create_app()  # configures logging for this process too (LOG_LEVEL)
    if args.cron:
        stopping = []
        signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
        signal.signal(signal.SIGINT, lambda *_: stopping.append(True))
        Scheduler(app).run(should_stop=lambda: bool(stopping))
    elif args.no_fork:
        run_worker(app, kinds, burst=args.burst)
    elif all(k in OWN_WORKERS for k in kinds):
        run_pool(app, 0, kinds, burst=args.burst, own_processes=args.processes)
    else:
        run_pool(app, args.processes or app.config["WORKER_PROCESSES"], kinds, burst=args.burst)


if __name__ == "__main__":
    main()
