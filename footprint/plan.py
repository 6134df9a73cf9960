"""Turn a profile and the catalogue into the list of probes to run, and say up front which cannot run."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from footprint.catalogue import Catalogue, Check
from footprint.handlers import HANDLERS
from footprint.model import Outcome, Probe, Profile, Status


@dataclass(frozen=True)
class Plan:
    probes: tuple[Probe, ...]
    skipped: tuple[Outcome, ...]  # probes decided without fetching (illegal username, no browser)

    @property
    def total(self) -> int:
        return len(self.probes) + len(self.skipped)


def _usernames_for(check: Check, profile: Profile) -> list[tuple[str, str]]:
    """(username, origin) pairs: handles listed for this site first, then every general username."""
    pairs: list[tuple[str, str]] = [(a.username, "accounts") for a in profile.accounts if a.site == check.id]
    pairs += [(u, "usernames") for u in profile.usernames]
    seen: set[str] = set()
    unique = []
    for username, origin in pairs:
        key = check.normalise(username.lstrip("@"))
        if key not in seen:
            seen.add(key)
            unique.append((username.lstrip("@"), origin))
    return unique


def make_plan(
    profile: Profile,
    catalogue: Catalogue,
    *,
    browser_available: bool = False,
    only: Iterable[str] | None = None,
) -> Plan:
    wanted = set(only) if only else None
    probes: list[Probe] = []
    skipped: list[Outcome] = []
    for check in catalogue.checks:
        if wanted is not None and check.id not in wanted:
            continue
        if check.handler is not None:
            probes.extend(HANDLERS[check.handler].plan(check, profile))
            continue
        for username, origin in _usernames_for(check, profile):
            probe = Probe(check.id, check.profile_url(username), origin, check.ownership, username)
            if not check.accepts(username):
                skipped.append(
                    Outcome(probe, Status.SKIPPED, f"'{username}' is not a valid {check.name} username")
                )
            elif check.needs_browser and not browser_available:
                skipped.append(
                    Outcome(
                        probe,
                        Status.SKIPPED,
                        f"{check.name} only shows profiles after JavaScript runs, "
                        "and no browser is available (install Chromium, or pass --browser PATH)",
                    )
                )
            else:
                probes.append(probe)
    return Plan(tuple(probes), tuple(skipped))
