"""The command line: wiring only. Heavy imports happen inside commands so `footprint --help` starts fast."""

from __future__ import annotations

import enum
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from footprint.model import Severity

if TYPE_CHECKING:
    from rich.console import Console

    from footprint.api import ScanContext
    from footprint.fetch.interface import FetchPolicy
    from footprint.model import Profile


class ExitStatus(enum.IntEnum):
    OK = 0
    ERROR = 1
    BAD_INPUT = 2
    ALERT = 3  # --fail-on: new findings at or above the given severity
    INTERRUPTED = 130


app = typer.Typer(
    name="footprint",
    help="An online-footprint health check for people in public life: finds where your home address, phone and "
    "family details are exposed, and says how to remove them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
profile_app = typer.Typer(help="Create and check profile files.", no_args_is_help=True)
checks_app = typer.Typer(help="Show and validate the catalogue of sources.", no_args_is_help=True)
evidence_app = typer.Typer(help="Evidence packs for the police: export and verify.", no_args_is_help=True)
incident_app = typer.Typer(
    help="Keep a record of intimidating incidents, as the police guidance asks.", no_args_is_help=True
)
app.add_typer(profile_app, name="profile")
app.add_typer(checks_app, name="checks")
app.add_typer(evidence_app, name="evidence")
app.add_typer(incident_app, name="incident")


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def _fail(message: str, code: ExitStatus = ExitStatus.BAD_INPUT) -> typer.Exit:
    from rich.text import Text

    _console(stderr=True).print(Text("footprint: ", style="bold red") + Text(message), soft_wrap=True)
    return typer.Exit(int(code))


# --- profile --------------------------------------------------------------------------------------------------


@profile_app.command("init")
def profile_init(
    path: Annotated[Path, typer.Argument(help="Where to write the template profile.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented template profile (readable by you alone) to fill in."""
    import uuid

    from footprint.output import create_private
    from footprint.profile import TEMPLATE

    if path.exists() and not force:
        raise _fail(f"{path} already exists (use --force to overwrite it)")
    if force and path.exists():
        path.unlink()
    try:
        create_private(path, TEMPLATE.replace("{key}", f"p-{uuid.uuid4().hex[:16]}"))
    except OSError as exc:
        raise _fail(f"cannot write {path}: {exc.strerror}") from None
    _console().print(f"Wrote {path} (mode 0600). Fill it in, then run: footprint scan {path} --out report/")


@profile_app.command("check")
def profile_check(path: Annotated[Path, typer.Argument(help="The profile file to check.")]) -> None:
    """Check a profile file and say what footprint will look for."""
    from footprint.errors import ProfileError
    from footprint.profile import load_profile

    try:
        profile = load_profile(path)
    except ProfileError as exc:
        raise _fail(str(exc)) from None
    console = _console()
    console.print(f"{path}: OK ({profile.name})")
    console.print(
        f"  {len(profile.usernames)} usernames, {len(profile.websites)} websites, {len(profile.phones)} phones, "
        f"{len(profile.emails)} emails, {len(profile.addresses)} addresses, {len(profile.family)} family members, "
        f"{len(profile.watch_urls)} watched pages"
    )


# --- checks ---------------------------------------------------------------------------------------------------


@checks_app.command("list")
def checks_list(
    catalogue: Annotated[Path | None, typer.Option(help="Another catalogue folder.")] = None,
) -> None:
    """List the sources footprint probes."""
    from rich.table import Table
    from rich.text import Text

    cat = _load_catalogue(catalogue)
    table = Table(title=f"footprint catalogue {cat.version}: {len(cat.checks)} sources")
    for column in ("id", "name", "category"):
        table.add_column(column, no_wrap=True)
    table.add_column("probes", overflow="fold")
    table.add_column("browser")
    for check in cat.checks:
        probes = check.probe_url or check.url or f"(handler: {check.handler})"
        table.add_row(
            check.id, Text(check.name), check.category, Text(probes), "yes" if check.needs_browser else ""
        )
    _console().print(table)


@checks_app.command("validate")
def checks_validate(
    path: Annotated[
        Path | None, typer.Argument(help="A catalogue folder (default: the bundled one).")
    ] = None,  # noqa: UP045
) -> None:
    """Validate every catalogue entry against the schema, its remediation ids and its fixtures."""
    from rich.text import Text

    from footprint.catalogue import check_catalogue
    from footprint.guidance import check_guidance
    from footprint.resources import checks_dir

    root = path or checks_dir()
    g_problems, guidance = check_guidance(_reports_root())
    ids = guidance.remediation.keys() if guidance else None
    problems, checks = check_catalogue(root, ids)
    problems = g_problems + problems + _fixture_problems(root, checks)
    console = _console()
    if problems:
        for problem in problems:
            console.print(Text("✗ ", style="red") + Text(problem), soft_wrap=True)
        raise _fail(f"{len(problems)} problem(s) in {root}", ExitStatus.ERROR)
    console.print(f"{root}: {len(checks)} entries valid")


@checks_app.command("import")
def checks_import(
    source: Annotated[
        Path, typer.Argument(metavar="FILE", help="A WhatsMyName, Sherlock or Maigret data.json.")
    ],
    to: Annotated[Path, typer.Option("--to", help="Folder to write the imported catalogue into.")],
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="wmn, sherlock or maigret (default: recognised from the file)."),
    ] = None,
) -> None:
    """Turn a peer tool's site list into footprint entries, to probe with `footprint scan --add-checks DIR`.

    Imported entries are marked as imported and the report shows them as lower trust."""
    from footprint.importer import FORMATS, convert, load_file, write_catalogue

    if fmt is not None and fmt not in FORMATS:
        raise _fail(f"--format: '{fmt}' is not one of {', '.join(FORMATS)}")
    try:
        result = convert(load_file(source), fmt)
    except FileNotFoundError:
        raise _fail(f"{source}: no such file") from None
    except (ValueError, OSError) as exc:
        raise _fail(str(exc)) from None
    if not result.entries:
        raise _fail(f"{source}: no usable entries ({len(result.skipped)} skipped)")
    written = write_catalogue(result, to, str(source))
    console = _console()
    console.print(f"Imported {written} {result.format} entries into {to}; {len(result.skipped)} left out.")
    for reason in result.skipped[:10]:
        console.print(f"  left out: {reason}", soft_wrap=True)
    if len(result.skipped) > 10:
        console.print(f"  ... and {len(result.skipped) - 10} more")
    console.print(f"Probe them with: footprint scan PROFILE --out DIR --add-checks {to}")


def _open_store(db: Path | None):  # type: ignore[no-untyped-def]
    from footprint.errors import FootprintError
    from footprint.store import Store, default_db_path

    path = db or default_db_path()
    if str(path) != ":memory:" and not path.exists():
        raise _fail(f"{path}: no scan history here (run a scan first, or pass --db)")
    try:
        return Store(path)
    except FootprintError as exc:
        raise _fail(str(exc), ExitStatus.ERROR) from None


@evidence_app.command("export")
def evidence_export(
    scan_id: Annotated[str, typer.Argument(metavar="SCAN", help="A scan id (see the report), or 'latest'.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The zip to write (readable by you alone).")],
    db: DbOpt = None,
) -> None:
    """Write the evidence pack for one scan: findings, saved pages, screenshots, incidents, and their hashes."""
    from footprint.evidence import build_pack
    from footprint.output import write_private_bytes

    store = _open_store(db)
    with store:
        rows = store.scans()
        if scan_id == "latest":
            if not rows:
                raise _fail("the scan history is empty")
            scan_id = rows[-1].info.id
        person = store.person(scan_id)
        try:
            pack = build_pack(store, scan_id, person)
        except KeyError:
            raise _fail(
                f"no scan '{scan_id}' in {store.path} (see the report's scan id, or use 'latest')"
            ) from None
    write_private_bytes(out, pack)
    _console().print(
        f"Evidence pack for scan {scan_id}: {out} ({len(pack):,} bytes). Check it with: footprint evidence verify {out}"
    )


@evidence_app.command("verify")
def evidence_verify(
    pack: Annotated[Path, typer.Argument(metavar="PACK", help="An evidence pack zip.")],
) -> None:
    """Check every file in an evidence pack against its recorded SHA-256."""
    from footprint.evidence import verify_pack

    result = verify_pack(pack)
    console = _console()
    for problem in result.problems:
        console.print(f"✗ {problem}", soft_wrap=True)
    if not result.ok:
        raise _fail(
            f"{pack}: {len(result.problems)} problem(s): the pack is not as it was made", ExitStatus.ERROR
        )
    console.print(
        f"✓ {pack}: all {result.checked} files match their SHA-256, and every saved page matches the hash taken when it was fetched."
    )


def _profile_key(profile_path: Path) -> tuple[str, str]:
    from footprint.errors import ProfileError
    from footprint.profile import load_profile

    try:
        profile = load_profile(profile_path)
    except ProfileError as exc:
        raise _fail(str(exc)) from None
    return profile.key, profile.name


@incident_app.command("add")
def incident_add(
    profile_path: Annotated[
        Path, typer.Argument(metavar="PROFILE", help="Your profile file (for your key).")
    ],
    what: Annotated[str, typer.Option("--what", help="What happened, in your words.")],
    when: Annotated[
        str | None,
        typer.Option("--when", help="When it happened, e.g. 2026-11-20T21:30 (default: now, UTC)."),
    ] = None,
    where: Annotated[str, typer.Option("--where", help="Where: a URL, or a place.")] = "",
    who: Annotated[str, typer.Option("--who", help="Who did it, if you know.")] = "",
    link: Annotated[list[str] | None, typer.Option("--link", help="A link to it (repeatable).")] = None,
    reported_to: Annotated[str, typer.Option("--reported-to", help="Who you reported it to.")] = "",
    reference: Annotated[str, typer.Option("--reference", help="A crime or report reference number.")] = "",
    db: DbOpt = None,
) -> None:
    """Record an intimidating incident in your scan history; it goes into every evidence pack."""
    import datetime as dt

    from footprint.errors import FootprintError
    from footprint.model import Incident
    from footprint.store import Store, default_db_path

    key, _ = _profile_key(profile_path)
    happened = dt.datetime.now(dt.UTC)
    if when:
        try:
            happened = dt.datetime.fromisoformat(when)
        except ValueError:
            raise _fail(f"--when: '{when}' is not a date and time like 2026-11-20T21:30") from None
        if happened.tzinfo is None:
            happened = happened.replace(tzinfo=dt.UTC)
    if not what.strip():
        raise _fail("--what: say what happened")
    try:
        with Store(db or default_db_path()) as store:
            number = store.add_incident(
                Incident(key, happened, what.strip(), where, who, tuple(link or ()), reported_to, reference)
            )
    except FootprintError as exc:
        raise _fail(str(exc), ExitStatus.ERROR) from None
    _console().print(f"Recorded incident {number}. It will be in every evidence pack you export.")


@incident_app.command("list")
def incident_list(
    profile_path: Annotated[Path, typer.Argument(metavar="PROFILE", help="Your profile file.")],
    db: DbOpt = None,
) -> None:
    """The incidents you have recorded."""
    from rich.table import Table

    key, name = _profile_key(profile_path)
    with _open_store(db) as store:
        incidents = store.incidents(key)
    table = Table(title=f"Incidents recorded for {name}: {len(incidents)}")
    for column in ("#", "when (UTC)", "what", "where", "reported to", "reference"):
        table.add_column(column, overflow="fold")
    for i in incidents:
        table.add_row(
            str(i.id), i.happened_at.strftime("%Y-%m-%d %H:%M"), i.what, i.place, i.reported_to, i.reference
        )
    _console().print(table)


@app.command("rdap-bootstrap")
def rdap_bootstrap(
    source: Annotated[
        Path | None,
        typer.Argument(
            metavar="FILE", help="IANA's dns.json, downloaded by you from https://data.iana.org/rdap/dns.json"
        ),
    ] = None,
    download: Annotated[
        bool,
        typer.Option("--download", help="Fetch IANA's file now (the only time footprint contacts IANA)."),
    ] = False,
    proxy: ProxyOpt = None,
    ca_bundle: CaOpt = None,
) -> None:
    """Refresh the list of RDAP servers (who registered a domain) that footprint uses.

    footprint ships a small list and never updates it behind your back; this installs a fresh copy of IANA's.
    """
    import json as json_lib

    from footprint.handlers import rdap_servers
    from footprint.output import private_dir, write_private
    from footprint.resources import user_data_dir

    if (source is None) == (not download):
        raise _fail("give either a FILE you downloaded or --download")
    if download:
        from footprint.fetch.http import HttpFetcher
        from footprint.fetch.interface import Request
        from footprint.model import Page

        fetcher = HttpFetcher(_policy(proxy, ca_bundle, 20.0, 1, 1, 5.0))
        ((_, result),) = list(fetcher.fetch_all([("iana", Request("https://data.iana.org/rdap/dns.json"))]))
        fetcher.close()
        if not isinstance(result, Page) or result.status != 200:
            raise _fail(
                f"could not fetch IANA's file: {getattr(result, 'reason', result.status if isinstance(result, Page) else '')}",
                ExitStatus.ERROR,
            )
        raw = result.text
    else:
        assert source is not None
        try:
            raw = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise _fail(f"{source}: cannot be read ({exc})") from None
    target = user_data_dir() / "rdap-dns.json"
    try:
        data = json_lib.loads(raw)
        if not isinstance(data.get("services"), list) or not data["services"]:
            raise ValueError("no services")
        private_dir(target.parent)
        write_private(target, raw)
        count = len(rdap_servers(target))
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise _fail(f"not an RDAP bootstrap file (IANA's dns.json): {exc}") from None
    _console().print(f"Installed RDAP servers for {count} top-level domains into {target}.")


def _fixture_problems(root: Path, checks: list) -> list[str]:  # type: ignore[type-arg]
    from footprint.catalogue import judge
    from footprint.fixtures import site_fixtures
    from footprint.model import Status

    problems = []
    for check in checks:
        if check.handler is not None or check.imported_from:
            continue  # imported entries have no fixtures: the report marks them lower trust
        try:
            fixtures = site_fixtures(root, check.id)
        except ValueError as exc:
            problems.append(str(exc))
            continue
        if not {"found", "not_found"} <= set(fixtures):
            problems.append(f"{check.id}: needs fixtures/{check.id}/found.http and not_found.http")
            continue
        redirects = tuple(v for k, v in fixtures["not_found"].headers if k.lower() == "location")
        found = judge(
            check,
            fixtures["found"].as_page(check.fetch_url(check.known_claimed)),
            check.normalise(check.known_claimed),
        )
        missing = judge(
            check,
            fixtures["not_found"].as_page(check.fetch_url(check.known_unclaimed), redirects),
            check.normalise(check.known_unclaimed),
        )
        if found.status is not Status.FOUND:
            problems.append(f"{check.id}: the found fixture is judged {found.status.value} ({found.reason})")
        if missing.status is not Status.NOT_FOUND:
            problems.append(
                f"{check.id}: the not-found fixture is judged {missing.status.value} ({missing.reason})"
            )
    return problems


def _reports_root() -> Path:
    from footprint.resources import reports_dir

    return reports_dir()


def _load_catalogue(path: Path | None, extra: list[Path] | None = None):  # type: ignore[no-untyped-def]
    from footprint.catalogue import load_catalogue, merge
    from footprint.errors import FootprintError
    from footprint.guidance import load_guidance

    try:
        guidance = load_guidance()
        catalogue = load_catalogue(path, guidance.remediation.keys())
        for folder in extra or ():
            catalogue = merge(catalogue, load_catalogue(folder, guidance.remediation.keys()))
        return catalogue
    except FootprintError as exc:
        raise _fail(str(exc)) from None


# --- scan -----------------------------------------------------------------------------------------------------


def _browser(explicit: str | None, disabled: bool) -> str | None:
    from footprint.fetch.browser import find_browser

    if disabled:
        return None
    found = find_browser(explicit)
    if explicit and found is None:
        raise _fail(f"--browser {explicit}: not an executable file")
    if found is None:
        _console(stderr=True).print(
            "No Chromium found: pages that need JavaScript will be reported as skipped "
            "(install Debian's chromium package, or pass --browser PATH).",
            style="yellow",
        )
    return found


def _policy(
    proxy: str | None, ca_bundle: Path | None, timeout: float, workers: int, per_host: int, max_page_mb: float
) -> FetchPolicy:
    from footprint.fetch.interface import FetchPolicy

    if ca_bundle is not None and not ca_bundle.is_file():
        raise _fail(f"--ca-bundle {ca_bundle}: no such file")
    if proxy is not None and not proxy.startswith(("http://", "https://")):
        raise _fail(f"--proxy {proxy}: give the proxy as http://host:port (or https://)")
    return FetchPolicy(
        connect_timeout=min(10.0, timeout),
        read_timeout=timeout,
        deadline=max(timeout * 2, timeout + 5),
        workers=workers,
        per_host=per_host,
        proxy=proxy,
        ca_bundle=str(ca_bundle) if ca_bundle else None,
        max_bytes=int(max_page_mb * 1024 * 1024),
    )


def _execute(
    profile: Profile,
    out: Path,
    db: Path | None,
    policy: FetchPolicy,
    mask: bool,
    catalogue_path: Path | None,
    only: list[str] | None,
    browser: str | None,
    *,
    add_checks: list[Path] | None = None,
    variants: bool = False,
    follow_links: bool = True,
    options: frozenset[str] = frozenset(),
    secrets: dict[str, str] | None = None,
    against: str | None = None,
    fail_on: Severity | None = None,
) -> ExitStatus:
    """The scan every command shares: the same pipeline for a real scan and for the demo."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from footprint.api import ScanContext, run_scan
    from footprint.errors import FootprintError
    from footprint.fetch.browser import BrowserFetcher, RoutingFetcher
    from footprint.fetch.http import HttpFetcher
    from footprint.guidance import load_guidance
    from footprint.output import private_dir
    from footprint.plan import make_plan
    from footprint.store import Store, default_db_path

    catalogue = _load_catalogue(catalogue_path, add_checks)
    if only:
        unknown = sorted(set(only) - {c.id for c in catalogue.checks})
        if unknown:
            raise _fail(f"--only: no such check: {', '.join(unknown)} (see `footprint checks list`)")
    guidance = load_guidance()
    from footprint.handlers import ScanState

    plan_state = ScanState(options=options, secrets=dict(secrets or {}))
    plan = make_plan(
        profile,
        catalogue,
        browser_available=browser is not None,
        only=only or None,
        variants=variants,
        state=plan_state,
    )
    if plan.total == 0:
        raise _fail(
            "nothing to check: the profile lists no usernames, websites or watch_urls (or --only excluded them)"
        )
    try:
        private_dir(out)
    except OSError as exc:
        raise _fail(f"cannot create {out}: {exc.strerror}") from None
    try:
        store = Store(db or default_db_path())
    except FootprintError as exc:
        raise _fail(str(exc), ExitStatus.ERROR) from None
    try:
        http = HttpFetcher(policy)
    except FileNotFoundError as exc:
        raise _fail(str(exc)) from None
    fetcher = RoutingFetcher(policy, http, BrowserFetcher(policy, browser, http) if browser else None)
    ctx = ScanContext(
        catalogue=catalogue,
        guidance=guidance,
        fetcher=fetcher,
        store=store,
        browser_available=browser is not None,
        only_checks=tuple(only or ()),
        variants=variants,
        follow_links=follow_links,
        options=options,
        state=plan_state,  # what planning learnt (pages already queued) carries into the scan
    )
    err = _console(stderr=True)
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task("Probing", total=plan.total)

        def on_result(outcome, findings):  # type: ignore[no-untyped-def]
            progress.update(task, advance=1, description=f"Probing ({outcome.probe.check_id})")

        result = run_scan(ctx, profile, plan, on_result)
        if fetcher.browser is not None and result.findings:
            task = progress.add_task("Screenshots for the evidence", total=None)
            _capture_screenshots(result, fetcher.browser, store)
            progress.remove_task(task)
    fetcher.close()
    from footprint.recheck import as_report, compare, previous_scan, record_baseline

    comparison = None
    earlier = against or previous_scan(store, profile.key, result.info.id)
    if earlier is None:
        # The first scan of this person is the baseline: where each item is public by choice or by law.
        record_baseline(store, profile.key, result.info.id, {c.id: c.category for c in catalogue.checks})
    else:
        comparison = compare(store, profile.key, result.info.id, earlier)
    status = _write_reports(
        ctx, result, out, mask, store, browser, as_report(comparison) if comparison is not None else None
    )
    store.close()
    if status is ExitStatus.OK and fail_on is not None:
        alerts = (
            comparison.new_at_or_above(fail_on)
            if comparison is not None
            else [f for f in result.findings if f.severity.rank >= fail_on.rank]
        )
        if alerts:
            _console(stderr=True).print(
                f"Alert: {len(alerts)} new finding(s) at or above {fail_on.value.replace('_', ' ')} (--fail-on).",
                style="bold red",
            )
            return ExitStatus.ALERT
    return status


MAX_SCREENSHOTS = 15


def _capture_screenshots(result, browser, store) -> None:  # type: ignore[no-untyped-def]
    """A screenshot of each page with a finding (worst first), kept in the store for the evidence pack."""
    from footprint.fetch.interface import FetchFailure
    from footprint.model import utcnow

    html_pages = []
    for f in result.findings:
        saved = store.body(f.evidence.sha256)
        if saved is not None and saved[0] in ("text/html", "application/xhtml+xml"):
            html_pages.append(f.url)  # a PDF, a photo or an API answer is its own evidence: no screenshot
    urls = list(dict.fromkeys(html_pages))[:MAX_SCREENSHOTS]
    for url in urls:
        png = browser.screenshot(url)
        if not isinstance(png, FetchFailure):
            store.add_screenshot(result.info.id, url, png, utcnow())


def _write_reports(
    ctx: ScanContext, result, out: Path, mask: bool, store, browser: str | None = None, comparison=None
) -> ExitStatus:  # type: ignore[no-untyped-def]
    from footprint.output import write_private, write_private_bytes
    from footprint.render import html, json, markdown, pdf, terminal
    from footprint.report import build_report

    report = build_report(result, ctx.guidance, ctx.catalogue, mask=mask, comparison=comparison)
    html_text = html.render(report, ctx.guidance)
    html_path = write_private(out / "report.html", html_text)
    json_path = write_private(out / "report.json", json.render(report))
    md_path = write_private(out / "report.md", markdown.render(report))
    files = {"HTML report": str(html_path), "JSON report": str(json_path), "Markdown report": str(md_path)}
    if browser:
        try:
            files["PDF report"] = str(write_private_bytes(out / "report.pdf", pdf.render(html_text, browser)))
        except pdf.PdfError as exc:
            files["PDF report"] = f"not written: the browser could not print it ({exc})"
    else:
        files["PDF report"] = "not written: no browser (install Chromium, or pass --browser PATH)"
    files["Scan history"] = str(store.path)
    files["Evidence pack"] = (
        f"footprint evidence export {result.info.id} --out evidence.zip --db {store.path}"
    )
    _console().print(terminal.render(report, files))
    if result.info.interrupted:
        _console(stderr=True).print(
            "Interrupted: the findings so far are saved in the reports and the database."
        )
        return ExitStatus.INTERRUPTED
    if result.outcomes and not any(o.status.checked for o in result.outcomes):
        _console(stderr=True).print(
            "No source could be checked. Is this computer online? Behind a proxy, pass --proxy (and --ca-bundle "
            "if it inspects HTTPS).",
            style="yellow",
        )
        return ExitStatus.ERROR
    return ExitStatus.OK


ProxyOpt = Annotated[
    str | None,
    typer.Option(
        "--proxy",
        help="HTTP(S) proxy URL, e.g. http://proxy:3128. Default: the HTTPS_PROXY/HTTP_PROXY "
        "environment variables (NO_PROXY respected). Through a proxy, the proxy resolves names.",
    ),
]
CaOpt = Annotated[
    Path | None,
    typer.Option(
        "--ca-bundle",
        help="PEM file of CA certificates to trust (e.g. an intercepting proxy's CA). "
        "Default: SSL_CERT_FILE / REQUESTS_CA_BUNDLE, else the system's bundled roots.",
    ),
]
DbOpt = Annotated[
    Path | None,
    typer.Option("--db", help="SQLite scan history (default: footprint.db in your user data folder)."),
]
BrowserOpt = Annotated[
    str | None,
    typer.Option(
        "--browser",
        help="Chromium to render JavaScript-only pages with (default: FOOTPRINT_BROWSER, else chromium on PATH). "
        "Without one, those sources are reported as skipped.",
    ),
]
NoBrowserOpt = Annotated[
    bool, typer.Option("--no-browser", help="Never start a browser; skip JavaScript-only pages.")
]
MaskOpt = Annotated[bool, typer.Option("--mask", help="Share-safe reports: mask every exposed value.")]
OutOpt = Annotated[Path, typer.Option("--out", "-o", help="Folder for report.html and report.json.")]


HibpOpt = Annotated[
    str | None,
    typer.Option(
        "--hibp-key",
        envvar="FOOTPRINT_HIBP_KEY",
        help="A Have I Been Pwned API key: also list the data breaches your non-public emails are in "
        "(sends those emails to haveibeenpwned.com). Default: FOOTPRINT_HIBP_KEY.",
        show_default=False,
    ),
]
CompaniesHouseOpt = Annotated[
    str | None,
    typer.Option(
        "--companies-house-key",
        envvar="FOOTPRINT_COMPANIES_HOUSE_KEY",
        help="A Companies House API key (free from developer.company-information.service.gov.uk): also read "
        "the officer register through the official API. The key is sent to Companies House only. "
        "Default: FOOTPRINT_COMPANIES_HOUSE_KEY.",
        show_default=False,
    ),
]


def _secrets(hibp_key: str | None, companies_house_key: str | None) -> dict[str, str]:
    """The API keys the user gave, by the name the catalogue's sources ask for."""
    given = {"hibp": hibp_key, "companies_house": companies_house_key}
    return {name: value.strip() for name, value in given.items() if value and value.strip()}


FailOnOpt = Annotated[
    str | None,
    typer.Option(
        "--fail-on",
        help="Exit with status 3 when there are new findings at or above this severity (red_flag, high, medium, "
        "low, info): for scheduled runs that should alert.",
    ),
]


def _severity(text: str | None) -> Severity | None:
    if text is None:
        return None
    try:
        return Severity.parse(text)
    except ValueError:
        raise _fail(f"--fail-on: '{text}' is not a severity (red_flag, high, medium, low, info)") from None


@app.command()
def scan(
    profile_path: Annotated[Path, typer.Argument(metavar="PROFILE", help="Your profile file (TOML).")],
    out: OutOpt,
    db: DbOpt = None,
    proxy: ProxyOpt = None,
    ca_bundle: CaOpt = None,
    mask: MaskOpt = False,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a site to answer.", min=1)] = 20.0,
    workers: Annotated[int, typer.Option(help="Fetches in flight at once.", min=1, max=64)] = 16,
    per_host: Annotated[int, typer.Option(help="Fetches in flight per site.", min=1, max=8)] = 1,
    max_page_mb: Annotated[float, typer.Option(help="Read at most this much of any page.", min=0.1)] = 5.0,
    catalogue: Annotated[Path | None, typer.Option(help="Use another catalogue folder.")] = None,
    only: Annotated[list[str] | None, typer.Option(help="Probe only these check ids (repeatable).")] = None,
    browser: BrowserOpt = None,
    no_browser: NoBrowserOpt = False,
    variants: Annotated[
        bool,
        typer.Option(
            "--variants", help="Also try handles made from your name (maggieoduya, maggie.oduya, moduya ...)."
        ),
    ] = False,
    follow_links: Annotated[
        bool,
        typer.Option(
            "--follow-links/--no-follow-links",
            help="Follow links from your confirmed profiles (link-in-bio pages, website fields) to more accounts.",
        ),
    ] = True,
    add_checks: Annotated[
        list[Path] | None,
        typer.Option("--add-checks", help="Also probe a catalogue folder made by `footprint checks import`."),
    ] = None,
    hibp_key: HibpOpt = None,
    companies_house_key: CompaniesHouseOpt = None,
    web_search: Annotated[
        bool,
        typer.Option(
            "--web-search",
            help="Also search the web (DuckDuckGo) for your name with your street, postcode, phone and child's "
            "school, and read the results. This sends those details to the search engine: off by default.",
        ),
    ] = False,
    fail_on: FailOnOpt = None,
    against: Annotated[
        str | None,
        typer.Option("--against", help="Compare with this earlier scan (default: the previous one)."),
    ] = None,
) -> None:
    """Probe the catalogue for your usernames and websites, find exposed personal data, and write the reports.

    When an earlier scan of the same person exists, the report opens with what changed since."""
    from footprint.errors import ProfileError
    from footprint.profile import load_profile

    try:
        profile = load_profile(profile_path)
    except ProfileError as exc:
        raise _fail(str(exc)) from None
    threshold = _severity(fail_on)
    policy = _policy(proxy, ca_bundle, timeout, workers, per_host, max_page_mb)
    chromium = _browser(browser, no_browser)
    status = _execute(
        profile,
        out,
        db,
        policy,
        mask,
        catalogue,
        only,
        chromium,
        add_checks=add_checks,
        variants=variants,
        follow_links=follow_links,
        options=frozenset({"web_search"} if web_search else ()),
        secrets=_secrets(hibp_key, companies_house_key),
        against=against,
        fail_on=threshold,
    )
    raise typer.Exit(int(status))


@app.command()
def audit(
    roster: Annotated[
        Path, typer.Argument(metavar="ROSTER", help="A folder of profile files, or a CSV (see the README).")
    ],
    out: OutOpt,
    db: DbOpt = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Carry on an interrupted audit; skip candidates already done.")
    ] = False,
    recheck: Annotated[
        bool, typer.Option("--recheck", help="Report what is new for each candidate since their last scan.")
    ] = False,
    override_consent: Annotated[
        str | None,
        typer.Option(
            "--override-consent",
            help="Check candidates with no consent record, on your authority: give your name (it is recorded).",
        ),
    ] = None,
    mask: MaskOpt = False,
    concurrency: Annotated[
        int, typer.Option(help="Candidates scanned at once (they share one per-site budget).", min=1, max=32)
    ] = 4,
    only: Annotated[list[str] | None, typer.Option(help="Probe only these check ids (repeatable).")] = None,
    proxy: ProxyOpt = None,
    ca_bundle: CaOpt = None,
    workers: Annotated[
        int, typer.Option(help="Fetches in flight at once, per candidate.", min=1, max=64)
    ] = 8,
    per_host: Annotated[
        int, typer.Option(help="Fetches in flight per site, across the whole slate.", min=1, max=8)
    ] = 1,
    hibp_key: HibpOpt = None,
    companies_house_key: CompaniesHouseOpt = None,
) -> None:
    """Check a whole slate of candidates (with their consent) and write a dashboard that shows no exposed value."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from footprint.audit import AuditSettings, load_roster, run_audit
    from footprint.errors import FootprintError
    from footprint.fetch.http import HttpFetcher
    from footprint.guidance import load_guidance
    from footprint.output import private_dir
    from footprint.store import Store

    try:
        candidates = load_roster(roster)
    except FootprintError as exc:
        raise _fail(str(exc)) from None
    if not candidates:
        raise _fail(f"{roster}: no candidates (a folder of *.toml profiles, or a CSV with a header row)")
    catalogue = _load_catalogue(None)
    if only:
        unknown = sorted(set(only) - {c.id for c in catalogue.checks})
        if unknown:
            raise _fail(f"--only: no such check: {', '.join(unknown)}")
    path = db or (out / "audit.db")
    private_dir(out)
    try:
        Store(path).close()  # create (private) and migrate once, before the threads open it
    except FootprintError as exc:
        raise _fail(str(exc), ExitStatus.ERROR) from None
    policy = _policy(proxy, ca_bundle, 20.0, workers, per_host, 5.0)
    fetcher = HttpFetcher(policy)
    console = _console()
    for bad in (c for c in candidates if c.profile is None):
        console.print(f"skipped {bad.where}: {bad.error}", soft_wrap=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=_console(stderr=True),
        transient=True,
    ) as progress:
        overall = progress.add_task("Candidates", total=sum(1 for c in candidates if c.profile is not None))
        tasks: dict[str, object] = {}

        def on_progress(name: str, event: str) -> None:
            if event == "start":
                tasks[name] = progress.add_task(f"  {name}", total=None)
            else:
                progress.remove_task(tasks.pop(name))  # type: ignore[arg-type]
                progress.advance(overall)

        settings = AuditSettings(
            out=out,
            db=path,
            catalogue=catalogue,
            guidance=load_guidance(),
            fetcher=fetcher,
            concurrency=concurrency,
            resume=resume,
            override_consent_by=override_consent or "",
            mask=mask,
            only=tuple(only or ()),
            on_progress=on_progress,
            secrets=_secrets(hibp_key, companies_house_key),
        )
        try:
            rows = run_audit(candidates, settings)
        except KeyboardInterrupt:
            fetcher.close()
            _console(stderr=True).print(
                "Interrupted: finished candidates are saved; run again with --resume."
            )
            raise typer.Exit(int(ExitStatus.INTERRUPTED)) from None
    fetcher.close()
    scanned = [r for r in rows if r.scan_id]
    red = sum(1 for r in scanned if r.by_severity.get("red_flag") or r.red_flag_candidates)
    console.print(
        f"{len(scanned)} candidates checked ({red} with red flags), {len(rows) - len(scanned)} not checked. "
        f"Dashboard: {out / 'dashboard.html'} and {out / 'dashboard.csv'}; reports under {out / 'candidates'}."
    )
    if recheck:
        new = sum(r.new for r in scanned)
        console.print(f"New since each candidate's last scan: {new} findings across the slate.")


@app.command()
def recheck(
    profile_path: Annotated[Path, typer.Argument(metavar="PROFILE", help="Your profile file (TOML).")],
    out: OutOpt,
    db: DbOpt = None,
    against: Annotated[
        str | None, typer.Option("--against", help="Compare with this scan (default: your previous scan).")
    ] = None,
    fail_on: FailOnOpt = None,
    proxy: ProxyOpt = None,
    ca_bundle: CaOpt = None,
    mask: MaskOpt = False,
    browser: BrowserOpt = None,
    no_browser: NoBrowserOpt = False,
    web_search: Annotated[bool, typer.Option("--web-search", help="As for scan: opt-in web search.")] = False,
    hibp_key: HibpOpt = None,
    companies_house_key: CompaniesHouseOpt = None,
) -> None:
    """Scan again and lead with what changed: new, still there, gone, and what could not be rechecked."""
    from footprint.errors import ProfileError
    from footprint.profile import load_profile
    from footprint.store import default_db_path

    try:
        profile = load_profile(profile_path)
    except ProfileError as exc:
        raise _fail(str(exc)) from None
    threshold = _severity(fail_on)
    path = db or default_db_path()
    if against is None and not path.exists():
        _console(stderr=True).print("No earlier scan of you here: this scan becomes the baseline.")
    status = _execute(
        profile,
        out,
        db,
        _policy(proxy, ca_bundle, 20.0, 16, 1, 5.0),
        mask,
        None,
        None,
        _browser(browser, no_browser),
        options=frozenset({"web_search"} if web_search else ()),
        secrets=_secrets(hibp_key, companies_house_key),
        against=against,
        fail_on=threshold,
    )
    raise typer.Exit(int(status))


@app.command()
def history(
    profile_path: Annotated[Path, typer.Argument(metavar="PROFILE", help="Your profile file.")],
    db: DbOpt = None,
) -> None:
    """Your past scans, with their counts."""
    from rich.table import Table

    key, name = _profile_key(profile_path)
    with _open_store(db) as store:
        rows = store.scans(key)
    table = Table(title=f"Scans of {name}: {len(rows)}")
    for column in ("scan", "started (UTC)", "status", "probes", "findings"):
        table.add_column(column)
    for row in rows:
        status = "interrupted" if row.info.interrupted else "complete" if row.info.complete else "running"
        table.add_row(
            row.info.id,
            row.info.started_at.strftime("%Y-%m-%d %H:%M"),
            status,
            str(row.outcomes),
            str(row.findings),
        )
    _console().print(table)


@app.command()
def diff(
    first: Annotated[str, typer.Argument(metavar="A", help="The earlier scan id.")],
    second: Annotated[str, typer.Argument(metavar="B", help="The later scan id.")],
    db: DbOpt = None,
) -> None:
    """Compare two stored scans: what B has that A had not, what is gone, what could not be rechecked."""
    from rich.text import Text

    from footprint.recheck import compare
    from footprint.render.html import KIND_LABELS

    with _open_store(db) as store:
        ids = {r.info.id: r for r in store.scans()}
        for scan_id in (first, second):
            if scan_id not in ids:
                raise _fail(f"no scan '{scan_id}' in {store.path} (see `footprint history PROFILE`)")
        result = compare(store, ids[second].info.profile_key, second, first)
    console = _console()
    counts = {k: len(result.of(k)) for k in ("new", "persisting", "resolved", "unchecked")}
    console.print(
        f"{second} against {first}: {counts['new']} new, {counts['persisting']} still there, "
        f"{counts['resolved']} gone, {counts['unchecked']} not rechecked"
    )
    for change in result.changes:
        if change.change == "persisting":
            continue
        f = change.finding
        line = Text(f"{change.change:10} {f.fingerprint[:12]}  {KIND_LABELS[f.kind.value]}: ")
        line.append(f.value)  # scraped text as plain Text: it cannot style the terminal
        line.append(f"  {f.url}")
        console.print(line, soft_wrap=True)


@app.command()
def triage(
    profile_path: Annotated[Path, typer.Argument(metavar="PROFILE", help="Your profile file.")],
    finding: Annotated[
        str, typer.Argument(metavar="FINDING", help="A finding id (the first 8+ characters will do).")
    ],
    label: Annotated[
        str,
        typer.Argument(
            metavar="LABEL", help="fixed, accepted (published on purpose), false_positive or reported."
        ),
    ],
    reference: Annotated[str, typer.Option("--reference", help="A report or crime reference number.")] = "",
    note: Annotated[str, typer.Option("--note", help="Anything to remember about it.")] = "",
    db: DbOpt = None,
) -> None:
    """Label a finding; the label carries to every later scan. Accepted and false-positive findings stop counting."""
    from footprint.recheck import LABELS

    if label not in LABELS:
        raise _fail(f"'{label}' is not a label: use one of {', '.join(LABELS)}")
    if len(finding) < 8:
        raise _fail("give at least the first 8 characters of the finding id (shown in the report)")
    key, _ = _profile_key(profile_path)
    with _open_store(db) as store:
        fingerprints = {
            f.fingerprint
            for row in store.scans(key)
            for f in store.findings(row.info.id)
            if f.fingerprint.startswith(finding)
        }
        if len(fingerprints) != 1:
            found = "no finding" if not fingerprints else f"{len(fingerprints)} findings"
            raise _fail(f"{found} of yours starts with '{finding}': give more of the id")
        (full,) = fingerprints
        store.set_label(key, full, label, reference, note)
    _console().print(f"Finding {full[:12]} marked {label.replace('_', ' ')}; later scans carry the label.")


@app.command()
def baseline(
    profile_path: Annotated[Path, typer.Argument(metavar="PROFILE", help="Your profile file.")],
    scan_id: Annotated[
        str, typer.Option("--scan", help="The scan to take it from (default: your latest).")
    ] = "latest",
    db: DbOpt = None,
) -> None:
    """Record where your details are public by choice or by law (your own sites, official registers), so a later
    appearance anywhere else is flagged as a release of information not already public."""
    from footprint.recheck import record_baseline

    key, _ = _profile_key(profile_path)
    catalogue = _load_catalogue(None)
    with _open_store(db) as store:
        rows = store.scans(key)
        if not rows:
            raise _fail("no scan of you yet: run `footprint scan` first")
        chosen = rows[-1].info.id if scan_id == "latest" else scan_id
        if chosen not in {r.info.id for r in rows}:
            raise _fail(f"no scan '{scan_id}' of you (see `footprint history PROFILE`)")
        count = record_baseline(store, key, chosen, {c.id: c.category for c in catalogue.checks})
    _console().print(
        f"Baseline from scan {chosen}: {count} places where your details are public by choice or by law."
    )


@app.command()
def demo(
    out: OutOpt,
    db: Annotated[
        Path | None,
        typer.Option("--db", help="SQLite file for the demo scan (default: OUT/footprint-demo.db)."),
    ] = None,
    mask: MaskOpt = False,
    browser: BrowserOpt = None,
    no_browser: NoBrowserOpt = False,
) -> None:
    """Scan a fictional candidate in a sample world served on 127.0.0.1: the full pipeline, no internet needed."""
    import dataclasses

    from footprint.resources import checks_dir
    from footprint.sampleworld.demo import demo_profile, demo_world
    from footprint.sampleworld.server import serve

    catalogue = _load_catalogue(None)
    world = demo_world(catalogue, checks_dir())
    with serve(world) as server:
        _console(stderr=True).print(
            f"Sample world on {server.url}: scanning the fictional candidate through it as a proxy.",
            style="dim",
        )
        policy = dataclasses.replace(
            _policy(server.url, None, 5.0, 8, 1, 5.0), ca_bundle=server.ca_path, retries=1, backoff=0.2
        )
        chromium = _browser(browser, no_browser)
        status = _execute(
            demo_profile(),
            out,
            db or out / "footprint-demo.db",
            policy,
            mask,
            None,
            None,
            chromium,
            options=frozenset({"web_search"}),  # the sample world's search engine is fake: nothing leaves
        )
    raise typer.Exit(int(status))


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        # (an interrupt outside a scan's own handling, at start-up or while writing: the same quick exit as below,
        # not a wait for a fetch still in flight)
        sys.stderr.write("footprint: interrupted\n")
        sys.stderr.flush()
        os._exit(int(ExitStatus.INTERRUPTED))
    except SystemExit as done:
        if done.code == int(ExitStatus.INTERRUPTED):
            # Everything found is saved (the database commits each write; the reports are written and closed).
            # A fetch still waiting on a slow site must not hold the exit for its whole timeout: Python would
            # join that worker thread before leaving.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(int(ExitStatus.INTERRUPTED))
        raise
