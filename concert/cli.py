"""The ``concert`` command: a thin layer over the library, in the style of sqlite-utils.

Every command opens the SQLite file, calls the library function of the same
name and prints the result in French (default) or English. The language is chosen
by ``--lang fr|en``, before or after the sub-command (``concert --lang en maturity
cn.db`` or ``concert maturity cn.db --lang en``), else by the ``CONCERT_LANG``
variable, else :data:`concert.settings.language`. Each command passes its language
to every text it renders (``text(lang)``, ``i18n.t(key, lang)``...): no process-wide
setting is changed. Library errors become a clear message and exit code 1.

The help, and click's own texts (usage, errors of the command line), come from the
translation table too: commands, options and arguments name their help by a key
of :data:`concert.i18n.TEXT`, and click's gettext calls are answered from the
``click.*`` entries while a command runs (see :func:`_click_gettext`).
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import gettext
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from concert import accounts, i18n, privacy, settings
from concert import framework as fw
from concert._errors import ConcertError, Joined, Message, ValidationError, printable
from concert.framework import UnknownCode
from concert.graph import region_to_graph, write_gexf, write_graphml, write_node_link
from concert.indicators import maturity, region_stage
from concert.io.files import atomic_path, check_output, os_reason
from concert.privacy import agreement_names, history_without_agreement_iii_ids
from concert.region import Region
from concert.retention import MAX_MONTHS
from concert.store import ACCESS_ACTIONS, Store

CONTEXT = {"help_option_names": ["-h", "--help"]}
LANGS = ("fr", "en")

# ------------------------------------------------------------------ language of click's texts
_LANG: contextvars.ContextVar[str | None] = contextvars.ContextVar("concert_cli_lang",
                                                                   default=None)
"""The language of click's own texts (help, usage errors) while ``concert`` runs; unset
outside it, where click's texts stay click's."""

# click's message ids (the English side of the ``click.*`` entries) -> translation key.
_CLICK_KEYS = {en: key for key, (_fr, en) in i18n.TEXT.items() if key.startswith("click.")}
_GETTEXT, _NGETTEXT = gettext.gettext, gettext.ngettext


def _env_lang() -> str | None:
    """``CONCERT_LANG`` when it names a language concert speaks."""
    value = os.environ.get("CONCERT_LANG", "")
    return value if value in LANGS else None


def _argv_lang(args: Sequence[str]) -> str | None:
    """The last ``--lang`` given on the command line (before ``--``), if valid."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in LANGS:
            found = value
    return found


def _cli_lang() -> str:
    """The language of click's texts: the running command's, else the settings'."""
    return _LANG.get() or settings.language


def _click_gettext(message: str) -> str:
    """Click's ``gettext``: its English message id, in the running command's language."""
    lang = _LANG.get()
    if lang is None:
        return _GETTEXT(message)
    key = _CLICK_KEYS.get(message)
    if key is None or lang == "en":
        return message
    return i18n.TEXT[key][0]


def _click_ngettext(singular: str, plural: str, n: int) -> str:
    """Click's ``ngettext``; in French, 0 and 1 take the singular."""
    lang = _LANG.get()
    if lang is None:
        return _NGETTEXT(singular, plural, n)
    one = n == 1 or (lang == "fr" and n == 0)
    return _click_gettext(singular if one else plural)


def _translate_click() -> None:
    """Answer click's gettext calls from the translation table.

    click marks its texts with ``gettext`` (``from gettext import gettext as _`` in each
    module) and leaves their translation to the application; a gettext catalogue would
    apply to the whole process and choose its language from the environment, so the
    module-level functions are replaced by ones that read the running command's
    language (and fall back to gettext's own outside a ``concert`` command).
    """
    for name in ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types",
                 "utils", "_termui_impl"):
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if getattr(module, "_", None) is _GETTEXT:
            module._ = _click_gettext  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is _NGETTEXT:
            module.ngettext = _click_ngettext  # type: ignore[attr-defined]


_translate_click()


def _say(text: str | None) -> str | None:
    """A help text or metavar in the language of click's texts.

    A key of the translation table is rendered; one of click's message ids is
    translated; anything else is shown as it is.
    """
    if not text:
        return text
    lang = _cli_lang()
    if text in i18n.TEXT:
        return i18n.t(text, lang)
    key = _CLICK_KEYS.get(text)
    if key is not None and lang == "fr":
        return i18n.TEXT[key][0]
    return text


def _said(name: str) -> property:
    """An attribute (``help``, ``metavar``) given as a translation key.

    It is read in the language of click's texts (:func:`_say`).
    """

    def get(self: Any) -> str | None:
        return _say(self.__dict__.get(name))

    def set_(self: Any, value: str | None) -> None:
        self.__dict__[name] = value

    return property(get, set_)


class _Text(click.types.StringParamType):
    @property
    def name(self) -> str:  # type: ignore[override]
        return i18n.t("click.type.text", _cli_lang())


class _Int(click.types.IntParamType):
    @property
    def name(self) -> str:  # type: ignore[override]
        return i18n.t("click.type.integer", _cli_lang())


class _Path(click.Path):
    @property
    def name(self) -> str:
        kind = "file" if self.file_okay and not self.dir_okay else (
            "directory" if self.dir_okay and not self.file_okay else "path")
        return i18n.t(f"click.type.{kind}", _cli_lang())

    @name.setter
    def name(self, value: str) -> None:  # click.Path.__init__ sets it in English
        pass


