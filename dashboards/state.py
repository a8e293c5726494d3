"""The dashboard's one source of truth: a :class:`param.Parameterized` state object.

Every page is a :class:`panel.viewable.Viewer` of a :class:`DashboardState`
(:mod:`dashboards.pages`). The state reads and writes the region only through the
library's public API (:class:`concert.Store`, :func:`concert.privacy.view`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import param

from concert import framework as fw
from concert import i18n, privacy, settings
from concert._errors import ConcertError, NotFoundError, StoreError, StoreVersionError
from concert.accounts import Session, require
from concert.indicators import Assessment
from concert.region import Region
from concert.store import Store
from dashboards._common import public_text, text_in
from dashboards.pages.registry import EDITING_PAGES, OPEN_PAGES, PAGES, REGISTRY, may_see

__all__ = ["EDITING_PAGES", "OPEN_PAGES", "PAGES", "DashboardState"]


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
    lang: param.Selector[str] = param.Selector(default="fr", objects=["fr", "en"],
                                               doc="Language of every label.")
    presentation = param.Boolean(default=False, doc="Large type, no editing controls.")
    anonymise = param.Boolean(default=False, doc="Replace organisation names by type labels.")
    page: param.Selector[str] = param.Selector(default="overview", objects=list(PAGES),
                                               doc="The page shown.")
    sectors = param.ListSelector(default=[], objects=[s.code for s in fw.SECTORS],
                                 doc="Map filter: sectors shown (empty: all).")
    agreement_types = param.ListSelector(default=["I", "II", "III"], objects=["I", "II", "III"],
                                         doc="Map filter: agreement types drawn.")
    committees = param.List(default=[], item_type=str,
                            doc="Map filter: committee ids (empty: all actors).")
    step = param.String(default="", doc=(
        "A next step (a criterion code) chosen on the next-steps page to adopt as an "
        "action: the plan page's form starts from it."))
    selected_actor = param.String(default=None, allow_None=True,
                                  doc="Actor id chosen on the map.")
    can_save = param.Boolean(default=True, constant=True,
                             doc="False when there is no store to save assessments to.")
    version = param.Integer(default=0, doc="Increases each time the region is (re)loaded.")
    author = param.String(default="", doc=(
        "Who saves, when the dashboard has no accounts: the name the change log shows "
        "(asked once per session by the forms)."))
    session = param.ClassSelector(class_=Session, default=None, allow_None=True, constant=True,
                                  doc="Who is signed in (named accounts); None: the file's "
                                  "owner (no accounts, or a notebook).")

    def __init__(self, *, store: Store | None = None, memory: bool = False,
                 **params: Any) -> None:
        region = params.pop("region", None)
        super().__init__(**params)
        self._store = store
        self._memory_seed = region if memory else None
        self._view: tuple[tuple[int, str, bool], Region] | None = None
        self._failure: BaseException | None = None
        # A store to write to; whether the session's role may write is the library's call
        # (can_save only hides the editing controls from a read-only role).
        self._has_store = store is not None or self.db_path is not None or (
            memory and region is not None)
        with param.edit_constant(self):
            self.can_save = self._has_store and (
                self.session is None or self.session.may("write"))
        if region is not None:
            self.region = region
            self.region_code = region.code
            self.version += 1
        else:
            self.reload()
        self.param.watch(self._region_chosen, "region_code")

    def _region_chosen(self, event: param.parameterized.Event) -> None:
        """Another region asked for (``?region=code`` in the address): load it."""
        if self.region is None or event.new != self.region.code:
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
            raise NotFoundError(i18n.t("cli.not_found_db", self.lang, db=path.name))
        with Store(path) as store:
            yield store

    @contextmanager
    def signed_in(self) -> Iterator[tuple[Store, Session | None]]:
        """The open store and the session bound to it (its role read again from the file).

        ``None`` for the file's owner. Every read of tenant codes and every write passes this
        session to the library, which refuses what its role does not allow.
        """
        with self._open() as store:
            yield store, (store.session(self.session.name) if self.session is not None
                          else None)

    def regions(self) -> list[tuple[str, str]]:
        """The regions of the store as ``(code, name)`` pairs.

        Empty without a store, or when the file cannot be read.
        """
        if not self._has_store:
            return [(self.region.code, self.region.name)] if self.region else []
        try:
            with self._open() as store:
                return store.regions()
        except Exception:  # noqa: BLE001 - a damaged file: reload() says why
            return []

    def reload(self) -> None:
        """Load the region again from the store (after a save, or to see others' changes).

        If it cannot be loaded (a missing, damaged or foreign file), :attr:`region` becomes
        ``None`` and :attr:`error` says why; nothing is raised.
        """
        if not self._has_store:
            self.version += 1
            return
        try:
            with self._open() as store:  # which region: the store's one rule
                region = store.load_region(self.region_code)
        except ConcertError as exc:
            self._failure = exc
            self.param.update(region=None, error=str(exc) or type(exc).__name__)
        except Exception as exc:  # noqa: BLE001 - e.g. sqlite3.DatabaseError: a damaged page
            self._failure = exc
            self.param.update(region=None, error=type(exc).__name__)
        else:
            self._failure = None
            self.param.update(region=region, region_code=region.code, error="")
        self._view = None
        self.version += 1

    def error_text(self, lang: str) -> str:
        """Why the region could not be loaded, in words a visitor may read.

        The store's message without the server's folders, or a sentence for a damaged file.
        """
        exc = self._failure
        if exc is None:
            return public_text(self.error, self.db_path)
        detail = public_text(text_in(exc, lang), self.db_path) or type(exc).__name__
        if isinstance(exc, ConcertError) and (not isinstance(exc, StoreError)
                                              or isinstance(exc, StoreVersionError)):
            return detail if text_in(exc, lang) else i18n.t("dash.no_region", lang)
        # Not a concert store, damaged (e.g. sqlite3.DatabaseError on a damaged page), locked.
        name = Path(self.db_path).name if self.db_path else ""
        return i18n.t("dash.load_damaged", lang, file=name, detail=detail.rstrip(". "))

    def add_assessment(self, assessment: Assessment) -> None:
        """Save ``assessment`` to the store, then reload the region.

        Raises
        ------
        concert.ConcertError
            If the store refuses it (invalid, duplicate id, locked or missing file); the
            region is then left as it was.
        """
        if not self._has_store:
            msg = "saving is disabled"
            raise StoreError(msg)
        with self.signed_in() as (store, session):
            assert self.region_code is not None  # set with every region loaded or given
            store.add_assessment(self.region_code, assessment, session=session)
        self.reload()

    def load_regions(self) -> list[Region]:
        """Every region of the store.

        Just this one without a store, or when the file cannot be read.
        """
        if not self._has_store:
            return [self.region] if self.region is not None else []
        try:
            with self._open() as store:
                return [store.load_region(code) for code, _ in store.regions()]
        except Exception:  # noqa: BLE001 - a damaged file shows what was loaded
            return [self.region] if self.region is not None else []

    def import_files(self, paths: list[Path], *, encoding: str = "auto",
                     sync: bool = False) -> Any:
        """Import files into the region (see :func:`concert.io.import_files`), then reload.

        Raises
        ------
        concert.io.ImportFailed
            With every problem; nothing was written.
        """
        from concert.io import import_files

        with self.signed_in() as (store, session):
            require(session, "write")  # the import writes no session to the audit trail
            report = import_files(store, paths, region=self.region_code, encoding=encoding,
                                  sync=sync)
        self.reload()
        return report

    # ------------------------------------------------------------------ views
    @property
    def view_region(self) -> Region | None:
        """The region as shown.

        :func:`concert.privacy.view`: anonymised when :attr:`anonymise` is on; otherwise
        with its agreements III under pseudonyms (their ids may come from tenant file
        numbers). Every page and download shows this region, never :attr:`region`.
        """
        if self.region is None:
            return None
        key = (self.version, self.lang, self.anonymise)
        if self._view is None or self._view[0] != key:
            shown = privacy.view(self.region, anonymise=self.anonymise, lang=self.lang,
                                 session=self.session)
            self._view = (key, shown)
        return self._view[1]

    def tenant_code_region(self) -> Region | None:
        """The region with its tenant codes, for a role allowed to see them (logged).

        Each call writes one row per entente III to the store's access log.

        Raises
        ------
        concert.AccessDenied
            If the session's role does not allow tenant codes (*comité*, *lecture*,
            *administration*); nothing is shown nor logged.
        """
        if self.region is None:
            return None
        if self.session is None:
            return privacy.view(self.region, tenant_codes=True)
        with self.signed_in() as (_store, session):
            return privacy.view(self.region, tenant_codes=True, session=session)

    @property
    def pages(self) -> tuple[str, ...]:
        """The pages offered, in menu order.

        Those whose audience admits the session (:func:`dashboards.pages.registry.may_see`:
        the registry's one rule), without the editing pages in presentation mode.
        """
        return tuple(p for p in PAGES if may_see(REGISTRY[p].audience, self.session)
                     and not (self.presentation and p in EDITING_PAGES))

    def today(self) -> dt.date:
        """Today's date (for default assessment dates)."""
        return settings.current_date()

    # ------------------------------------------------------------------ forms (issue 13)
    def read_store(self, fn: Callable[[Store], Any]) -> Any:
        """``fn(store)`` on the open store.

        For what a page reads that the region does not hold: the change log, a past state.
        """
        with self._open() as store:
            return fn(store)

    def write_store(self, fn: Callable[[Store], Any]) -> Any:
        """``fn(store)`` on the open store (a form's save), then reload the region.

        Without a session, the audit trail records :attr:`author` when it is given.

        Raises
        ------
        concert.ConcertError
            What the store refused (a rule, a conflict, a role); the region is reloaded
            only after a save.
        """
        if not self.can_save:
            msg = "saving is disabled"
            raise StoreError(msg)
        with self._open() as store:
            if self.session is None and self.author.strip():
                store.user = self.author.strip()
            out = fn(store)
        self.reload()
        return out

    def save_records(self, changes: list[tuple[Any, Any]]) -> Region:
        """Save records ``(base, record)`` of the region (:meth:`concert.Store.save_records`)."""
        session = self.session

        def save(store: Store) -> Region:
            assert self.region_code is not None  # set with every region loaded or given
            return store.save_records(self.region_code, changes, session=session)

        return self.write_store(save)

    def create_region(self, region: Region) -> None:
        """Save a new region (the "Nouvelle région" page), then show it.

        Creates the file if need be; refuses a code already used.
        """
        session = self.session
        if self._store is None and self._memory_seed is None and self.db_path is not None:
            with Store(Path(self.db_path), user=self.author.strip() or None) as store:
                store.save_region(region, replace=False, session=session)
        else:
            with self._open() as store:
                store.save_region(region, replace=False, session=session)
        self.region_code = region.code
        self.reload()
