"""Serving without a server: the login throttle, client keys, origins and ``concert serve``'s
options and messages (the live server is in ``test_serve_password.py``)."""

from __future__ import annotations

from string import Formatter

import pytest
from _helpers import stored_file
from click.testing import CliRunner

import dashboards.app
from concert import Store, i18n
from concert.cli import cli
from concert.example import capitale_nationale
from dashboards import serving
from dashboards.serving import LoginThrottle, client_key, normalise_origin, websocket_origins


class Clock:
    """A fake monotonic clock."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# ------------------------------------------------------------------------- throttle
def test_throttle_doubles_the_lock_out_up_to_its_cap():
    clock = Clock()
    throttle = LoginThrottle(free_failures=5, base_delay=1, max_delay=300, clock=clock)
    delays = []
    for _ in range(20):
        assert throttle.wait("a") == 0  # the attacker waits out every lock-out
        delays.append(throttle.failure("a"))
        clock.now += delays[-1]
    assert delays[:5] == [0] * 5
    assert delays[5:14] == [1, 2, 4, 8, 16, 32, 64, 128, 256]
    assert delays[14:] == [300] * 6


def test_throttle_refuses_during_the_lock_out_and_forgets_on_success():
    clock = Clock()
    throttle = LoginThrottle(free_failures=2, base_delay=10, clock=clock)
    for _ in range(3):
        throttle.failure("a")
    assert throttle.wait("a") == 10 and throttle.wait("b") == 0
    clock.now += 4
    assert throttle.wait("a") == 6
    clock.now += 6
    assert throttle.wait("a") == 0
    throttle.success("a")
    assert throttle.failure("a") == 0  # counting starts afresh
    assert len(throttle) == 1


def test_throttle_forgets_a_quiet_address():
    clock = Clock()
    throttle = LoginThrottle(free_failures=1, forget_after=3600, clock=clock)
    throttle.failure("a")
    assert throttle.failure("a") == 1
    clock.now += 3600
    assert throttle.wait("a") == 0 and len(throttle) == 0
    assert throttle.failure("a") == 0


def test_throttle_memory_is_bounded_and_keeps_the_freshest():
    clock = Clock()
    throttle = LoginThrottle(free_failures=0, base_delay=1000, max_addresses=100, clock=clock)
    for i in range(10_000):
        clock.now += 0.001
        throttle.failure(f"10.0.{i // 256}.{i % 256}")
    assert len(throttle) == 100
    assert throttle.wait("10.0.39.15") > 0  # the last address seen is still locked out
    assert throttle.wait("10.0.38.172") > 0  # the 100th last too
    assert throttle.wait("10.0.38.171") == 0  # older ones were dropped, lock-out and all


def test_client_key_groups_an_ipv6_host_by_its_network():
    assert client_key("2001:db8:1:2::1") == client_key("2001:db8:1:2:ffff:1:2:3")
    assert client_key("2001:db8:1:2::1") != client_key("2001:db8:1:3::1")
    assert client_key("::ffff:203.0.113.9") == client_key("203.0.113.9") == "203.0.113.9"
    assert client_key("203.0.113.9") != client_key("203.0.113.10")
    assert client_key(None) == ""


def test_provider_refuses_an_empty_password_or_user():
    with pytest.raises(ValueError):
        serving.PasswordAuthProvider("")
    with pytest.raises(ValueError):
        serving.PasswordAuthProvider("s3cret", user="  ")


# ------------------------------------------------------------------------- origins
def test_origins_on_loopback_are_localhost_only():
    assert websocket_origins("127.0.0.1", 5006) == ["127.0.0.1:5006", "localhost:5006"]
    assert websocket_origins("localhost", 80) == ["127.0.0.1:80", "localhost:80"]
    assert serving.origin_warning("127.0.0.1", 5006) is None


def test_origins_default_to_the_address_or_the_machine(monkeypatch):
    assert "192.0.2.4:5006" in websocket_origins("192.0.2.4", 5006)
    monkeypatch.setattr(serving, "machine_addresses", lambda: ["poste-12", "192.0.2.9"])
    assert websocket_origins("0.0.0.0", 5006) == ["127.0.0.1:5006", "192.0.2.9:5006",
                                                  "localhost:5006", "poste-12:5006"]
    # Origins given replace the default: the wildcard address is never guessed then.
    assert websocket_origins("0.0.0.0", 5006, ["tableau.example.org"]) == [
        "127.0.0.1:5006", "localhost:5006", "tableau.example.org"]


@pytest.mark.parametrize(("value", "expected"), [
    ("Tableau.Example.org", "tableau.example.org"),
    ("https://tableau.example.org/concert/", "tableau.example.org"),
    ("http://192.168.1.20:5006", "192.168.1.20:5006"),
    ("192.168.*.*:5006", "192.168.*.*:5006"),
])
def test_origin_values_are_normalised(value, expected):
    assert normalise_origin(value) == expected


@pytest.mark.parametrize("value", ["", "[::1]:5006", "host:port", "host:70000", "a b",
                                   "exemple.org:5006:1"])
def test_bad_origin_values_are_refused_with_a_message(value):
    with pytest.raises(ValueError, match="--allow-origin"):
        normalise_origin(value)


# ------------------------------------------------------------------------- concert serve
@pytest.fixture
def db(tmp_path):
    return stored_file(tmp_path / "cn.db", capitale_nationale())


@pytest.fixture
def served(monkeypatch):
    """Replace the blocking server by a recorder of its arguments."""
    calls: list[dict] = []
    monkeypatch.setattr(dashboards.app, "serve", lambda db, **kw: calls.append(kw))
    monkeypatch.setattr(serving, "machine_addresses", lambda: ["poste-12", "192.0.2.9"])
    return calls


def test_serve_on_all_addresses_warns_how_to_allow_origins(db, served):
    result = CliRunner().invoke(cli, ["serve", str(db), "--address", "0.0.0.0",
                                      "--port", "5999", "--password", "x"])
    assert result.exit_code == 0, result.output
    assert "Attention : le tableau de bord écoute sur 0.0.0.0" in result.stderr
    assert "192.0.2.9:5999" in result.stderr and "--allow-origin NOM[:PORT]" in result.stderr
    assert served[0]["allow_origin"] == [] and served[0]["address"] == "0.0.0.0"

    english = CliRunner().invoke(cli, ["serve", str(db), "--address", "0.0.0.0", "--port",
                                       "5999", "--lang", "en", "--password", "x"])
    assert english.exit_code == 0
    assert "Warning: the dashboard listens on 0.0.0.0" in english.stderr
    assert "--allow-origin NAME[:PORT]" in english.stderr
    assert "without --password" not in english.stderr


def test_serve_beyond_localhost_without_a_password_is_refused(db, served):
    before = db.read_bytes()
    result = CliRunner().invoke(cli, ["serve", str(db), "--address", "0.0.0.0",
                                      "--port", "5999"])
    assert result.exit_code == 1 and served == []
    assert result.stderr.startswith("Erreur : Refusé : hors de localhost (0.0.0.0), quiconque")
    assert "--password (ou CONCERT_PASSWORD)" in result.stderr
    assert f"concert user add {db} NOM --role admin" in result.stderr
    assert "Traceback" not in result.output
    english = CliRunner().invoke(cli, ["serve", str(db), "--address", "192.0.2.9",
                                       "--lang", "en"])
    assert english.exit_code == 1 and served == []
    assert "Refused: beyond localhost (192.0.2.9)" in english.stderr
    assert db.read_bytes() == before
    # Loopback addresses need nothing, as before.
    for address in ("127.0.0.1", "::1", "localhost"):
        assert CliRunner().invoke(cli, ["serve", str(db), "--address", address]).exit_code == 0
    assert len(served) == 3


def test_accounts_open_the_network_only_once_the_dashboard_signs_in_with_them(
        db, served, monkeypatch):
    from concert.accounts import Account

    args = ["serve", str(db), "--address", "0.0.0.0", "--port", "5999"]
    monkeypatch.setattr(serving, "ACCOUNTS_LOGIN", True, raising=False)
    assert CliRunner().invoke(cli, args).exit_code == 1  # a file without accounts
    with Store(db) as store:
        store.add_account(Account("admin", "admin", region="capitale-nationale",
                                  organisation="cem"), "une phrase de passe")
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert served[0]["password"] is None and served[0]["address"] == "0.0.0.0"
    # While the dashboard's login does not check the accounts, they protect nothing.
    monkeypatch.setattr(serving, "ACCOUNTS_LOGIN", False)
    refused = CliRunner().invoke(cli, args)
    assert refused.exit_code == 1 and "Refusé" in refused.stderr and len(served) == 1


def test_serve_passes_user_password_and_origins(db, served):
    result = CliRunner().invoke(cli, [
        "serve", str(db), "--address", "0.0.0.0", "--password", "s3cret", "--user", "cogestion",
        "--allow-origin", "https://tableau.example.org", "--allow-origin", "192.0.2.9:5006"])
    assert result.exit_code == 0, result.output
    assert "Attention" not in result.stderr
    assert served[0]["password"] == "s3cret" and served[0]["user"] == "cogestion"
    assert served[0]["allow_origin"] == ["tableau.example.org", "192.0.2.9:5006"]


def test_serve_on_loopback_says_nothing(db, served):
    result = CliRunner().invoke(cli, ["serve", str(db)])
    assert result.exit_code == 0 and result.stderr == ""
    assert served[0]["user"] == "comite" and served[0]["password"] is None


@pytest.mark.parametrize(("args", "env", "message"), [
    (["--password", ""], {}, "Le mot de passe est vide"),
    ([], {"CONCERT_PASSWORD": ""}, "Le mot de passe est vide"),
    (["--password", "x", "--user", " "], {}, "Le nom d’utilisateur (--user) est vide"),
    (["--allow-origin", "http://[::1]:5006"], {}, "--allow-origin http://[::1]:5006 : attendu"),
])
def test_serve_refuses_bad_options_with_one_message(db, served, args, env, message):
    result = CliRunner(env=env).invoke(cli, ["serve", str(db), *args])
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.output
    assert served == []


def test_serve_on_a_taken_port_gives_one_message(db, monkeypatch):
    def taken(db, **kw):
        raise OSError(98, "Address already in use")

    monkeypatch.setattr(dashboards.app, "serve", taken)
    result = CliRunner().invoke(cli, ["serve", str(db), "--port", "5999"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Erreur : Impossible d’écouter sur 127.0.0.1, port 5999")
    assert not isinstance(result.exception, OSError)


def test_serving_messages_exist_in_both_languages():
    keys = [k for k in i18n.TEXT if k.startswith("serve.")]
    assert len(keys) >= 12
    for key in keys:
        french, english = i18n.TEXT[key]
        assert french != english, key
        fields = [{name for _, name, _, _ in Formatter().parse(text) if name}
                  for text in (french, english)]
        assert fields[0] == fields[1], key
