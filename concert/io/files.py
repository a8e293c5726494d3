"""Writing output files safely: never over the input, whole or not at all.

Every file an export, a template or a report writes goes through
:func:`atomic_paths`: the content is written to a hidden temporary file beside
the target (``.NAME.xxxx.part.EXT``), which replaces the target only once every
file of the output is complete. A failure (disk full, no permission, a crash)
leaves the target as it was and no partial file behind.

:func:`check_output` refuses, before anything is written, an output that is
one of the files to protect (the database being read, or its ``-wal``,
``-shm`` and ``-journal`` companions, however the path is spelt), a folder
where a file is expected and a file where a folder is expected.

Errors are :class:`OutputError`, whose message is a translation key and its values,
rendered in the language asked for (``text(lang)``; :mod:`concert._errors`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from concert._errors import ConcertError, Message

__all__ = ["OutputError", "atomic_path", "atomic_paths", "check_output", "os_reason",
           "same_file"]

COMPANIONS = ("", "-wal", "-shm", "-journal")
REASONS = {errno.ENOSPC: "enospc", errno.EDQUOT: "enospc", errno.EACCES: "eacces",
           errno.EPERM: "eacces", errno.EROFS: "erofs", errno.ENOENT: "enoent",
           errno.ENOTDIR: "enotdir", errno.EISDIR: "eisdir", errno.EFBIG: "efbig"}


class OutputError(ConcertError):
    """An output that may not or could not be written; nothing was written."""


def os_reason(exc: BaseException) -> Any:
    """The reason of a failed file operation.

    A :class:`~concert._errors.Message` for the common causes (rendered in the language
    of the message that quotes it), else the system's text.
    """
    code = getattr(exc, "errno", None)
    if code in REASONS:
        return Message(f"files.reason.{REASONS[code]}")
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def same_file(a: str | Path, b: str | Path) -> bool:
    """True if ``a`` and ``b`` name the same file (after resolving links and ``..``)."""
    a, b = Path(a), Path(b)
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _protected(protect: Iterable[str | Path]) -> list[tuple[Path, Path]]:
    """Each protected file and companion, with the file it belongs to."""
    return [(Path(f"{p}{suffix}"), Path(p)) for p in protect for suffix in COMPANIONS]


def check_output(out: str | Path, *, protect: Iterable[str | Path] = (),
                 folder: bool = False) -> Path:
    """Refuse an output path before anything is written.

    Parameters
    ----------
    out : str or Path
        The file (or folder, with ``folder=True``) to write.
    protect : iterable of path
        Files never to write over, with their ``-wal``, ``-shm`` and ``-journal``
        companions: the database being read.
    folder : bool
        The output is a folder (a CSV export) rather than a file.

    Returns
    -------
    Path
        ``out`` as a path.

    Raises
    ------
    OutputError
        If ``out`` is a protected file, a folder where a file is expected, or a file
        where a folder is expected.
    """
    out = Path(out)
    for companion, db in _protected(protect):
        if same_file(out, companion):
            raise OutputError("files.out_is_input", out=out, db=db)
    if folder:
        if out.exists() and not out.is_dir():
            raise OutputError("files.out_not_folder", out=out)
    elif out.is_dir():
        raise OutputError("files.out_is_folder", out=out)
    return out


def _make_folder(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; return those created, outermost first."""
    missing = []
    for p in (folder, *folder.parents):
        if p.exists() or p.is_symlink():
            break
        missing.append(p)
    folder.mkdir(parents=True, exist_ok=True)
    return missing[::-1]


def _temporary(path: Path) -> Path:
    # Keep the suffix last: some writers choose the format from it (Panel, templates).
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.part{path.suffix}")


@contextlib.contextmanager
def atomic_paths(paths: Sequence[str | Path], *, protect: Iterable[str | Path] = ()
                 ) -> Iterator[list[Path]]:
    """Give temporary paths to write; move them onto ``paths`` once all are written.

    Parameters
    ----------
    paths : sequence of path
        The files to write (missing parent folders are created, and removed again on
        failure).
    protect : iterable of path
        Files never to write over (see :func:`check_output`).

    Yields
    ------
    list of Path
        One temporary sibling per path, in order. Write each completely.

    Raises
    ------
    OutputError
        If a path is refused, or a file operation fails (disk full, permission...):
        the targets are left as they were and the temporary files are removed.

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "a.txt"
    >>> with atomic_paths([out]) as (tmp,):
    ...     _ = tmp.write_text("done", encoding="utf-8")
    >>> out.read_text(encoding="utf-8"), sorted(p.name for p in out.parent.iterdir())
    ('done', ['a.txt'])
    """
    protect = list(protect)
    targets = [check_output(p, protect=protect) for p in paths]
    created: list[Path] = []
    temps: list[Path] = []
    # The name a failure is reported under: the file, or the folder of a set of files.
    current = targets[0] if len(targets) == 1 else Path(os.path.commonpath(
        [t.parent for t in targets])) if targets else Path()
    try:
        for target in targets:
            if not target.parent.exists():
                created += _make_folder(target.parent)
            temps.append(_temporary(target))
        yield temps
        # Each target is replaced whole; all are written before the first is replaced.
        for tmp, target in zip(temps, targets, strict=True):
            os.replace(tmp, target)
    except BaseException as exc:
        for tmp in temps:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
        for folder in reversed(created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):
            raise OutputError("files.out_failed", out=current, reason=os_reason(exc)) from exc
        raise


@contextlib.contextmanager
def atomic_path(path: str | Path, *, protect: Iterable[str | Path] = ()) -> Iterator[Path]:
    """Like :func:`atomic_paths` for one file: yield its temporary path."""
    with atomic_paths([path], protect=protect) as (tmp,):
        yield tmp
