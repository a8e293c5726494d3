"""The ``concert`` command: a thin layer over the library, in the style of sqlite-utils.

Every command opens the SQLite file, calls the library function of the same
name and prints the result in French (default) or English (``--lang en``).
Library errors become a clear message and a non-zero exit code.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from concert import i18n, settings
from concert._errors import ConcertError, ValidationError
from concert.graph import region_to_graph, write_gexf, write_graphml, write_node_link
from concert.indicators import maturity, region_stage
from concert.io.files import atomic_path, check_output, os_reason
from concert.privacy import history_without_agreement_iii_ids, without_agreement_iii_ids
from concert.region import Region
from concert.store import Store

CONTEXT = {"help_option_names": ["-h", "--help"]}


class CliError(click.ClickException):
    """A command-line error, shown as "Erreur : ..." or "Error: ..." and exit code 1."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.prefix = i18n.t("cli.error")  # the language in force when raised

    def show(self, file: Any = None) -> None:
        click.echo(f"{self.prefix} {self.format_message()}", err=True)


def lang_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--lang fr|en`` to a command and apply it for the command's duration."""

    @click.option("--lang", type=click.Choice(["fr", "en"]), default=None,
                  help="Langue des messages / output language (défaut : fr, ou CONCERT_LANG).")
    @functools.wraps(f)
    def wrapper(*args: Any, lang: str | None, **kwargs: Any) -> Any:
        previous = settings.language
        if lang:
            settings.language = lang
        try:
            return f(*args, **kwargs)
        except ValidationError as exc:
            raise CliError(i18n.t("cli.invalid") + "\n" + exc.text()) from exc
        except ConcertError as exc:
            raise CliError(str(exc)) from exc
        except sqlite3.OperationalError as exc:  # locked, unreachable: not damage
            raise CliError(i18n.t("files.access", path=kwargs.get("db", "?"),
                                  reason=str(exc))) from exc
        except sqlite3.DatabaseError as exc:  # a damaged page met while reading
            raise CliError(i18n.t("files.damaged", db=kwargs.get("db", "?"),
                                  detail=str(exc))) from exc
        except OSError as exc:
            raise CliError(i18n.t("files.access", path=exc.filename or kwargs.get("db", "?"),
                                  reason=os_reason(exc))) from exc
        finally:
            settings.language = previous

    return wrapper


def _existing(db: str) -> Path:
    path = Path(db)
    if not path.exists():
        raise CliError(i18n.t("cli.not_found_db", db=db))
    return path


def _readable(db: str) -> Path:
    """The database a command only reads: it must exist and hold something.

    Checked before the store is opened, so that a read-only command never creates a
    file, nor writes a schema into an empty one.
    """
    path = _existing(db)
    if path.is_dir():
        raise CliError(i18n.t("files.access", path=db,
                              reason=i18n.t("files.reason.eisdir")))
    if path.stat().st_size == 0:
        raise CliError(i18n.t("cli.no_region", db=db))
    return path


def _load(db: str, region: str | None) -> Region:
    with Store(_readable(db)) as store:
        return store.load_region(region)


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="concert")
def cli() -> None:
    """concert : concertation intersectorielle et gouvernance en logement avec soutien.

    Outils pour le modèle Clés en main : acteurs-clés, ententes I, II et III, indicateurs
    de concertation (communication, coordination, coopération) et tableau de bord.
    """


@cli.command(context_settings=CONTEXT)
@click.argument("db", type=click.Path(dir_okay=False))
@click.option("--replace/--no-replace", default=False,
              help="Remplacer la région exemple si elle existe déjà.")
@lang_option
def example(db: str, replace: bool) -> None:
    """Écrire la région exemple (Capitale-Nationale, Clés en main) dans DB.

    Example:

        concert example cn.db
    """
    from concert.example import capitale_nationale

    region = capitale_nationale()
    with Store(db) as store:
        if store.has_region(region.code) and not replace:
            raise CliError(i18n.t("cli.exists", db=db, region=region.code))
        store.save_region(region)
    click.echo(i18n.t("cli.example_written", name=region.name, db=db, actors=len(region.actors),
                      agreements=len(region.agreements), assessments=len(region.assessments)))


@cli.command(context_settings=CONTEXT)
@click.argument("db", type=click.Path(dir_okay=False))
@lang_option
def regions(db: str) -> None:
    """Lister les régions enregistrées dans DB.

    Example:

        concert regions cn.db
    """
    with Store(_readable(db)) as store:
        click.echo(i18n.t("cli.regions_header", db=db))
        for code, name in store.regions():
            click.echo(f"  {code}\t{name}")


