"""Helpers shared by several test files: a region in a new file, one account per role, a
tree's path, a server's stop.

Imported as ``from _helpers import ...`` (``tests/`` is on the path through its conftest);
the fixture ``cheap_hashes`` that goes with the accounts is in ``tests/conftest.py``.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from concert.accounts import Account
from concert.store import Store

CODE = "capitale-nationale"
PASSWORD = "une phrase de passe"
def stored_file(path: Path, region: Any, user: str = "owner") -> Path:
    """Write ``region`` to a new store at ``path`` (saved by ``user``); return ``path``."""
    with Store(path, user=user) as store:
        store.save_region(region)
    return path


# One account per role: role -> (login name, organisation in the example region).
USERS = {"admin": ("anne", "cem"), "liaison": ("lise", "cem"),
         "committee": ("carl", "omhq"), "reader": ("rita", "ciusss-cn")}


def add_role_accounts(store, code: str = CODE) -> None:
    """Add the four accounts of :data:`USERS` to ``store``, each with :data:`PASSWORD`."""
    for role, (name, org) in USERS.items():
        store.add_account(Account(name, role, name.title(), code, org), PASSWORD)


def login(store, role: str):
    """The session of the account of ``role`` (see :data:`USERS`)."""
    return store.login(USERS[role][0], PASSWORD)


def path_to(tree, target: str) -> list[str]:
    """The answers from the tree's start to ``target`` (breadth first, own links only)."""
    from concert import framework as fw

    todo: list[tuple[str, list[str]]] = [(tree.start, [])]
    seen = {tree.start}
    while todo:
        step, answers = todo.pop(0)
        if step == target:
            return answers
        for link in tree.links_from(step):
            if link.target in seen or link.target == fw.TREE_END or \
                    link.target.startswith("tree:"):
                continue
            seen.add(link.target)
            todo.append((link.target, [*answers, link.answer]))
    raise AssertionError(target)


def stop(proc: subprocess.Popen, timeout: float = 20) -> None:
    """Stop a server started by a test: terminate, then kill if it does not end in time."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=timeout)
