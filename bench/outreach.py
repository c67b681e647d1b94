"""A bulk email send, end to end: N opted-in signers (100,000 by default), the audience frozen, batches
queued, two real worker processes (`python worker.py`, started and idle first, forking a work horse per job) sending
through a local fake SendGrid that answers each request after 300 ms and enforces the API's limits.

Prints recipients per second, the time to the last accepted batch, the workers' peak memory (worker and
work horses, resident set), and, measured in the same run, the time to build and serialise the request
bodies alone in one process: the share of the machine's limit the send reaches.

    .venv/bin/python -m bench.outreach [--recipients 100000] [--latency 0.3]

Needs DATABASE_URL and REDIS_URL for PostgreSQL and Redis (python -m bench sets them up)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


class PeakMemory:
    """Polls the resident memory of each worker and of any work horse it forks; keeps the largest seen."""

    def __init__(self, pids: list[int]):
        self.pids, self.peak_kb, self.running = pids, 0, True
        self.thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self):
        while self.running:
            for pid in self.pids:
                for p in [pid, *_children(pid)]:
                    self.peak_kb = max(self.peak_kb, _rss_kb(p))
            time.sleep(0.02)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()


def _seed(app, n: int) -> int:
    from sqlalchemy import insert

    from campaign.extensions import db
    from campaign.models import Petition, PetitionState, Signature, utcnow

    with app.app_context():
        petition = Petition(
            slug=f"bench-{time.time_ns()}",
            title="Bench petition",
            action="Act.",
            state=PetitionState.OPEN,
            opened_at=utcnow(),
        )
        db.session.add(petition)
        db.session.commit()
        now = utcnow()
        for start in range(0, n, 10_000):
            db.session.execute(
                insert(Signature),
                [
                    {
                        "petition_id": petition.id,
                        "name": f"Signer {i}",
                        "email": f"signer{i}@bench.example",
                        "email_key": f"signer{i}@bench.example",
                        "email_domain": "bench.example",
                        "region": "london",
                        "state": "validated",
                        "opt_in": True,
                        "validated_at": now,
                        "created_at": now,
                    }
                    for i in range(start, min(start + 10_000, n))
                ],
            )
            db.session.commit()
        return petition.id


def run(recipients: int = 100_000, latency: float = 0.3, workers: int = 2) -> dict:
    from campaign import create_app
    from tests.support.fake_sendgrid import FakeSendGrid

    with FakeSendGrid(delay=latency, record=False) as sendgrid:
        environ = {
            **os.environ,
            "APP_ENV": "testing",
            "SECRET_KEY": os.environ.get("SECRET_KEY", "bench" * 10),
            "MAIL_BACKEND": "sendgrid",
            "SENDGRID_API_KEY": "SG.bench",
            "SENDGRID_API_HOST": sendgrid.url,
            "INSTANCE_PATH": str(ROOT / ".test-services" / "bench" / "instance"),
            "QUEUE_NAME": "bench-outreach",
        }
        app = create_app(environ=environ)
        from campaign.extensions import db
        from campaign.mail.sendgrid import batch_body
        from campaign.models import Campaign, CampaignBatch, Role, User
        from campaign.queue import get_redis
        from campaign.services.outreach import campaigns as outreach
        from campaign.services.outreach import sending as bulk_sending

        petition_id = _seed(app, recipients)
        with app.app_context():
            get_redis(app).delete("rq:queue:bench-outreach")
            organiser = User(
                email=f"bench{time.time_ns()}@example.org",
                name="Bench",
                password_hash="x",
                role=Role.ORGANISER.value,
            )
            db.session.add(organiser)
            db.session.commit()
            campaign = outreach.save_draft(
                organiser,
                outreach.Draft(
                    subject="News about {{ petition_title }}",
                    preheader="What happened next",
                    body="Dear {{ first_name }},\n\nThank you for signing. **Here is what happened next.**\n\n"
                    "[Choose what you receive]({{ personal_link }})",
                    audience={"petitions": [petition_id]},
                ),
            )

            # Baseline, same run: build and serialise every request body in one process, no sending.
            began = time.perf_counter()
            frozen = outreach.start(organiser, campaign)
            freeze_seconds = time.perf_counter() - began
            db.session.execute(
                db.text("UPDATE campaigns SET state = 'paused' WHERE id = :c"), {"c": campaign.id}
            )
            db.session.commit()
            rendered = outreach.render(campaign)
            campaign_id = campaign.id
            batches = list(
                db.session.scalars(db.select(CampaignBatch).where(CampaignBatch.campaign_id == campaign.id))
            )
            began = time.perf_counter()
            for batch in batches:
                json.dumps(batch_body(bulk_sending.request_body(campaign, batch, rendered)))
            build_seconds = time.perf_counter() - began
            get_redis(app).delete("rq:queue:bench-outreach")
            db.session.execute(
                db.text("UPDATE campaigns SET state = 'sending' WHERE id = :c"), {"c": campaign.id}
            )
            db.session.commit()

        # Workers run all the time in production: start them first, idle, then hand them the send.
        procs = [
            subprocess.Popen(
                [sys.executable, str(ROOT / "worker.py")],
                env=environ,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(workers)
        ]
        time.sleep(4)
        with PeakMemory([p.pid for p in procs]) as memory:
            began = time.perf_counter()
            with app.app_context():
                bulk_sending.dispatch()
                while True:
                    db.session.expire_all()
                    left = db.session.scalar(
                        db.select(db.func.count()).where(
                            CampaignBatch.campaign_id == campaign_id,
                            CampaignBatch.state.in_(("pending", "sending")),
                        )
                    )
                    if not left or time.perf_counter() - began > 1800:
                        break
                    time.sleep(0.05)
            wall = time.perf_counter() - began
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=60)
        with app.app_context():
            db.session.expire_all()
            sent = db.session.get(Campaign, campaign_id)
            last = db.session.scalar(
                db.select(db.func.max(CampaignBatch.sent_at)).where(CampaignBatch.campaign_id == campaign_id)
            )
            elapsed = (last - sent.started_at).total_seconds() if last else float("nan")
            result = {
                "recipients": frozen,
                "accepted": sent.accepted,
                "failed": sent.failed,
                "requests": sendgrid.accepted_count,
                "freeze_s": freeze_seconds,
                "send_s": wall,
                "to_last_batch_s": elapsed,
                "per_second": sent.accepted / wall if wall else 0,
                "build_s": build_seconds,
                "peak_mb": memory.peak_kb / 1024,
            }
    print(
        f"Bulk send: {result['recipients']:,} recipients, {result['requests']} SendGrid requests "
        f"({latency * 1000:.0f} ms each), {workers} workers"
    )
    print(f"  audience frozen + batches created   {result['freeze_s']:8.2f} s")
    print(
        f"  workers' send, first to last batch   {result['send_s']:8.2f} s   "
        f"({result['accepted']:,} accepted, {result['failed']:,} failed)"
    )
    print(f"  recipients per second                {result['per_second']:8.0f}     (target 20,000)")
    print(
        f"  baseline: build + serialise bodies   {result['build_s']:8.2f} s   "
        f"(one process, no network; the send takes {result['send_s'] / result['build_s']:.2f}x this)"
    )
    print(f"  workers' peak memory (RSS)           {result['peak_mb']:8.1f} MB  (target under 150 MB)")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--recipients", type=int, default=100_000)
    parser.add_argument("--latency", type=float, default=0.3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    run(args.recipients, args.latency, args.workers)


if __name__ == "__main__":
    main()
