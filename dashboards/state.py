"""The dashboard's one source of truth: a :class:`param.Parameterized` state object.

Every page is a function (or a :class:`panel.viewable.Viewer`) of a
:class:`DashboardState`. The state reads and writes the region only through the
library's public API (:class:`concert.Store`, :func:`concert.privacy.anonymise_region`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import param

from concert import framework as fw
from concert import settings
from concert._errors import ConcertError, NotFoundError, StoreError
from concert.indicators import Assessment
from concert.privacy import anonymise_region
from concert.region import Region
from concert.store import Store

__all__ = ["PAGES", "DashboardState"]

PAGES = ("overview", "map", "agreements", "assessment", "history", "next_steps", "analysis",
         "changes", "data")
"""The pages, in menu order (slugs used in the URL: ``?page=map``)."""

EDITING_PAGES = ("assessment",)
"""Pages hidden in presentation mode."""


class DashboardState(param.Parameterized):
    """What a dashboard session shows: the region, the language, the page and the filters.

    Parameters
    ----------
    db_path : str, optional
        The SQLite file of the :class:`concert.Store`. Without it, pass ``store`` (an
        in-memory store) or ``region`` (saving is then disabled).
    region_code : str, optional
        The region to show; default the only (or first) region of the store.
    store : concert.Store, optional
        An open store to use instead of ``db_path`` (e.g. ``Store(memory=True)``).

    Examples
    --------
    >>> from concert.example import capitale_nationale
    >>> s = DashboardState(region=capitale_nationale(), lang="en")
    >>> s.can_save, s.region.code
    (False, 'capitale-nationale')
    """

    db_path = param.String(default=None, allow_None=True, doc="SQLite file of the store.")
    region_code = param.String(default=None, allow_None=True, doc="Code of the region shown.")
    region = param.ClassSelector(class_=Region, default=None, allow_None=True,
                                 doc="The region, as loaded from the store.")
    error = param.String(default="", doc="Why the region could not be loaded, if it could not.")
    lang = param.Selector(default="fr", objects=["fr", "en"], doc="Language of every label.")
    presentation = param.Boolean(default=False, doc="Large type, no editing controls.")
    anonymise = param.Boolean(default=False, doc="Replace organisation names by type labels.")
    page = param.Selector(default="overview", objects=list(PAGES), doc="The page shown.")
    sectors = param.ListSelector(default=[], objects=[s.code for s in fw.SECTORS],
                                 doc="Map filter: sectors shown (empty: all).")
    agreement_types = param.ListSelector(default=["I", "II", "III"], objects=["I", "II", "III"],
                                         doc="Map filter: agreement types drawn.")
    committees = param.List(default=[], item_type=str,
                            doc="Map filter: committee ids (empty: all actors).")
    selected_actor = param.String(default=None, allow_None=True,
                                  doc="Actor id chosen on the map.")
    can_save = param.Boolean(default=True, constant=True,
                             doc="False when there is no store to save assessments to.")
    version = param.Integer(default=0, doc="Increases each time the region is (re)loaded.")
    draft = param.Parameter(default=None, doc="The self-assessment form's values, kept across "
                            "re-renders (language switch, failed save).")
    notice = param.String(default="", doc="The data page's last message (HTML), kept across "
                          "the re-render that follows an import.")

    def __init__(self, *, store: Store | None = None, memory: bool = False,
                 **params: Any) -> None:
        region = params.pop("region", None)
        super().__init__(**params)
        self._store = store
        self._memory_seed = region if memory else None
        self._anon: tuple[tuple[int, str], Region] | None = None
        with param.edit_constant(self):
            self.can_save = store is not None or self.db_path is not None or (
                memory and region is not None)
        if region is not None:
            self.region = region
            self.region_code = region.code
            self.version += 1
        else:
            self.reload()

    # ------------------------------------------------------------------ store
    @contextmanager
    def _open(self) -> Iterator[Store]:
        if self._store is None and self._memory_seed is not None:
            # Created on first use, in the thread that uses it (sqlite connections are
            # bound to their thread): the server's, or the notebook kernel's.
            self._store = Store(memory=True)
            self._store.save_region(self._memory_seed)
        if self._store is not None:
            yield self._store
            return
        if self.db_path is None:
            msg = "no store"
            raise StoreError(msg)
        path = Path(self.db_path)
        if not path.exists():
            raise NotFoundError(str(path))
        with Store(path) as store:
            yield store

    def regions(self) -> list[tuple[str, str]]:
        """The regions of the store as ``(code, name)`` pairs (empty without a store)."""
        if not self.can_save:
            return [(self.region.code, self.region.name)] if self.region else []
        try:
            with self._open() as store:
                return store.regions()
        except ConcertError:
            return []

    def reload(self) -> None:
        """Load the region again from the store (after a save, or to see others' changes)."""
        if not self.can_save:
            self.version += 1
            return
        try:
            with self._open() as store:
                code = self.region_code
                if code is None:
                    codes = [c for c, _ in store.regions()]
                    if not codes:
                        raise NotFoundError("")
                    code = codes[0]
                region = store.load_region(code)
        except ConcertError as exc:
            self.param.update(region=None, error=str(exc) or type(exc).__name__)
        else:
            self.param.update(region=region, region_code=region.code, error="")
        self._anon = None
        self.version += 1

    def add_assessment(self, assessment: Assessment) -> None:
        """Save ``assessment`` to the store, then reload the region.

        Raises
        ------
        concert.ConcertError
            If the store refuses it (invalid, duplicate id, locked or missing file); the
            region is then left as it was.
        """
        if not self.can_save:
            msg = "saving is disabled"
            raise StoreError(msg)
        with self._open() as store:
            store.add_assessment(self.region_code, assessment)
        self.reload()

    def load_regions(self) -> list[Region]:
        """Every region of the store (just this one without a store)."""
        if not self.can_save:
            return [self.region] if self.region is not None else []
        try:
            with self._open() as store:
                return [store.load_region(code) for code, _ in store.regions()]
        except ConcertError:
            return [self.region] if self.region is not None else []

    def import_files(self, paths: list[Path], *, encoding: str = "utf-8") -> Any:
        """Import files into the region (see :func:`concert.io.import_files`), then reload.

        Raises
        ------
        concert.io.ImportFailed
            With every problem; nothing was written.
        """
        from concert.io import import_files

        with self._open() as store:
            report = import_files(store, paths, region=self.region_code, encoding=encoding)
        self.reload()
        return report

    def backup(self, out: Path) -> Path:
        """A consistent copy of the store at ``out`` (SQLite's backup API)."""
        with self._open() as store:
            return store.backup(out)

    # ------------------------------------------------------------------ views
    @property
    def view_region(self) -> Region | None:
        """The region as shown: anonymised when :attr:`anonymise` is on."""
        if self.region is None or not self.anonymise:
            return self.region
        key = (self.version, self.lang)
        if self._anon is None or self._anon[0] != key:
            self._anon = (key, anonymise_region(self.region, lang=self.lang))
        return self._anon[1]

    @property
    def pages(self) -> tuple[str, ...]:
        """The pages offered: without the editing pages in presentation mode."""
        if self.presentation:
            return tuple(p for p in PAGES if p not in EDITING_PAGES)
        return PAGES

    def today(self) -> dt.date:
        """Today's date (for default assessment dates)."""
        return settings.current_date()