def _own_types(param: click.Parameter) -> None:
    """Give a parameter the types whose names read in the language of click's texts."""
    if type(param.type) is click.types.StringParamType:
        param.type = _Text()
    elif type(param.type) is click.types.IntParamType:
        param.type = _Int()


class _Option(click.Option):
    """An option whose help is a translation key."""

    help = _said("help")
    metavar = _said("metavar")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _own_types(self)


class _Argument(click.Argument):
    """An argument whose metavar is a translation key."""

    metavar = _said("metavar")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _own_types(self)


class _HelpOption(click.Option):
    """click's ``--help`` option, its help read in the language of click's texts."""

    help = _said("help")


class _Formatter(click.HelpFormatter):
    """Section headings in the language of click's texts ("Options :" in French)."""

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}"
                   f"{i18n.t('cli.heading', _cli_lang(), heading=heading)}\n")


class _Context(click.Context):
    formatter_class = _Formatter


class _Command(click.Command):
    """A command whose help is a translation key."""

    context_class = _Context
    help = _said("help")

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        # click builds the option once and keeps it: build it with click's message id,
        # and make it read its help in the language of each run.
        token = _LANG.set(None)
        try:
            option = super().get_help_option(ctx)
        finally:
            _LANG.reset(token)
        if option is not None and type(option) is click.Option:
            option.__class__ = _HelpOption
        return option


class _Group(_Command, click.Group):
    """The ``concert`` group.

    Its help, its commands' and click's texts are in the language of the command line
    (``--lang`` anywhere, ``CONCERT_LANG``, the settings).
    """

    command_class = _Command

    @property  # type: ignore[override]
    def subcommand_metavar(self) -> str | None:
        return _say("click.subcommand_metavar")

    @subcommand_metavar.setter
    def subcommand_metavar(self, value: str | None) -> None:
        pass

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        args = list(sys.argv[1:] if args is None else args)
        token = _LANG.set(_argv_lang(args) or _env_lang() or settings.language)
        try:
            return super().main(args, prog_name, complete_var=complete_var,
                                standalone_mode=standalone_mode, **extra)
        finally:
            _LANG.reset(token)


def option(*decls: str, **kwargs: Any) -> Callable[[Any], Any]:
    """``click.option`` whose ``help`` is a key of the translation table."""
    return click.option(*decls, cls=_Option, **kwargs)


def argument(name: str, metavar: str, **kwargs: Any) -> Callable[[Any], Any]:
    """``click.argument`` whose ``metavar`` is a key of the translation table."""
    return click.argument(name, cls=_Argument, metavar=metavar, **kwargs)


DB = argument("db", "cli.arg.db", type=_Path(dir_okay=False))
OUT = argument("out", "cli.arg.out", type=_Path(dir_okay=False))
REGION = option("--region", "region_code", default=None, help="cli.opt.region")


# ------------------------------------------------------------------ errors
def _sqlite_reason(exc: sqlite3.Error) -> Any:
    """SQLite's reason, in words of the message's language when it is a common one."""
    text = str(exc)
    return Message("files.reason.locked") if "locked" in text else text


class CliError(click.ClickException):
    """A command-line error, shown as "Erreur : ..." or "Error: ..." and exit code 1.

    ``what`` is a text (a :class:`~concert._errors.Message`, a concert error...) rendered
    in ``lang``, the command's language (set when the error leaves the command).
    """

    def __init__(self, what: Any, lang: str | None = None) -> None:
        self.what = what
        self.lang = lang
        super().__init__(self.format_message())

    def format_message(self) -> str:
        """The message in the command's language."""
        what = self.what
        return str(what.text(self.lang)) if hasattr(what, "text") else str(what)

    def show(self, file: Any = None) -> None:
        """Print "Erreur : ..." or "Error: ..." on the error stream."""
        click.echo(f"{i18n.t('cli.error', self.lang)} {self.format_message()}", err=True)