@cli.command(context_settings=CONTEXT)
@click.argument("db", type=click.Path(dir_okay=False))
@click.option("--region", "region_code", default=None, help="Code de la région.")
@click.option("--assessment", default=None, help="Identifiant de l’évaluation (défaut : la "
              "plus récente).")
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON.")
@lang_option
def maturity_cmd(db: str, region_code: str | None, assessment: str | None,
                 as_json: bool) -> None:
    """Afficher le stade de chaque indicateur et ses raisons.

    Example:

        concert maturity cn.db --region capitale-nationale --json
    """
    region = _load(db, region_code)
    if not region.assessments:
        raise CliError(i18n.t("cli.no_assessment", region=region.code))
    ass = region.assessment(assessment)
    results = maturity(ass)
    overall = region_stage(results)
    if as_json:
        click.echo(json.dumps(_maturity_json(region, ass, results, overall), ensure_ascii=False,
                              indent=2))
        return
    click.echo(i18n.t("cli.maturity_title", region=region.name, date=ass.on.isoformat()))
    click.echo("")
    for r in results.values():
        lines = r.explain().splitlines()
        click.echo(click.style(lines[0], bold=True))
        for line in lines[1:]:
            click.echo(f"  {line}")
        click.echo("")
    click.echo(click.style(i18n.t("cli.region_stage", stage=overall.stage_label()), bold=True))
    for note in overall.notes:
        click.echo(f"  {note.text()}")


maturity_cmd.name = "maturity"


def _maturity_json(region: Region, ass: Any, results: dict[str, Any],
                   overall: Any) -> dict[str, Any]:
    return {
        "region": {"code": region.code, "name": region.name},
        "assessment": {"id": ass.id, "on": ass.on.isoformat(), "label": ass.label,
                       "respondents": len(ass.respondents)},
        "indicators": [r.to_dict() for r in results.values()],
        "region_stage": overall.to_dict(),
    }


@cli.command(context_settings=CONTEXT)
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("out", type=click.Path())
@click.option("--format", "fmt", required=True,
              type=click.Choice(["csv", "xlsx", "json", "graphml", "gexf", "node-link"]),
              help="Données : csv (un dossier), xlsx, json (réimportables). Graphe : graphml, "
                   "gexf (Gephi), node-link (JSON networkx).")
@click.option("--region", "region_code", default=None, help="Code de la région.")
@click.option("--as-of", default=None,
              help="Exporter la région telle qu’elle était à cette date (AAAA-MM-JJ[THH:MM]).")
@click.option("--include-tenant-codes", is_flag=True,
              help="Inclure les ententes III avec leurs identifiants et les codes pseudonymes "
                   "des locataires (données personnelles : à demander explicitement).")
@lang_option
def export(db: str, out: str, fmt: str, region_code: str | None, as_of: str | None,
           include_tenant_codes: bool) -> None:
    """Exporter une région : données (CSV, Excel, JSON) ou graphe (GraphML, GEXF).

    Par défaut, les ententes III (codes de locataires) ne sont pas exportées : seul
    leur nombre figure dans le résumé ; dans les graphes, elles portent un pseudonyme
    (III-0001...) au lieu de leur identifiant, qui peut venir d’un numéro de dossier.

    OUT ne peut pas être DB : la sortie est écrite à part puis renommée, sans jamais
    laisser de fichier à moitié écrit.

    Example:

        concert export cn.db --format xlsx cn.xlsx
    """
    from concert.io import write_csv, write_json, write_xlsx

    check_output(out, protect=[db], folder=fmt == "csv")
    region = _load(db, region_code)
    if as_of:
        with Store(_readable(db)) as store:
            region = store.region_as_of(region.code, as_of)
    if not include_tenant_codes:
        region = without_agreement_iii_ids(region)
    if fmt in ("csv", "xlsx", "json"):
        writer = {"csv": write_csv, "xlsx": write_xlsx, "json": write_json}[fmt]
        writer(region, out, tenant_codes=include_tenant_codes, protect=[db])
    else:
        G = region_to_graph(region, tenant_codes=include_tenant_codes)
        graph_writer = {"graphml": write_graphml, "gexf": write_gexf,
                        "node-link": write_node_link}[fmt]
        with atomic_path(out, protect=[db]) as tmp:
            graph_writer(G, tmp)
    click.echo(i18n.t("cli.exported", what=fmt.upper(), out=out))


@cli.command("import", context_settings=CONTEXT)
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--region", "region_code", default=None,
              help="Code de la région (par défaut : celle du fichier, ou la seule de DB).")
@click.option("--name", default=None, help="Nom de la région, pour la créer.")
@click.option("--encoding", default="utf-8", show_default=True,
              help="Encodage des CSV et JSON (latin-1 pour les vieux exports Excel).")
