"""Every setting, read from the environment.

Development needs nothing set: a SQLite file, a generated secret key and the outbox mail backend
live in the instance folder. Production (``APP_ENV=production``) refuses to start without the
settings that must never be guessed, naming the one that is missing.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PRODUCTION_REQUIRED = ("SECRET_KEY", "DATABASE_URL", "REDIS_URL")


def dev_redis_socket(instance_path: str | Path) -> Path:
    """Where the embedded Redis ``make run`` starts listens: a socket in the instance folder, so each
    checkout has its own (a fixed port let a second checkout's jobs run against the first one's database),
    and every process and ``flask`` command run in that checkout finds it without being told."""
    return Path(instance_path) / "redis" / "redis.sock"


def dev_redis_url(instance_path: str | Path) -> str:
    return f"unix://{dev_redis_socket(instance_path)}?db=0"


class ConfigError(SystemExit):
    """A missing or malformed setting. A SystemExit so start-up ends with one line, not a traceback."""

    def __init__(self, message: str):
        super().__init__(f"Configuration error: {message}")
        self.message = message


def _int(env: dict, name: str, default: int) -> int:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None


def _csv(env: dict, name: str, default: str) -> tuple[str, ...]:
    raw = env.get(name)
    return tuple(x.strip().lower() for x in (default if raw is None else raw).split(",") if x.strip())


def _argon2_cost(env: dict, production: bool) -> dict:
    """Argon2id's cost for password hashes. The defaults are argon2-cffi's (RFC 9106's second choice); tests
    set the smallest cost. Production refuses less than OWASP's floor: 46 MiB with one pass, or 19 MiB
    with two or more."""
    time_cost = _int(env, "ARGON2_TIME_COST", 3)
    memory_kib = _int(env, "ARGON2_MEMORY_KIB", 65536)
    parallelism = _int(env, "ARGON2_PARALLELISM", 4)
    if time_cost < 1 or parallelism < 1 or memory_kib < 8 * parallelism:
        raise ConfigError("ARGON2_* must be at least 1 pass, 1 lane and 8 KiB of memory per lane")
    if production and not (memory_kib >= 47104 or (memory_kib >= 19456 and time_cost >= 2)):
        raise ConfigError(
            "ARGON2_MEMORY_KIB and ARGON2_TIME_COST are below OWASP's minimum for Argon2id "
            "(47104 KiB with 1 pass, or 19456 KiB with 2); leave them unset in production"
        )
    return {"ARGON2_TIME_COST": time_cost, "ARGON2_MEMORY_KIB": memory_kib, "ARGON2_PARALLELISM": parallelism}


def _log_level(env: dict, default: str) -> str:
    value = (env.get("LOG_LEVEL") or default).upper()
    if value not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
        raise ConfigError(f"LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, got {value!r}")
    return value


def _zone(env: dict, name: str, default: str = "Europe/London") -> str:
    value = env.get(name) or default
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"{name} must be an IANA time zone such as Europe/London (install tzdata if none is found), "
            f"got {value!r}"
        ) from None
    return value


def _gift_aid_rows(env: dict) -> int:
    """Donation rows per Gift Aid claim: HMRC's Charities Online schedule spreadsheet takes 1,000."""
    rows = _int(env, "GIFT_AID_MAX_ROWS_PER_CLAIM", 1000)
    if not 1 <= rows <= 1000:
        raise ConfigError("GIFT_AID_MAX_ROWS_PER_CLAIM must be between 1 and 1000 (HMRC's schedule limit)")
    return rows


def _log_levels(env: dict) -> dict[str, str]:
    """LOG_LEVELS: per-logger levels over LOG_LEVEL, as ``name=LEVEL`` pairs separated by commas."""
    levels = {}
    for pair in (env.get("LOG_LEVELS") or "").split(","):
        if not pair.strip():
            continue
        name, _, level = pair.partition("=")
        name, level = name.strip(), level.strip().upper()
        if not name or level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise ConfigError(
                f"LOG_LEVELS must be name=LEVEL pairs separated by commas (LEVEL one of DEBUG, INFO, "
                f"WARNING, ERROR, CRITICAL), got {pair.strip()!r}"
            )
        levels[name] = level
    return levels


def _flag(env: dict, name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name} must be true or false, got {raw!r}")


def _url(env: dict, name: str, default: str, schemes: tuple[str, ...]) -> str:
    value = env.get(name) or default
    if urlparse(value).scheme not in schemes:
        raise ConfigError(
            f"{name} must start with one of {', '.join(s + '://' for s in schemes)}, got {value!r}"
        )
    return value.rstrip("/")


def _database_url(name: str, value: str) -> str:
    if value.startswith("postgres://"):
        # Heroku-style URLs; SQLAlchemy wants the dialect and driver spelled out.
        value = "postgresql+psycopg://" + value[len("postgres://") :]
    elif value.startswith("postgresql://"):
        value = "postgresql+psycopg://" + value[len("postgresql://") :]
    if urlparse(value).scheme not in ("sqlite", "postgresql+psycopg"):
        raise ConfigError(f"{name} must be a PostgreSQL or SQLite URL, got {value.split(':')[0]!r}")
    return value


def _replica_binds(replica_url: str, pooler_options: dict) -> dict:
    """The read replica as a Flask-SQLAlchemy bind (campaign/extensions.py ReplicaSession chooses it). A
    short connect timeout: an unreachable replica must cost a public page a moment, not a hung worker."""
    if not replica_url:
        return {}
    connect_args = {**pooler_options.get("connect_args", {}), "connect_timeout": 2}
    return {"replica": {"url": replica_url, "pool_pre_ping": True, "connect_args": connect_args}}


def app_env(env: dict) -> str:
    value = (env.get("APP_ENV") or env.get("FLASK_ENV") or "development").lower()
    if value not in ("development", "production", "testing"):
        raise ConfigError(f"APP_ENV must be development, production or testing, got {value!r}")
    return value


def _instance_secret_key(instance_path: Path) -> str:
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


# Words found in sample keys from documentation and templates: a key someone copied, not one made for this
# site. Compared with the key in lower case with everything but letters and digits taken out.
PLACEHOLDER_SECRET_WORDS = (
    "changeme",
    "changethis",
    "replaceme",
    "yoursecret",
    "secretkey",
    "placeholder",
    "insecure",
    "notsecret",
    "example",
    "default",
    "password",
)
SECRET_KEY_MIN_LENGTH = 32
SECRET_KEY_MIN_DISTINCT = 10  # token_hex(32) has 16 distinct characters, a passphrase more


def _check_production_secret_key(key: str) -> None:
    """Refuse a key that can be guessed: anyone holding it can sign session cookies (sign in as anyone) and
    every emailed link."""
    hint = "make one with: python -c 'import secrets; print(secrets.token_hex(32))'"
    if len(key) < SECRET_KEY_MIN_LENGTH:
        raise ConfigError(
            f"SECRET_KEY must be at least {SECRET_KEY_MIN_LENGTH} characters in production; {hint}"
        )
    if len(set(key)) < SECRET_KEY_MIN_DISTINCT:
        raise ConfigError(
            f"SECRET_KEY has only {len(set(key))} different characters (fewer than {SECRET_KEY_MIN_DISTINCT}), "
            f"so it can be guessed; {hint}"
        )
    letters = "".join(char for char in key.lower() if char.isalnum())
    word = next((word for word in PLACEHOLDER_SECRET_WORDS if word in letters), None)
    if word:
        raise ConfigError(f"SECRET_KEY looks like a placeholder (it contains {word!r}); {hint}")


def _check_production_origin(base_url: str) -> None:
    """Secure cookies, HSTS and every emailed link follow BASE_URL; unset, it is http://127.0.0.1:5000."""
    if not base_url:
        raise ConfigError(
            "BASE_URL is required when APP_ENV=production and is not set (the site's https:// origin, "
            "used for emailed links, secure cookies and HSTS)"
        )
    if urlparse(base_url).scheme != "https":
        raise ConfigError(
            f"BASE_URL must be an https:// origin when APP_ENV=production (cookies are only marked Secure "
            f"and HSTS only sent over https), got {base_url!r}"
        )
    if (urlparse(base_url).hostname or "") in ("localhost", "127.0.0.1", "::1", "0.0.0.0"):
        raise ConfigError(
            f"BASE_URL must be the site's public origin when APP_ENV=production (emailed links use it), "
            f"got {base_url!r}"
        )


def load_settings(instance_path: str | Path, environ: dict | None = None) -> dict:
    env = dict(os.environ if environ is None else environ)
    instance_path = Path(instance_path)
    mode = app_env(env)
    production = mode == "production"

    if production:
        for name in PRODUCTION_REQUIRED:
            if not env.get(name):
                raise ConfigError(f"{name} is required when APP_ENV=production and is not set")
        _check_production_secret_key(env["SECRET_KEY"])
        _check_production_origin(env.get("BASE_URL") or "")
        if env["DATABASE_URL"].startswith("sqlite"):
            raise ConfigError(
                "DATABASE_URL is SQLite, which is for trying the site on one machine; set a PostgreSQL URL "
                "when APP_ENV=production"
            )

    database_url = _database_url(
        "DATABASE_URL", env.get("DATABASE_URL") or f"sqlite:///{instance_path / 'campaign.db'}"
    )
    pooler = (env.get("DATABASE_POOLER") or "").lower()
    if pooler not in ("", "session", "transaction"):
        raise ConfigError(
            f"DATABASE_POOLER must be session or transaction (pgbouncer's pool_mode), got {pooler!r}"
        )
    # Behind pgbouncer in transaction mode each transaction may get another server connection, which
    # lacks the statements psycopg prepared on the last one: psycopg must not prepare any.
    pooler_options = {"connect_args": {"prepare_threshold": None}} if pooler == "transaction" else {}
    replica_url = env.get("DATABASE_REPLICA_URL") or ""
    if replica_url:
        replica_url = _database_url("DATABASE_REPLICA_URL", replica_url)
        if not (replica_url.startswith("postgresql") and database_url.startswith("postgresql")):
            raise ConfigError("DATABASE_REPLICA_URL is for a PostgreSQL replica of a PostgreSQL DATABASE_URL")

    mail_backend = env.get("MAIL_BACKEND") or "outbox"
    if mail_backend not in ("outbox", "sendgrid"):
        raise ConfigError(f"MAIL_BACKEND must be sendgrid or outbox, got {mail_backend!r}")
    if mail_backend == "sendgrid" and not env.get("SENDGRID_API_KEY"):
        raise ConfigError("SENDGRID_API_KEY is required when MAIL_BACKEND=sendgrid")
    if production and mail_backend == "outbox":
        raise ConfigError(
            "MAIL_BACKEND=outbox is for development only; set MAIL_BACKEND=sendgrid in production"
        )

    if production and (env.get("STRIPE_SECRET_KEY") or "").startswith("sk_test_standin"):
        # campaign/dev/stripe_standin's key: `make run`'s local Stripe, which takes no real money.
        raise ConfigError(
            "STRIPE_SECRET_KEY is the development stand-in's key; set a live Stripe key when APP_ENV=production"
        )
    if env.get("STRIPE_SECRET_KEY") and not env.get("STRIPE_WEBHOOK_SECRET"):
        # Without the webhook nothing is ever marked paid, so taking money would lose track of it.
        raise ConfigError("STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set")
    donation_min = _int(env, "DONATION_MIN_PENCE", 200)
    donation_max = _int(env, "DONATION_MAX_PENCE", 1_000_000)
    if not 30 <= donation_min <= donation_max <= 99_999_999:
        # Stripe's own limits for GBP: at least 30p, at most 999,999.99.
        raise ConfigError(
            "DONATION_MIN_PENCE and DONATION_MAX_PENCE must satisfy 30 <= min <= max <= 99999999"
        )
    try:
        suggested = [
            round(float(x) * 100)
            for x in (env.get("DONATION_SUGGESTED") or "5,10,25,50").split(",")
            if x.strip()
        ]
    except ValueError:
        raise ConfigError(
            "DONATION_SUGGESTED must be amounts in pounds separated by commas, like 5,10,25"
        ) from None

    base_url = _url(env, "BASE_URL", "http://127.0.0.1:5000", ("http", "https"))
    argon2 = _argon2_cost(env, production)

    return {
        "APP_ENV": mode,
        "LOG_LEVEL": _log_level(env, "WARNING" if mode == "testing" else "INFO"),
        # One line per request from the app (with its request id); gunicorn's access log has none.
        "LOG_LEVELS": _log_levels(env),
        "LOG_REQUESTS": _flag(env, "LOG_REQUESTS", production),
        "DEBUG": False,
        "TESTING": mode == "testing",
        "SECRET_KEY": env.get("SECRET_KEY") or _instance_secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True, **pooler_options},
        "DATABASE_POOLER": pooler,
        # A streaming replica the public pages read from (campaign/web/replica.py); unset, all is primary.
        "DATABASE_REPLICA_URL": replica_url,
        "SQLALCHEMY_BINDS": _replica_binds(replica_url, pooler_options),
        # Seconds each process leaves an unreachable replica alone (reading the primary) before trying it.
        "REPLICA_RETRY_SECONDS": _int(env, "REPLICA_RETRY_SECONDS", 30),
        "REDIS_URL": _url(env, "REDIS_URL", dev_redis_url(instance_path), ("redis", "rediss", "unix")),
        "BASE_URL": base_url,
        "PREFERRED_URL_SCHEME": urlparse(base_url).scheme,
        "MAIL_BACKEND": mail_backend,
        "MAIL_FROM": env.get("MAIL_FROM") or "Support Not Separation <hello@supportnotseparation.example>",
        "SENDGRID_API_KEY": env.get("SENDGRID_API_KEY", ""),
        "SENDGRID_API_HOST": _url(env, "SENDGRID_API_HOST", "https://api.sendgrid.com", ("http", "https")),
        "SENDGRID_TIMEOUT": _int(env, "SENDGRID_TIMEOUT", 10),
        # The Event Webhook's verification key; the mail adapter checks it can be used (campaign.mail.check_settings).
        "SENDGRID_WEBHOOK_PUBLIC_KEY": (env.get("SENDGRID_WEBHOOK_PUBLIC_KEY") or "").strip(),
        # Seconds a signed Event Webhook post stays acceptable (replay window); a minute of clock skew ahead.
        "SENDGRID_WEBHOOK_MAX_AGE": _int(env, "SENDGRID_WEBHOOK_MAX_AGE", 600),
        "STRIPE_SECRET_KEY": env.get("STRIPE_SECRET_KEY", ""),
        "STRIPE_WEBHOOK_SECRET": env.get("STRIPE_WEBHOOK_SECRET", ""),
        "STRIPE_API_BASE": _url(env, "STRIPE_API_BASE", "https://api.stripe.com", ("http", "https")),
        "STRIPE_TIMEOUT": _int(env, "STRIPE_TIMEOUT", 20),
        # Where the donate and manage forms send people (the page's CSP form-action must allow them).
        "STRIPE_REDIRECT_ORIGINS": env.get("STRIPE_REDIRECT_ORIGINS")
        or "https://checkout.stripe.com https://billing.stripe.com",
        # Seconds a signed webhook stays acceptable (Stripe's libraries default to 300).
        "STRIPE_WEBHOOK_TOLERANCE": _int(env, "STRIPE_WEBHOOK_TOLERANCE", 300),
        "DONATION_MIN_PENCE": donation_min,
        "DONATION_MAX_PENCE": donation_max,
        "GIFT_AID_MAX_ROWS_PER_CLAIM": _gift_aid_rows(env),
        "DONATION_SUGGESTED_PENCE": [p for p in suggested if donation_min <= p <= donation_max],
        "PARLIAMENT_PETITIONS_URL": _url(
            env, "PARLIAMENT_PETITIONS_URL", "https://petition.parliament.uk", ("http", "https")
        ),
        # Sessions and cookies: secure cookies whenever the public origin is https.
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": base_url.startswith("https://"),
        "REMEMBER_COOKIE_SECURE": base_url.startswith("https://"),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        # How many proxies in front of the app set X-Forwarded-For/-Proto; 0 trusts none.
        "PROXY_HOPS": _int(env, "PROXY_HOPS", 0),
        "WTF_CSRF_TIME_LIMIT": _int(env, "CSRF_TIME_LIMIT", 8 * 3600),
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        # Accounts
        **argon2,
        "PASSWORD_RESET_MAX_AGE": _int(env, "PASSWORD_RESET_MAX_AGE", 3600),
        # Sessions and sign-in throttling (issue 15). A session ends after its idle time without a request
        # or its absolute lifetime, whichever comes first; "keep me signed in" has longer ones of each.
        "SESSION_IDLE_MINUTES": _int(env, "SESSION_IDLE_MINUTES", 120),
        "SESSION_ABSOLUTE_HOURS": _int(env, "SESSION_ABSOLUTE_HOURS", 24),
        "REMEMBER_IDLE_DAYS": _int(env, "REMEMBER_IDLE_DAYS", 14),
        "REMEMBER_DAYS": _int(env, "REMEMBER_DAYS", 30),
        "REMEMBER_COOKIE_DURATION": timedelta(days=_int(env, "REMEMBER_DAYS", 30)),
        # Wrong passwords from one address for one account before that address is refused for it (for
        # LOGIN_LOCKOUT_SECONDS, doubling with each further try); and for any accounts at all.
        "LOGIN_MAX_FAILURES": _int(env, "LOGIN_MAX_FAILURES", 5),
        "LOGIN_LOCKOUT_SECONDS": _int(env, "LOGIN_LOCKOUT_SECONDS", 15 * 60),
        "LOGIN_MAX_FAILURES_PER_ADDRESS": _int(env, "LOGIN_MAX_FAILURES_PER_ADDRESS", 30),
        # The last resort against guessing spread over many addresses: the account then takes its right
        # password only from a browser it was signed in on before (or after a reset).
        "LOGIN_ACCOUNT_MAX_FAILURES": _int(env, "LOGIN_ACCOUNT_MAX_FAILURES", 100),
        "RATELIMIT_LOGIN": env.get("RATELIMIT_LOGIN") or "20 per minute;200 per hour",
        # The queue
        "QUEUE_NAME": env.get("QUEUE_NAME") or "default",
        "JOB_TIMEOUT": _int(env, "JOB_TIMEOUT", 120),
        "JOB_FAILURE_TTL": _int(env, "JOB_FAILURE_TTL", 24 * 3600),
        "JOB_RETRY_INTERVALS": [
            int(x) for x in (env.get("JOB_RETRY_INTERVALS") or "10,60,300").split(",") if x.strip()
        ],
        "EMAIL_MAX_ATTEMPTS": _int(env, "EMAIL_MAX_ATTEMPTS", 8),
        # Transactional emails of one kind waiting together go to SendGrid in one request, at most this many
        # (its limit is 1,000 per request).
        "EMAIL_BATCH_SIZE": min(max(_int(env, "EMAIL_BATCH_SIZE", 500), 1), 1000),
        # An email still "sending" this long after its claim, with no delivery event from SendGrid (when its
        # event webhook is set up), never got there and is sent again.
        "EMAIL_RECONCILE_SECONDS": _int(env, "EMAIL_RECONCILE_SECONDS", 900),
        "SWEEP_INTERVAL": _int(env, "SWEEP_INTERVAL", 60),
        "SWEEP_GRACE_SECONDS": _int(env, "SWEEP_GRACE_SECONDS", 30),
        # Workers: processes per `worker.py`, and when one is replaced by a fresh one (bounds any leak).
        "WORKER_PROCESSES": max(_int(env, "WORKER_PROCESSES", 1), 1),
        "WORKER_MAX_JOBS": _int(env, "WORKER_MAX_JOBS", 5000),
        "WORKER_MAX_MEMORY_MB": _int(env, "WORKER_MAX_MEMORY_MB", 512),
        # Workers of their own for the story check (the scan queue), beside the ordinary ones; 0 runs none
        # (another host's `worker.py --queues scan` serves it).
        "WORKER_SCAN_PROCESSES": max(_int(env, "WORKER_SCAN_PROCESSES", 1), 0),
        # Workers and the scheduler beat this often; three missed beats and /healthz/details says lost.
        "HEARTBEAT_INTERVAL": max(_int(env, "HEARTBEAT_INTERVAL", 5), 1),
        # Renewed every second by the leader; at least 3 so a busy moment never loses it.
        "SCHEDULER_LOCK_SECONDS": max(_int(env, "SCHEDULER_LOCK_SECONDS", 30), 3),
        # /healthz/details answers 503 when the oldest job waiting on the urgent or email queue is older.
        "QUEUE_MAX_WAIT": _int(env, "QUEUE_MAX_WAIT", 60),
        # The bearer token a monitor sends for /healthz/details; unset, only administrators may see it.
        "HEALTH_TOKEN": env.get("HEALTH_TOKEN", ""),
        # Petitions and signing
        "SIGNATURE_TOKEN_MAX_AGE": _int(env, "SIGNATURE_TOKEN_MAX_AGE", 14 * 24 * 3600),
        "COUNT_ROLLUP_INTERVAL": _int(env, "COUNT_ROLLUP_INTERVAL", 2),
        # Seconds a public petition's page, sign form and JSON are served from the cache (0: never);
        # any change they show drops them at once (campaign/services/public_cache.py).
        "PUBLIC_CACHE_SECONDS": _int(env, "PUBLIC_CACHE_SECONDS", 2),
        "EMAIL_RETENTION_DAYS": _int(env, "EMAIL_RETENTION_DAYS", 30),
        # Who the privacy notice (/privacy) names as controller of people's data, and where to write about it.
        "PRIVACY_CONTROLLER_NAME": env.get("PRIVACY_CONTROLLER_NAME") or "Legal Action for Women",
        "PRIVACY_CONTACT_EMAIL": env.get("PRIVACY_CONTACT_EMAIL") or "privacy@supportnotseparation.example",
        # Where /.well-known/security.txt tells people to report a vulnerability (SECURITY.md).
        "SECURITY_CONTACT_EMAIL": env.get("SECURITY_CONTACT_EMAIL")
        or env.get("PRIVACY_CONTACT_EMAIL")
        or "privacy@supportnotseparation.example",
        "SIGN_LIMIT_PER_IP": _int(env, "SIGN_LIMIT_PER_IP", 20),
        "SIGN_LIMIT_PER_DOMAIN": _int(env, "SIGN_LIMIT_PER_DOMAIN", 500),
        "SIGN_LIMIT_WINDOW": _int(env, "SIGN_LIMIT_WINDOW", 3600),
        # At most one "confirm" or "already signed" email per address and petition in this many seconds.
        "SIGN_EMAIL_COOLDOWN_SECONDS": _int(env, "SIGN_EMAIL_COOLDOWN_SECONDS", 900),
        "SIGN_LIMIT_FREE_DOMAINS": _csv(
            env,
            "SIGN_LIMIT_FREE_DOMAINS",
            "gmail.com,googlemail.com,hotmail.com,"
            "hotmail.co.uk,outlook.com,live.co.uk,yahoo.com,yahoo.co.uk,icloud.com,"
            "btinternet.com,aol.com,protonmail.com,proton.me,sky.com",
        ),
        "BLOCKED_EMAIL_DOMAINS": _csv(
            env,
            "BLOCKED_EMAIL_DOMAINS",
            "mailinator.com,guerrillamail.com,10minutemail.com,trashmail.com,yopmail.com",
        ),
        "ANONYMISE_AFTER_DAYS": _int(env, "ANONYMISE_AFTER_DAYS", 182),
        "PETITION_DEFAULT_DAYS": _int(env, "PETITION_DEFAULT_DAYS", 182),
        # Stories: how long a raw submission, and a rejected or withdrawn story, is kept before it is purged.
        "STORY_RETENTION_DAYS": _int(env, "STORY_RETENTION_DAYS", 30),
        "STORY_DRAFT_DAYS": _int(env, "STORY_DRAFT_DAYS", 30),
        "STORY_MAX_WORDS": _int(env, "STORY_MAX_WORDS", 2500),
        # The most a story's text may weigh, in bytes (UTF-8), whatever its words: bounds the check's work.
        "STORY_MAX_BYTES": max(_int(env, "STORY_MAX_BYTES", 60_000), 1000),
        # The automatic check: seconds one run may take, and runs before the story goes to a moderator marked
        # "check failed" to be read without it.
        "STORY_SCAN_TIMEOUT": max(_int(env, "STORY_SCAN_TIMEOUT", 60), 1),
        "STORY_SCAN_ATTEMPTS": max(_int(env, "STORY_SCAN_ATTEMPTS", 3), 1),
        # The coalition: how long an invitation or a new account's set-up link works; the largest logo.
        "INVITE_MAX_AGE": _int(env, "INVITE_MAX_AGE", 7 * 24 * 3600),
        "LOGO_MAX_BYTES": _int(env, "LOGO_MAX_BYTES", 1024 * 1024),
        # Bulk email
        "CAMPAIGN_BATCH_SIZE": min(
            _int(env, "CAMPAIGN_BATCH_SIZE", 1000), 1000
        ),  # SendGrid's limit per request
        "CAMPAIGN_MAX_ATTEMPTS": _int(env, "CAMPAIGN_MAX_ATTEMPTS", 5),
        "CAMPAIGN_PAUSE_AFTER_FAILURES": _int(env, "CAMPAIGN_PAUSE_AFTER_FAILURES", 3),
        "CAMPAIGN_DISPATCH_INTERVAL": _int(env, "CAMPAIGN_DISPATCH_INTERVAL", 5),
        # Requests one job has waiting on SendGrid at once, and batches per job.
        "CAMPAIGN_SEND_CONCURRENCY": max(_int(env, "CAMPAIGN_SEND_CONCURRENCY", 8), 1),
        "CAMPAIGN_BATCHES_PER_JOB": max(_int(env, "CAMPAIGN_BATCHES_PER_JOB", 25), 1),
        # A batch still "sending" this long after its claim lost its worker; without a "processed" event
        # from SendGrid by BATCH_RECONCILE_SECONDS it was never accepted and is sent again.
        "BATCH_STALE_SECONDS": _int(env, "BATCH_STALE_SECONDS", 300),
        "BATCH_RECONCILE_SECONDS": _int(env, "BATCH_RECONCILE_SECONDS", 900),
        "CAMPAIGN_TIMEZONE": _zone(env, "CAMPAIGN_TIMEZONE"),
        # The zone the scheduler reads its crontab lines in: a nightly job stays at its time on the clocks.
        "SCHEDULE_TIMEZONE": _zone(env, "SCHEDULE_TIMEZONE"),
    }