def lang_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--lang fr|en`` to a command; call it with its language as ``lang``.

    The language is the command's ``--lang``, else the one given before the sub-command,
    else ``CONCERT_LANG``, else :data:`concert.settings.language`. Library errors become
    a :class:`CliError` in that language.
    """

    @option("--lang", type=click.Choice(LANGS), default=None, help="cli.opt.lang")
    @click.pass_context
    @functools.wraps(f)
    def wrapper(ctx: click.Context, *args: Any, lang: str | None, **kwargs: Any) -> Any:
        lang = (lang or _outer_lang(ctx) or _env_lang() or settings.language)
        db = kwargs.get("db", "?")
        try:
            return f(*args, lang=lang, **kwargs)
        except CliError as exc:
            exc.lang = exc.lang or lang
            raise
        except ValidationError as exc:
            raise CliError(Joined([Message("cli.invalid"), exc], sep="\n"), lang) from exc
        except (ConcertError, UnknownCode) as exc:
            raise CliError(exc, lang) from exc
        except sqlite3.OperationalError as exc:  # locked, unreachable: not damage
            raise CliError(Message("files.access", path=db, reason=_sqlite_reason(exc)),
                           lang) from exc
        except sqlite3.DatabaseError as exc:  # a damaged page met while reading
            raise CliError(Message("files.damaged", db=db, detail=str(exc)), lang) from exc
        except OSError as exc:
            raise CliError(Message("files.access", path=exc.filename or db,
                                   reason=os_reason(exc)), lang) from exc

    return wrapper


def _outer_lang(ctx: click.Context) -> str | None:
    """The ``--lang`` given before the sub-command (``concert --lang en user list``)."""
    outer = ctx.parent
    while outer is not None:
        if outer.params.get("lang"):
            return str(outer.params["lang"])
        outer = outer.parent
    return None


def _existing(db: str) -> Path:
    path = Path(db)
    if not path.exists():
        raise CliError(Message("cli.not_found_db", db=db))
    return path


def _readable(db: str) -> Path:
    """The database a command only reads: it must exist and hold something.

    Checked before the store is opened, so that a read-only command never creates a
    file, nor writes a schema into an empty one.
    """
    path = _existing(db)
    if path.is_dir():
        raise CliError(Message("files.access", path=db, reason=Message("files.reason.eisdir")))
    if path.stat().st_size == 0:
        raise CliError(Message("cli.no_region", db=db))
    return path


def _load(db: str, region: str | None) -> Region:
    with Store(_readable(db)) as store:
        return store.load_region(region)


@click.group(cls=_Group, context_settings=CONTEXT, help="cli.help.main")
@option("--lang", type=click.Choice(LANGS), default=None, help="cli.opt.lang")
@click.version_option(package_name="concert", cls=_Option)
def cli(lang: str | None) -> None:
    """The ``concert`` command (its help is ``cli.help.main`` in the translation table)."""


@cli.command(context_settings=CONTEXT, help="cli.help.example")
@DB
@option("--replace/--no-replace", default=False, help="cli.opt.replace")
@lang_option
def example(db: str, replace: bool, lang: str) -> None:
    """Write the example region into ``db``."""
    from concert.example import capitale_nationale, example_calls

    region = capitale_nationale()
    with Store(db) as store:
        held = store.regions()
        if held and not replace:  # the README's first command, run again: keep their work
            click.echo(i18n.t("cli.example_kept", lang, db=db,
                              regions=", ".join(f"{c} ({n})" for c, n in held)))
            return
        store.save_region(region)
        store.add_calls(region.code, example_calls(), replace=True)
    click.echo(i18n.t("cli.example_written", lang, name=region.name, db=db,
                      actors=len(region.actors), agreements=len(region.agreements),
                      assessments=len(region.assessments)))


@cli.command(context_settings=CONTEXT, help="cli.help.init")
@DB
@option("--name", "name", required=True, help="cli.opt.region_name")
@option("--territories", required=True, help="cli.opt.territories")
@option("--code", default=None, help="cli.opt.code")
@option("--program", "program", default=None, help="cli.opt.program")
@lang_option
def init(db: str, name: str, territories: str, code: str | None, program: str | None,
         lang: str) -> None:
    """Create a new, empty region in ``db`` (help: ``cli.help.init``)."""
    from concert.start import new_region

    region = new_region(name, territories, code=code, program_name=program)
    with Store(db) as store:
        if store.has_region(region.code):
            raise CliError(Message("cli.init_exists", db=db, code=region.code))
        store.save_region(region, replace=False)
    click.echo(i18n.t("cli.init_written", lang, name=region.name, code=region.code, db=db,
                      territories=len(region.territories)))


def _write_region_file(db: str, out: str, region_code: str | None, lang: str,
                       write: Callable[..., Any], what: str) -> None:
    """Write one file made from a region, never onto the database, and say so.

    ``write(region, out, lang=..., protect=[db])`` writes it; ``what`` names it in words.
    """
    check_output(out, protect=[db])
    write(_load(db, region_code), out, lang=lang, protect=[db])
    click.echo(i18n.t("cli.exported", lang, what=what, out=out))


@cli.command(context_settings=CONTEXT, help="cli.help.directory")
@DB
@OUT
@REGION
@lang_option
def directory(db: str, out: str, region_code: str | None, lang: str) -> None:
    """Write the partner directory of a region as CSV or XLSX."""
    from concert.io.directory import write_directory

    _write_region_file(db, out, region_code, lang, write_directory,
                       i18n.t("directory.sheet", lang))


@cli.command(context_settings=CONTEXT, help="cli.help.calendar")
@DB
@OUT
@REGION
@lang_option
def calendar(db: str, out: str, region_code: str | None, lang: str) -> None:
    """Write the dates that fall due as an iCalendar file (.ics)."""
    from concert.io.ics import write_calendar

    _write_region_file(db, out, region_code, lang, write_calendar, i18n.t("ics.what", lang))


@cli.command(context_settings=CONTEXT, help="cli.help.regions")
@DB
@lang_option
def regions(db: str, lang: str) -> None:
    """List the regions of ``db``."""
    with Store(_readable(db)) as store:
        click.echo(i18n.t("cli.regions_header", lang, db=db))
        for code, name in store.regions():
            click.echo(f"  {code}\t{name}")


@cli.command("maturity", context_settings=CONTEXT, help="cli.help.maturity")
@DB
@REGION
@option("--assessment", default=None, help="cli.opt.assessment")
@option("--json", "as_json", is_flag=True, help="cli.opt.json")
@lang_option
def maturity_cmd(db: str, region_code: str | None, assessment: str | None,
                 as_json: bool, lang: str) -> None:
    """Show each indicator's stage and its reasons."""
    region = _load(db, region_code)
    if not region.assessments:
        raise CliError(Message("cli.no_assessment", region=region.code))
    ass = region.assessment(assessment)
    results = maturity(ass)
    overall = region_stage(results)
    if as_json:
        click.echo(json.dumps(_maturity_json(region, ass, results, overall, lang),
                              ensure_ascii=False, indent=2))
        return
    click.echo(i18n.t("cli.maturity_title", lang, region=region.name, date=ass.on.isoformat()))
    click.echo("")
    for r in results.values():
        lines = r.explain(lang).splitlines()
        click.echo(click.style(lines[0], bold=True))
        for line in lines[1:]:
            click.echo(f"  {line}")
        click.echo("")
    click.echo(click.style(i18n.t("cli.region_stage", lang, stage=overall.stage_label(lang)),
                           bold=True))
    for note in overall.notes:
        click.echo(f"  {note.text(lang)}")


