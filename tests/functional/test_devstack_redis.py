"""Each checkout's `make run` has its own Redis: a socket in its instance folder, which the processes it
starts and any `flask` command typed there find by themselves. A fixed port let a second checkout run its
jobs against the first one's database."""

from campaign import create_app
from campaign.devstack import own_redis
from campaign.queue import get_redis


def _dev_app(instance):
    return create_app(environ={"APP_ENV": "development", "INSTANCE_PATH": str(instance)})


def test_two_checkouts_get_two_redis_and_a_second_start_reuses_its_own(tmp_path_factory):
    first, second = tmp_path_factory.mktemp("one"), tmp_path_factory.mktemp("two")
    first_app, second_app = _dev_app(first), _dev_app(second)
    assert first_app.config["REDIS_URL"] != second_app.config["REDIS_URL"]
    assert str(first) in first_app.config["REDIS_URL"]

    started = [own_redis(first), own_redis(second)]
    try:
        assert all(started)
        assert [s.url for s in started] == [first_app.config["REDIS_URL"], second_app.config["REDIS_URL"]]
        assert own_redis(first) is None  # a second `make run` in the first checkout shares its Redis

        get_redis(first_app).set("whose", "first")
        assert get_redis(second_app).get("whose") is None
        assert _dev_app(first).extensions["redis"].get("whose") == b"first"
    finally:
        for server in started:
            if server:
                server.stop()