@lang_option
def import_cmd(db: str, files: tuple[str, ...], region_code: str | None, name: str | None,
               encoding: str) -> None:
    """Importer des acteurs, ententes, sièges, liens et évaluations (CSV, XLSX, JSON).

    Tout est vérifié avant d’écrire : au moindre problème, rien n’est écrit et chaque
    problème est signalé avec son fichier, sa ligne et sa colonne.

    Example:

        concert import cn.db acteurs.csv ententes.csv
    """
    from concert.io import ImportFailed, import_files

    bar: Any = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if total < 1000:
            return
        if bar is None:
            bar = click.progressbar(length=total, label=i18n.t("cli.importing"), file=None)
            bar.__enter__()
        bar.update(done - bar.pos)

    with Store(db) as store:
        try:
            report = import_files(store, files, region=region_code, name=name,
                                  encoding=encoding, progress=progress)
        except ImportFailed as exc:
            lines = [i18n.t("cli.import_failed", n=len(exc.problems))]
            lines += [f"  {p}" for p in exc.problems[:200]]
            if len(exc.problems) > 200:
                lines.append(f"  … (+{len(exc.problems) - 200})")
            raise CliError("\n".join(lines)) from exc
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
    click.echo(i18n.t("cli.imported", region=report.region, added=sum(report.added.values()),
                      updated=sum(report.updated.values()),
                      unchanged=sum(report.unchanged.values())))


@cli.command(context_settings=CONTEXT)
@click.argument("out", type=click.Path(dir_okay=False))
@lang_option
def template(out: str) -> None:
    """Écrire un modèle à remplir : acteurs.xlsx, ententes.csv, modele.xlsx (toutes les tables)…

    Example:

        concert template acteurs.xlsx
    """
    from concert.io import write_template

    write_template(out)
    click.echo(i18n.t("cli.template", out=out))


@cli.command(context_settings=CONTEXT)
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("out", type=click.Path(dir_okay=False))
@lang_option
def backup(db: str, out: str) -> None:
    """Faire une copie cohérente de DB, même pendant que le tableau de bord tourne.

    DB est d’abord vérifié (intégrité) : un fichier endommagé n’est pas copié. La copie
    est écrite à part (OUT.part) puis renommée : en cas d’échec (disque plein), OUT
    reste tel quel.

    Example:

        concert backup cn.db sauvegardes/cn-2025-01-15.db
    """
    check_output(out, protect=[db])
    with Store(_readable(db)) as store:
        store.backup(out)
    click.echo(i18n.t("cli.backup", out=out))