def _maturity_json(region: Region, ass: Any, results: dict[str, Any],
                   overall: Any, lang: str) -> dict[str, Any]:
    return {
        "region": {"code": region.code, "name": region.name},
        "assessment": {"id": ass.id, "on": ass.on.isoformat(), "label": ass.label,
                       "respondents": len(ass.respondents)},
        "indicators": [r.to_dict(lang) for r in results.values()],
        "region_stage": overall.to_dict(lang),
    }


def _as_of(value: str) -> str:
    """``--as-of`` checked before anything is read: an ISO date or date and time."""
    try:
        dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise CliError(Message("cli.bad_as_of", value=value)) from exc
    return value


@cli.command(context_settings=CONTEXT, help="cli.help.export")
@DB
@argument("out", "cli.arg.out", type=_Path())  # a folder for CSV
@option("--format", "fmt", required=True,
        type=click.Choice(["csv", "xlsx", "json", "graphml", "gexf", "node-link"]),
        help="cli.opt.format")
@REGION
@option("--as-of", default=None, help="cli.opt.as_of")
@option("--include-tenant-codes", is_flag=True, help="cli.opt.export_tenant_codes")
@lang_option
def export(db: str, out: str, fmt: str, region_code: str | None, as_of: str | None,
           include_tenant_codes: bool, lang: str) -> None:
    """Export a region: data (CSV, Excel, JSON) or graph (GraphML, GEXF)."""
    from concert.io import write_csv, write_json, write_xlsx

    when = _as_of(as_of) if as_of else None
    check_output(out, protect=[db], folder=fmt == "csv")
    region = _load(db, region_code)
    if when is not None:
        with Store(_readable(db)) as store:
            region = store.region_as_of(region.code, when)
    region = privacy.view(region, tenant_codes=include_tenant_codes)
    if include_tenant_codes:  # codes leave the store: the access log says who, when, which
        codes = [g.id for g in region.agreements if g.type == "III"]
        if codes:
            with Store(_readable(db)) as store:
                store.log_access(region.code, codes, action="export")
    if fmt in ("csv", "xlsx", "json"):
        writers: dict[str, Callable[..., Any]] = {"csv": write_csv, "xlsx": write_xlsx,
                                                  "json": write_json}
        writer = writers[fmt]
        writer(region, out, tenant_codes=include_tenant_codes, protect=[db], lang=lang)
    else:
        G = region_to_graph(region, tenant_codes=include_tenant_codes)
        graph_writer = {"graphml": write_graphml, "gexf": write_gexf,
                        "node-link": write_node_link}[fmt]
        with atomic_path(out, protect=[db]) as tmp:
            graph_writer(G, tmp, lang=lang)
    click.echo(i18n.t("cli.exported", lang, what=fmt.upper(), out=out))


@cli.command("import", context_settings=CONTEXT, help="cli.help.import")
@DB
@argument("files", "cli.arg.files", nargs=-1, required=True, type=_Path())
@option("--region", "region_code", default=None, help="cli.opt.import_region")
@option("--name", default=None, help="cli.opt.name")
@option("--encoding", default="auto", help="cli.opt.encoding")
@option("--sync", is_flag=True, help="cli.opt.sync")
@lang_option
def import_cmd(db: str, files: tuple[str, ...], region_code: str | None, name: str | None,
               encoding: str, sync: bool, lang: str) -> None:
    """Import records from CSV, XLSX or JSON files, all or nothing."""
    from concert.io import ImportFailed, import_files

    bar: Any = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if total < 1000:
            return
        if bar is None:
            bar = click.progressbar(length=total, label=i18n.t("cli.importing", lang),
                                    file=None)
            bar.__enter__()
        bar.update(done - bar.pos)

    with Store(db) as store:
        try:
            report = import_files(store, files, region=region_code, name=name,
                                  encoding=encoding, progress=progress, sync=sync)
        except ImportFailed as exc:
            lines = [i18n.t("cli.import_failed", lang, n=len(exc.problems))]
            lines += [f"  {p.text(lang)}" for p in exc.problems[:200]]
            if len(exc.problems) > 200:
                lines.append(f"  … (+{len(exc.problems) - 200})")
            raise CliError("\n".join(lines), lang) from exc
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
    click.echo(i18n.t("cli.imported", lang, region=report.region,
                      added=sum(report.added.values()), updated=sum(report.updated.values()),
                      unchanged=sum(report.unchanged.values())))
    for new, old in report.renamed:
        click.echo(i18n.t("cli.renamed", lang, new=printable(new), old=printable(old)))
    if report.missing:
        # The list is shown first; with --sync the records it names are then retired.
        n = sum(len(v) for v in report.missing.values())
        click.echo(i18n.t("cli.missing", lang, n=n))
        for kind, keys in report.missing.items():
            note = "" if kind in report.retired or not sync else " " + i18n.t(
                "cli.not_retirable", lang)
            for key in keys:
                click.echo(f"  {i18n.t('kind.' + kind, lang)} {printable(key)}{note}")
    if report.retired:
        click.echo(i18n.t("cli.retired", lang, n=sum(len(v) for v in report.retired.values()),
                          on=settings.current_date().isoformat()))


