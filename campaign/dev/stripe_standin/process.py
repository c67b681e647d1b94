"""Running the stand-in as a process of its own beside the web server, worker and scheduler, and the
settings that point the platform at it. Never in production: real money needs real Stripe."""

from __future__ import annotations

import argparse
import logging
import os
import secrets
import signal
import subprocess
import sys
import threading
from collections.abc import Mapping

from ...embedded import free_port, wait_for_ports
from .server import StripeStandin, serve

# A key that is plainly not Stripe's: test mode (the stand-in accepts only sk_test_ keys), and named.
SECRET_KEY = "sk_test_standin_not_a_real_stripe_key"
WEBHOOK_PATH = "/webhooks/stripe"


class ProductionRefused(RuntimeError):
    pass


def refuse_in_production(env: Mapping[str, str]) -> None:
    if (env.get("APP_ENV") or "").strip().lower() == "production":
        raise ProductionRefused(
            "The Stripe stand-in is for trying the site on one machine and never runs with "
            "APP_ENV=production; set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET from your Stripe account."
        )


def launch(env: Mapping[str, str], host: str = "127.0.0.1") -> tuple[dict[str, str], subprocess.Popen]:
    """Start the stand-in on a free port, delivering webhooks to ``env["BASE_URL"]``. Returns the settings
    that point the app's processes at it, and the process (to stop with SIGTERM)."""
    refuse_in_production(env)
    port = free_port(host)
    url = f"http://{host}:{port}"
    secret = "whsec_standin_" + secrets.token_hex(16)
    webhook_url = env["BASE_URL"].rstrip("/") + WEBHOOK_PATH
    child_env = {**env, "STRIPE_WEBHOOK_SECRET": secret}
    process = subprocess.Popen(
        [sys.executable, "-m", "campaign.dev.stripe_standin", "--host", host, "--port", str(port)]
        + ["--webhook-url", webhook_url],
        env=child_env,
        start_new_session=True,  # the terminal's Ctrl-C reaches only the runner, which stops it in order
    )
    if not wait_for_ports([port], [process], 20, host):
        process.terminate()
        raise RuntimeError("The Stripe stand-in did not start; see the lines above.")
    settings = {
        "STRIPE_SECRET_KEY": SECRET_KEY,
        "STRIPE_WEBHOOK_SECRET": secret,
        "STRIPE_API_BASE": url,
        # The donate form and the manage page send the donor to the stand-in's pages (CSP form-action).
        "STRIPE_REDIRECT_ORIGINS": url,
    }
    return settings, process


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the development stand-in for Stripe.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--webhook-url", required=True)
    parser.add_argument("--settle-after", type=float, default=8.0, help="seconds before Bacs succeeds")
    args = parser.parse_args(argv)
    try:
        refuse_in_production(os.environ)
    except ProductionRefused as refused:
        print(refused, file=sys.stderr)
        return 1
    secret = os.environ.get("STRIPE_WEBHOOK_SECRET")
    if not secret:
        print("STRIPE_WEBHOOK_SECRET must be set: the stand-in signs its webhooks with it.", file=sys.stderr)
        return 1
    # Its own lines only: every API call and page view would drown the web server's log beside it.
    logging.basicConfig(level=logging.INFO, format="stripe stand-in: %(message)s")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    standin = StripeStandin(
        f"http://{args.host}:{args.port}", args.webhook_url, secret, settle_after=args.settle_after
    )
    server = serve(standin, args.host, args.port)
    signal.signal(signal.SIGTERM, lambda signum, frame: threading.Thread(target=server.shutdown).start())
    print(f"Stripe stand-in on http://{args.host}:{args.port}, webhooks to {args.webhook_url}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        standin.close()
        server.server_close()
    return 0