@cli.command(context_settings=CONTEXT)
@click.argument("backup_file", type=click.Path(dir_okay=False))
@click.argument("db", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Remplacer DB s’il existe.")
@lang_option
def restore(backup_file: str, db: str, force: bool) -> None:
    """Restaurer DB à partir d’une copie faite par « concert backup ».

    Example:

        concert restore sauvegardes/cn-2025-01-15.db cn.db --force
    """
    _existing(backup_file)
    if Path(db).exists() and not force:
        raise CliError(i18n.t("cli.restore_exists", db=db))
    Store.restore(backup_file, db)
    click.echo(i18n.t("cli.restored", db=db, backup=backup_file))


@cli.command(context_settings=CONTEXT)
@click.argument("db", type=click.Path(dir_okay=False))
@click.option("--region", "region_code", default=None, help="Code de la région.")
@click.option("--kind", default=None,
              type=click.Choice(["actor", "agreement", "committee", "membership", "tie",
                                 "assessment", "figure"]), help="Seulement ce type de fiche.")
@click.option("--include-tenant-codes", is_flag=True,
              help="Montrer les identifiants des ententes III (ils peuvent venir d’un numéro "
                   "de dossier : à demander explicitement).")
@lang_option
def history(db: str, region_code: str | None, kind: str | None,
            include_tenant_codes: bool) -> None:
    """Lister les modifications enregistrées (quand, par qui, quoi).

    Les ententes III y portent un pseudonyme (III-0001...) au lieu de leur identifiant,
    sauf avec --include-tenant-codes ; une entente disparue depuis, dont le type n’est
    plus connu, est notée ?-0001...

    Example:

        concert history cn.db --kind agreement
    """
    with Store(_readable(db)) as store:
        frame = store.history(region_code, kind=kind)
        if not include_tenant_codes:
            wanted = set(frame.loc[frame["kind"] == "agreement", "region"])
            regions = {code: store.load_region(code) for code, _ in store.regions()
                       if code in wanted}
            frame = history_without_agreement_iii_ids(frame, regions)
    for row in frame.itertuples():
        click.echo(f"{row.at[:19]}  {row.user:<12} {row.region:<20} {row.action:<7} "
                   f"{row.kind:<11} {row.key}")


@cli.command(context_settings=CONTEXT)
@click.argument("db", type=click.Path(dir_okay=False))
@click.option("--region", "region_code", default=None, help="Code de la région.")
@click.option("--port", default=5006, show_default=True, help="Port HTTP.")
@click.option("--address", default="127.0.0.1", show_default=True,
              help="Adresse d’écoute (localhost par défaut).")
@click.option("--presentation", is_flag=True, help="Mode présentation (réunion).")
@click.option("--show/--no-show", default=False, help="Ouvrir le navigateur.")
@click.option("--password", envvar="CONCERT_PASSWORD", default=None,
              help="Demander ce mot de passe à chaque visiteur (ou CONCERT_PASSWORD).")
@click.option("--user", default="comite", show_default=True,
              help="Le nom d’utilisateur demandé avec --password.")
@click.option("--allow-origin", "allow_origin", multiple=True, metavar="HOST[:PORT]",
              help="Nom ou adresse par lequel les navigateurs ouvrent le tableau de bord "
                   "(répétable ; p. ex. derrière un mandataire inverse).")
@lang_option
def serve(db: str, region_code: str | None, port: int, address: str, presentation: bool,
          show: bool, password: str | None, user: str, allow_origin: tuple[str, ...]) -> None:
    """Démarrer le tableau de bord sur DB.

    Avec --password, chaque visiteur donne le nom d’utilisateur (--user, « comite » par
    défaut) et le mot de passe ; après 5 échecs, une adresse attend 1 s, puis 2, 4... jusqu’à
    5 min. Hors de localhost, --allow-origin dit par quels noms le tableau s’ouvre.

    Example:

        concert serve cn.db --address 0.0.0.0 --allow-origin 192.168.1.20:5006 --password ...
    """
    _existing(db)
    from dashboards import serving
    from dashboards.app import serve as serve_app

    if password == "" or (password is None and os.environ.get("CONCERT_PASSWORD") == ""):
        raise CliError(i18n.t("serve.empty_password"))
    if password is not None and not user.strip():
        raise CliError(i18n.t("serve.empty_user"))
    try:
        origins = [serving.normalise_origin(value) for value in allow_origin]
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    try:
        port = port or serving.free_port(address)
        warning = serving.origin_warning(address, port, origins)
        if warning:
            click.echo(warning, err=True)
        if password is None and not serving.is_loopback(address):
            click.echo(i18n.t("serve.no_password", address=address, port=port), err=True)
        serve_app(db, region=region_code, port=port, address=address, lang=settings.language,
                  presentation=presentation, show=show, password=password, user=user,
                  allow_origin=origins)
    except OSError as exc:  # address not of this machine, port taken...
        raise CliError(i18n.t("serve.cannot_listen", address=address, port=port,
                              reason=exc.strerror or exc)) from exc


@cli.command(context_settings=CONTEXT)
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--region", "region_code", default=None, help="Code de la région.")
@click.option("--anonymise", is_flag=True, help="Remplacer les noms des organismes.")
@lang_option
def report(db: str, out: str, region_code: str | None, anonymise: bool) -> None:
    """Écrire un rapport HTML autonome (vue d’ensemble, carte, prochaines étapes).

    OUT ne peut pas être DB ; il est écrit à part puis renommé, entier ou pas du tout.

    Example:

        concert report cn.db rapport.html
    """
    check_output(out, protect=[db])
    _readable(db)
    from dashboards.report import write_report

    with atomic_path(out, protect=[db]) as tmp:
        write_report(db, tmp, region=region_code, lang=settings.language, anonymise=anonymise)
    click.echo(i18n.t("cli.exported", what="HTML", out=out))


@cli.command(context_settings=CONTEXT)
@click.argument("db", type=click.Path(dir_okay=False))
@click.option("--regions", "n_regions", default=17, show_default=True,
              help="Nombre de régions.")
@click.option("--actors", "n_actors", default=2000, show_default=True,
              help="Nombre total d’organismes.")
@click.option("--years", default=10, show_default=True,
              help="Années d’évaluations trimestrielles.")
@click.option("--seed", default=0, show_default=True, help="Graine du hasard.")
@lang_option
def synth(db: str, n_regions: int, n_actors: int, years: int, seed: int) -> None:
    """Écrire une province synthétique (tests et mesures de performance seulement).

    Les données sont inventées et marquées comme telles : elles ne décrivent aucune
    région réelle.

    Example:

        concert synth province.db --regions 17 --actors 20000
    """
    from concert.synth import synthetic_province

    regions = synthetic_province(n_actors, n_regions=n_regions, seed=seed, years=years)
    with Store(db, user="synth") as store, click.progressbar(
            regions, label=i18n.t("cli.synth"), file=None) as bar:
        for region in bar:
            store.save_region(region)
    click.echo(i18n.t("cli.synth_done", db=db, regions=len(regions),
                      actors=sum(len(r.actors) for r in regions)))


def main() -> None:
    """Entry point of the ``concert`` command."""
    cli(prog_name="concert")