@cli.command(context_settings=CONTEXT, help="cli.help.template")
@OUT
@lang_option
def template(out: str, lang: str) -> None:
    """Write an empty template to fill in."""
    from concert.io import write_template

    write_template(out, lang=lang)
    click.echo(i18n.t("cli.template", lang, out=out))


@cli.command(context_settings=CONTEXT, help="cli.help.backup")
@DB
@OUT
@lang_option
def backup(db: str, out: str, lang: str) -> None:
    """Make a consistent copy of ``db``."""
    check_output(out, protect=[db])
    with Store(_readable(db)) as store:
        store.backup(out)
    click.echo(i18n.t("cli.backup", lang, out=out))


@cli.command(context_settings=CONTEXT, help="cli.help.restore")
@argument("backup_file", "cli.arg.backup", type=_Path(dir_okay=False))
@DB
@option("--force", is_flag=True, help="cli.opt.force")
@lang_option
def restore(backup_file: str, db: str, force: bool, lang: str) -> None:
    """Restore ``db`` from a copy made by ``concert backup``."""
    _existing(backup_file)
    if Path(db).exists() and not force:
        raise CliError(Message("cli.restore_exists", db=db))
    Store.restore(backup_file, db)
    click.echo(i18n.t("cli.restored", lang, db=db, backup=backup_file))


HISTORY_KINDS = ("actor", "agreement", "committee", "membership", "tie", "assessment", "figure",
                 "action", "commitment")


@cli.command(context_settings=CONTEXT, help="cli.help.history")
@DB
@REGION
@option("--kind", default=None, type=click.Choice(HISTORY_KINDS), help="cli.opt.kind")
@option("--include-tenant-codes", is_flag=True, help="cli.opt.history_tenant_codes")
@lang_option
def history(db: str, region_code: str | None, kind: str | None,
            include_tenant_codes: bool, lang: str) -> None:
    """List the recorded changes (when, by whom, what)."""
    with Store(_readable(db)) as store:
        frame = store.history(region_code, kind=kind)
        if not include_tenant_codes:
            wanted = set(frame.loc[frame["kind"] == "agreement", "region"])
            frame = history_without_agreement_iii_ids(frame, store.load_regions(wanted))
    actions = {a: i18n.t(f"action.{a}", lang) for a in ("insert", "update", "delete")}
    kinds = {k: i18n.t(f"kind.{k}", lang) for k in (*HISTORY_KINDS, "region")}
    wide_action = max(map(len, actions.values()))
    wide_kind = max(map(len, kinds.values()))
    for at, user, region, action, kind_, key in frame[
            ["at", "user", "region", "action", "kind", "key"]].itertuples(index=False):
        action = actions.get(str(action), str(action))
        what = kinds.get(str(kind_), str(kind_))
        click.echo(f"{str(at)[:19]}  {user:<12} {region:<20} {action:<{wide_action}} "
                   f"{what:<{wide_kind}} {key}")


# ------------------------------------------------------------------ accounts
@cli.group("user", cls=_Group, context_settings=CONTEXT, help="cli.help.user")
@option("--lang", type=click.Choice(LANGS), default=None, help="cli.opt.lang")
def user(lang: str | None) -> None:
    """Manage the named accounts of a file (help: ``cli.help.user``)."""


NAME = argument("name", "cli.arg.name")


def _new_password(name: str, lang: str) -> str:
    """The new password: ``CONCERT_NEW_PASSWORD``, else asked twice without showing it.

    A password that breaks a rule is refused at once and asked again.
    """
    given = os.environ.get("CONCERT_NEW_PASSWORD")
    if given:
        problems = accounts.password_problems(given, name)
        if problems:
            raise CliError(Joined(problems, sep="\n"), lang)
        return given

    def checked(value: str) -> str:
        problems = accounts.password_problems(value, name)
        if problems:
            raise click.UsageError(Joined(problems, sep="\n").text(lang))
        return value

    suffix = " : " if lang == "fr" else ": "
    return str(click.prompt(i18n.t("cli.prompt.password", lang), hide_input=True,
                            confirmation_prompt=i18n.t("cli.prompt.repeat", lang),
                            value_proc=checked, prompt_suffix=suffix, err=True))


@user.command("add", context_settings=CONTEXT, help="cli.help.user_add")
@DB
@NAME
@option("--role", required=True, type=click.Choice(accounts.ROLES), help="cli.opt.role")
@option("--org", "organisation", default="", help="cli.opt.org")
@option("--region", "region_code", default=None, help="cli.opt.account_region")
@option("--display-name", default="", help="cli.opt.display_name")
@lang_option
def user_add(db: str, name: str, role: str, organisation: str, region_code: str | None,
             display_name: str, lang: str) -> None:
    """Add an account; its password is asked twice (or read from CONCERT_NEW_PASSWORD)."""
    with Store(db) as store:
        region = store.choose_region(region_code) if organisation else ""
        account = accounts.Account(name, role, display_name, region, organisation)
        store.check_new_account(account)  # before asking for a password
        store.add_account(account, _new_password(account.name, lang))
    click.echo(i18n.t("cli.user.added", lang, name=account.name,
                      role=accounts.role_label(role, lang)))


