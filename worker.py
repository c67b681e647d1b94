"""Run the platform's background work.

    python worker.py            a worker on the configured queue (run several for more throughput)
    python worker.py --cron     the scheduler that enqueues periodic jobs (run exactly one)

Both read the same environment as the web app (REDIS_URL, DATABASE_URL, ...).
"""

from __future__ import annotations

import argparse

from rq.cron import CronScheduler

from campaign import create_app
from campaign.queue import get_queue, get_redis
from campaign.workers import AppSimpleWorker, AppWorker, periodic_jobs


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--cron", action="store_true", help="run the periodic-job scheduler instead of a worker"
    )
    parser.add_argument("--burst", action="store_true", help="work until the queue is empty, then exit")
    parser.add_argument("--no-fork", action="store_true", help="run jobs in the worker process itself")
    args = parser.parse_args(argv)

    app = create_app()  # configures logging for this process too (LOG_LEVEL)
    queue = get_queue(app)
    if args.cron:
        cron = CronScheduler(connection=get_redis(app), name=f"campaign-cron-{queue.name}")
        for func, interval, cron_expression in periodic_jobs(app):
            cron.register(
                func,
                queue_name=queue.name,
                interval=interval,
                cron=cron_expression,
                job_timeout=app.config["JOB_TIMEOUT"],
                failure_ttl=app.config["JOB_FAILURE_TTL"],
            )
        cron.start()
        return
    worker_class = AppSimpleWorker if args.no_fork else AppWorker
    worker = worker_class([queue], connection=get_redis(app), app=app)
    worker.work(burst=args.burst, with_scheduler=True)


if __name__ == "__main__":
    main()
