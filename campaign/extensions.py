"""Extensions are created here unbound and bound to an app in create_app (the init_app pattern)."""

import logging
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, cast

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_sqlalchemy.session import Session as FlaskSession
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import CursorResult, MetaData, Select
from sqlalchemy.orm import DeclarativeBase

# Named constraints keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


log = logging.getLogger(__name__)


class QuietTeardownSQLAlchemy(SQLAlchemy):
    """Ends each request's session without letting a failure escape. After the database dropped the
    connection, the rollback that closing the session does can fail too; raised from a teardown it would
    replace the page the person was already given with the server's bare 500."""

    def _teardown_session(self, exc: BaseException | None) -> None:
        try:
            self.session.remove()
        except Exception as error:
            log.warning("Could not close the database session cleanly: %s", error)
            # remove() stops before forgetting a session whose close failed; this thread must not reuse it.
            self.session.registry.clear()


# The read replica (DATABASE_REPLICA_URL), a Flask-SQLAlchemy bind no model uses: only ReplicaSession picks it.
REPLICA = "replica"
# Set (campaign/web/replica.py) while a signed-out visitor's GET of a public page runs, and only then.
reading_replica: ContextVar[bool] = ContextVar("reading_replica", default=False)


class ReplicaSession(FlaskSession):
    """Sends a plain SELECT to the read replica while ``reading_replica`` is set and a replica is
    configured; everything else goes to the primary. Once this session has written anything (a flush, an
    UPDATE or DELETE, raw SQL, SELECT ... FOR UPDATE) it stays on the primary, so it reads its own writes."""

    def get_bind(self, mapper=None, clause=None, bind=None, **kwargs):
        if bind is None and reading_replica.get() and not self.info.get("wrote"):
            replica = self._db.engines.get(REPLICA)
            plain_select = isinstance(clause, Select) and clause._for_update_arg is None
            if replica is not None and plain_select and not self._flushing:
                return replica
            if clause is not None and not plain_select or self._flushing:
                self.info["wrote"] = True
        return super().get_bind(mapper=mapper, clause=clause, bind=bind, **kwargs)


db = QuietTeardownSQLAlchemy(model_class=Base, session_options={"class_": ReplicaSession})
if TYPE_CHECKING:
    # Flask-SQLAlchemy makes db.Model at run time; to a type checker it is the declarative base it extends.
    Model = Base
else:
    Model = db.Model
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
# Storage is Redis (set from REDIS_URL in create_app). If Redis is unreachable the limiter lets requests
# through rather than taking the site down; the per-account login lockout still lives in the database.
# The sliding window counter: two counters per key and one round trip, where the moving window keeps a
# timestamp per request (up to 1,200 for the busiest limit) and walks them on every check.
limiter = Limiter(key_func=get_remote_address, swallow_errors=True, strategy="sliding-window-counter")


def rowcount(result: Any) -> int:
    """How many rows an UPDATE or DELETE touched. Session.execute() is typed as returning a Result; for
    these statements it is a CursorResult, which carries the count."""
    return cast(CursorResult, result).rowcount