def _account_command(verb: str) -> Callable[[Any], Any]:
    """``concert user VERB DB NAME [--lang]``: a command on one account of ``db``."""
    def decorate(f: Any) -> Any:
        f = DB(NAME(lang_option(f)))
        return user.command(verb, context_settings=CONTEXT, help=f"cli.help.user_{verb}")(f)
    return decorate


@_account_command("remove")
def user_remove(db: str, name: str, lang: str) -> None:
    """Remove an account (never the last administrator)."""
    with Store(_existing(db)) as store:
        store.remove_account(name)
    click.echo(i18n.t("cli.user.removed", lang, name=accounts.normalise_name(name)))


@_account_command("passwd")
def user_passwd(db: str, name: str, lang: str) -> None:
    """Give an account a new password (an administrator's reset)."""
    with Store(_existing(db)) as store:
        account = store.account(name)  # before asking for a password
        store.set_password(account.name, _new_password(account.name, lang))
    click.echo(i18n.t("cli.user.password", lang, name=account.name))


@user.command("list", context_settings=CONTEXT, help="cli.help.user_list")
@DB
@lang_option
def user_list(db: str, lang: str) -> None:
    """List the accounts: login, role, name, organisation (never a password hash)."""
    with Store(_existing(db)) as store:
        found = store.accounts()
        names = {(code, row["id"]): row["name"] for code, _ in store.regions()
                 for row in store.rows("actors", code)}
    if not found:
        click.echo(i18n.t("cli.user.none", lang, db=db))
        return
    click.echo(i18n.t("cli.user.header", lang, db=db))
    roles = {r: accounts.role_label(r, lang) for r in accounts.ROLES}
    wide_name = max(len(a.name) for a in found)
    wide_role = max(map(len, roles.values()))
    for a in found:
        if a.organisation:
            org = names.get((a.region, a.organisation), "")
            org = f"{a.organisation} ({org}), {a.region}" if org else \
                f"{a.organisation}, {a.region}"
        else:
            org = i18n.t("cli.user.no_org", lang)
        click.echo(f"  {a.name:<{wide_name}}  {roles[a.role]:<{wide_role}}  "
                   f"{a.shown_name} — {org}")


# ------------------------------------------------------------------ retention (Law 25)
@cli.command(context_settings=CONTEXT, help="cli.help.retention")
@DB
@argument("months", "cli.arg.months", required=False, type=click.IntRange(1, MAX_MONTHS))
@lang_option
def retention(db: str, months: int | None, lang: str) -> None:
    """Show the retention period of tenant codes, or set it (months after an entente III)."""
    if months is None:
        with Store(_existing(db)) as store:
            current = store.retention_months()
        key = "cli.retention.none" if current is None else "cli.retention.show"
        click.echo(i18n.t(key, lang, db=db, months=current))
        return
    with Store(_existing(db)) as store:
        store.set_retention_months(months)
    click.echo(i18n.t("cli.retention.set", lang, db=db, months=months))


def _agreement_names(store: Store, pairs: list[tuple[str, str]],
                     include_tenant_codes: bool) -> dict[tuple[str, str], str]:
    """How ``(region, agreement)`` pairs are shown: ids, or pseudonyms by default."""
    if include_tenant_codes or not pairs:
        return {pair: pair[1] for pair in pairs}
    return agreement_names(pairs, store.load_regions({r for r, _ in pairs}))


@cli.command(context_settings=CONTEXT, help="cli.help.purge")
@DB
@option("--dry-run", is_flag=True, help="cli.opt.dry_run")
@option("--yes", is_flag=True, help="cli.opt.yes")
@option("--include-tenant-codes", is_flag=True, help="cli.opt.history_tenant_codes")
@lang_option
def purge(db: str, dry_run: bool, yes: bool, include_tenant_codes: bool, lang: str) -> None:
    """Remove the ententes III ended longer ago than the retention period."""
    with Store(_existing(db)) as store:
        plan = store.purge_plan()
        pairs = [(e.region, e.agreement) for e in plan.items]
        pairs += [(r, g) for r, g in plan.undated] + [(r, g) for r, g, _ in plan.kept]
        shown = _agreement_names(store, pairs, include_tenant_codes)
        if not plan.items:
            click.echo(i18n.t("cli.purge.none", lang, cutoff=plan.cutoff.isoformat(),
                              months=plan.months))
        else:
            click.echo(i18n.t("cli.purge.header", lang, cutoff=plan.cutoff.isoformat(),
                              months=plan.months))
            wide = max(len(shown[(e.region, e.agreement)]) for e in plan.items)
            for e in plan.items:
                line = i18n.t("cli.purge.item", lang, ended=e.ended_on.isoformat(),
                              audit=e.audit_rows, log=e.log_rows)
                gone = "" if e.in_region else f" ({i18n.t('cli.purge.gone', lang)})"
                click.echo(f"  {e.region}  {shown[(e.region, e.agreement)]:<{wide}}  "
                           f"{line}{gone}")
        if plan.undated:
            click.echo(i18n.t("cli.purge.undated", lang, agreements=", ".join(
                shown[pair] for pair in plan.undated)))
        if plan.kept:
            click.echo(i18n.t("cli.purge.kept", lang, agreements=", ".join(
                shown[(r, g)] for r, g, _ in plan.kept)))
        if plan.calls:
            click.echo(i18n.t("cli.purge.calls", lang, n=len(plan.calls),
                              cutoff=plan.cutoff.isoformat()))
        if not plan.items and not plan.calls:
            return
        if dry_run:
            click.echo(i18n.t("cli.purge.dry_run", lang))
            return
        ask = i18n.t("cli.purge.confirm", lang, n=len(plan.items)) if plan.items else \
            i18n.t("cli.purge.confirm_calls", lang, n=len(plan.calls))
        if not yes and not click.confirm(ask, err=True):
            click.echo(i18n.t("cli.purge.cancelled", lang))
            return
        done = store.purge(plan)
    click.echo(i18n.t("cli.purge.done", lang, agreements=done.agreements,
                      audit=done.audit_rows, log=done.log_rows))
    if done.calls:
        click.echo(i18n.t("cli.purge.done_calls", lang, n=done.calls))
    if not done.compacted:
        click.echo(i18n.t("cli.purge.not_compacted", lang), err=True)


