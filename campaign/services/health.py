from redis.exceptions import RedisError
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..extensions import db
from ..queue import get_queue, get_redis


def check_services() -> dict:
    report = {}
    try:
        db.session.execute(text("SELECT 1"))
        report["database"] = {"reachable": True, "backend": db.engine.dialect.name}
    except SQLAlchemyError as error:
        db.session.rollback()
        report["database"] = {"reachable": False, "error": type(error).__name__}
    try:
        get_redis().ping()
        report["redis"] = {"reachable": True, "queued_jobs": get_queue().count}
    except RedisError as error:
        report["redis"] = {"reachable": False, "error": type(error).__name__}
    return report