@cli.command("calls", context_settings=CONTEXT, help="cli.help.calls")
@DB
@REGION
@option("--from", "start", default=None, type=click.DateTime(["%Y-%m-%d"]),
        help="cli.opt.calls_from")
@option("--to", "end", default=None, type=click.DateTime(["%Y-%m-%d"]), help="cli.opt.calls_to")
@option("--json", "as_json", is_flag=True, help="cli.opt.json")
@lang_option
def calls_cmd(db: str, region_code: str | None, start: dt.datetime | None,
              end: dt.datetime | None, as_json: bool, lang: str) -> None:
    """Tableaux 11 to 13 rebuilt from the call log: counts only, no code, no note."""
    first = start.date() if start else None
    last = end.date() if end else None
    with Store(_readable(db)) as store:
        code = store.choose_region(region_code)
        tables = {g.code: store.call_counts(code, "reasons", group=g.code, start=first,
                                            end=last, lang=lang) for g in fw.CALLER_GROUPS}
        totals = store.call_counts(code, "totals", start=first, end=last, lang=lang)
    if as_json:
        out = {"region": code, "from": first.isoformat() if first else None,
               "to": last.isoformat() if last else None,
               "tables": {g: t.to_dict("records") for g, t in tables.items()},
               "totals": totals.to_dict("records")}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2, default=str))
        return
    which = {(True, True): "both", (True, False): "from", (False, True): "to",
             (False, False): "all"}[(first is not None, last is not None)]
    period = i18n.t(f"cli.calls.period.{which}", lang, start=first, end=last)
    click.echo(i18n.t("cli.calls.title", lang, region=code, period=period,
                      n=int(totals["calls"].sum())))
    for g in fw.CALLER_GROUPS:
        part = totals[totals["caller_group"] == g.code]
        click.echo("")
        click.echo(click.style(i18n.t("cli.calls.table", lang, table=g.table,
                                      group=i18n.label("caller_group", g.code, lang),
                                      calls=int(part["calls"].sum()), guide=g.calls),
                               bold=True))
        heads = [i18n.t(f"cli.calls.{k}", lang) for k in ("callers", "calls", "guide")]
        wide = [max(len(h), 5) for h in heads]
        click.echo("  " + " ".join(f"{h:>{w}}" for h, w in zip(heads, wide, strict=True))
                   + "  " + i18n.t("cli.calls.reason", lang))
        for row in tables[g.code].itertuples(index=False):
            values = (str(row.callers), str(row.calls), str(row.guide))
            click.echo("  " + " ".join(f"{v:>{w}}" for v, w in zip(values, wide, strict=True))
                       + "  " + str(row.label))


@cli.command("access-log", context_settings=CONTEXT, help="cli.help.access_log")
@DB
@REGION
@option("--include-tenant-codes", is_flag=True, help="cli.opt.history_tenant_codes")
@lang_option
def access_log(db: str, region_code: str | None, include_tenant_codes: bool,
               lang: str) -> None:
    """List who was shown or exported tenant codes, when, which; backups and purges."""
    with Store(_readable(db)) as store:
        frame = store.access_log(region_code)
        pairs = sorted({(r, g) for r, g in zip(frame["region"], frame["agreement"],
                                                strict=True) if g})
        shown = _agreement_names(store, pairs, include_tenant_codes)
    if frame.empty:
        click.echo(i18n.t("cli.access.empty", lang, db=db))
        return
    actions = {a: i18n.t(f"access.kind.{a}", lang) for a in ACCESS_ACTIONS}
    roles = {r: accounts.role_label(r, lang) for r in accounts.ROLES}
    wide_action = max(map(len, actions.values()))
    wide_role = max(map(len, roles.values()))
    for at, who, role, region, action, agreement in frame[
            ["at", "user", "role", "region", "action", "agreement"]].itertuples(index=False):
        what = shown.get((region, agreement), "") if agreement else ""
        click.echo(f"{str(at)[:19]}  {who:<12} {roles.get(role, '-'):<{wide_role}}  "
                   f"{region or '-':<20} {actions.get(action, action):<{wide_action}}  {what}")


@cli.command(context_settings=CONTEXT, help="cli.help.serve")
@DB
@REGION
@option("--port", default=5006, show_default=True, help="cli.opt.port")
@option("--address", default="127.0.0.1", show_default=True, help="cli.opt.address")
@option("--presentation", is_flag=True, help="cli.opt.presentation")
@option("--show/--no-show", default=False, help="cli.opt.show")
@option("--password", envvar="CONCERT_PASSWORD", default=None, help="cli.opt.password")
@option("--user", default="comite", show_default=True, help="cli.opt.user")
@option("--accounts", "with_accounts", is_flag=True, help="cli.opt.accounts")
@option("--allow-origin", "allow_origin", multiple=True, metavar="cli.arg.host",
        help="cli.opt.allow_origin")
@lang_option
def serve(db: str, region_code: str | None, port: int, address: str, presentation: bool,
          show: bool, password: str | None, user: str, with_accounts: bool,
          allow_origin: tuple[str, ...], lang: str) -> None:
    """Start the dashboard on ``db`` (help: ``cli.help.serve``).

    A missing or empty file opens the "Nouvelle région" page (nothing is written until the
    person saves a region there).
    """
    if Path(db).is_dir():
        raise CliError(Message("files.access", path=db, reason=Message("files.reason.eisdir")))
    from dashboards import serving
    from dashboards.app import serve as serve_app

    if password == "" or (password is None and os.environ.get("CONCERT_PASSWORD") == ""):
        raise CliError(Message("serve.empty_password"))
    if password is not None and not user.strip():
        raise CliError(Message("serve.empty_user"))
    try:
        origins = [serving.normalise_origin(value) for value in allow_origin]
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    try:
        port = port or serving.free_port(address)
        if password is None and not serving.is_loopback(address) and not _accounts_sign_in(db):
            raise CliError(Message("serve.unprotected", address=address, port=port, db=db))
        warning = serving.origin_warning(address, port, origins, lang)
        if warning:
            click.echo(warning, err=True)
        serve_app(db, region=region_code, port=port, address=address, lang=lang,
                  presentation=presentation, show=show, password=password, user=user,
                  allow_origin=origins, accounts=True if with_accounts else None)
    except OSError as exc:  # address not of this machine, port taken...
        raise CliError(Message("serve.cannot_listen", address=address, port=port,
                               reason=exc.strerror or str(exc))) from exc


def _accounts_sign_in(db: str) -> bool:
    """True if the dashboard signs visitors in with the file's accounts, and it holds one.

    Until the dashboard's login checks named accounts (it says so with
    ``dashboards.serving.ACCOUNTS_LOGIN = True``), accounts do not protect a dashboard
    served beyond localhost: only ``--password`` does.
    """
    from dashboards import serving

    if not getattr(serving, "ACCOUNTS_LOGIN", False) or not Path(db).is_file() \
            or Path(db).stat().st_size == 0:
        return False
    with Store(db) as store:
        return store.has_accounts()


@cli.command(context_settings=CONTEXT, help="cli.help.report")
@DB
@OUT
@REGION
@option("--anonymise", is_flag=True, help="cli.opt.anonymise")
@option("--paper", type=click.Choice(["letter", "a4"]), default="letter", show_default=True,
        help="cli.opt.paper")
@lang_option
def report(db: str, out: str, region_code: str | None, anonymise: bool, paper: str,
           lang: str) -> None:
    """Write a self-contained HTML report, or a print-ready PDF (OUT ending in .pdf)."""
    check_output(out, protect=[db])
    _readable(db)
    if out.lower().endswith(".pdf"):
        from dashboards.report_pdf import write_pdf_report

        with atomic_path(out, protect=[db]) as tmp:
            write_pdf_report(db, tmp, region=region_code, lang=lang, anonymise=anonymise,
                             paper=paper)
        click.echo(i18n.t("cli.exported", lang, what="PDF", out=out))
        return
    from dashboards.report import write_report

    with atomic_path(out, protect=[db]) as tmp:
        write_report(db, tmp, region=region_code, lang=lang, anonymise=anonymise)
    click.echo(i18n.t("cli.exported", lang, what="HTML", out=out))


@cli.command(context_settings=CONTEXT, help="cli.help.synth")
@DB
@option("--regions", "n_regions", default=17, show_default=True, help="cli.opt.n_regions")
@option("--actors", "n_actors", default=2000, show_default=True, help="cli.opt.n_actors")
@option("--years", default=10, show_default=True, help="cli.opt.years")
@option("--seed", default=0, show_default=True, help="cli.opt.seed")
@lang_option
def synth(db: str, n_regions: int, n_actors: int, years: int, seed: int, lang: str) -> None:
    """Write a synthetic province (tests and benchmarks only)."""
    from concert.synth import synthetic_province

    regions = synthetic_province(n_actors, n_regions=n_regions, seed=seed, years=years)
    with Store(db, user="synth") as store, click.progressbar(
            regions, label=i18n.t("cli.synth", lang), file=None) as bar:
        for region in bar:
            store.save_region(region)
    click.echo(i18n.t("cli.synth_done", lang, db=db, regions=len(regions),
                      actors=sum(len(r.actors) for r in regions)))


def main() -> None:
    """Entry point of the ``concert`` command."""
    cli(prog_name="concert")
