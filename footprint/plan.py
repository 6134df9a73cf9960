"""Turn a profile and the catalogue into the list of probes to run, and say up front which cannot run."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from footprint.catalogue import Catalogue, Check
from footprint.handlers import HANDLERS, ScanState
from footprint.model import Outcome, Probe, Profile, Status, split_name


@dataclass(frozen=True)
class Plan:
    probes: tuple[Probe, ...]
    skipped: tuple[Outcome, ...]  # probes decided without fetching (illegal username, no browser)

    @property
    def total(self) -> int:
        return len(self.probes) + len(self.skipped)


_VIA = {"accounts": "listed in your profile for this site", "usernames": "your usernames"}


def _ascii_word(word: str) -> str:
    """ "Zoë" -> "zoe", "O'Brien" -> "obrien": how names become handles."""
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def name_variants(profile: Profile) -> list[tuple[str, str]]:
    """Handles people commonly make from their name, each with the rule that made it: maggieoduya,
    maggie.oduya, maggie_oduya, maggie-oduya, moduya, oduyamaggie, cllrmaggieoduya, cllroduya ..."""
    found: dict[str, str] = {}
    for name in profile.names:
        words = [w for w in (_ascii_word(w) for w in name.replace("-", " ").split()) if w]
        if len(words) < 2:
            continue
        surname = split_name(name)[
            1
        ]  # "ap Rhys" and "Kowalczyk-Brennan" are one surname: aprhys, kowalczykbrennan
        first = words[0]
        last = (
            "".join(w for w in (_ascii_word(w) for w in surname.replace("-", " ").split()) if w) or words[-1]
        )
        rules = {
            "firstlast": first + last,
            "first.last": f"{first}.{last}",
            "first_last": f"{first}_{last}",
            "first-last": f"{first}-{last}",
            "flast": first[0] + last,
            "f.last": f"{first[0]}.{last}",
            "lastfirst": last + first,
            "last.first": f"{last}.{first}",
            "cllrfirstlast": f"cllr{first}{last}",
            "cllrlast": f"cllr{last}",
            "cllr_first_last": f"cllr_{first}_{last}",
            "councillorfirstlast": f"councillor{first}{last}",
        }
        for rule, handle in rules.items():
            found.setdefault(handle, f"a variant of your name ({rule})")
    own = {u.lower() for u in profile.usernames}
    return [(handle, via) for handle, via in found.items() if handle not in own]


def _usernames_for(check: Check, profile: Profile, variants: bool) -> list[tuple[str, str, str]]:
    """(username, origin, via) triples: handles listed for this site first, then every general username, then
    (with --variants) handles made from the name."""
    triples: list[tuple[str, str, str]] = [
        (a.username, "accounts", _VIA["accounts"]) for a in profile.accounts if a.site == check.id
    ]
    triples += [(u, "usernames", _VIA["usernames"]) for u in profile.usernames]
    if variants:
        triples += [(u, "variants", via) for u, via in name_variants(profile)]
    seen: set[str] = set()
    unique = []
    for username, origin, via in triples:
        key = check.normalise(username.lstrip("@"))
        if key not in seen:
            seen.add(key)
            unique.append((username.lstrip("@"), origin, via))
    return unique


def make_plan(
    profile: Profile,
    catalogue: Catalogue,
    *,
    browser_available: bool = False,
    only: Iterable[str] | None = None,
    variants: bool = False,
    state: ScanState | None = None,
) -> Plan:
    wanted = set(only) if only else None
    probes: list[Probe] = []
    skipped: list[Outcome] = []
    for check in catalogue.checks:
        if wanted is not None and check.id not in wanted:
            continue
        if check.handler is not None:
            for item in HANDLERS[check.handler].plan(check, profile, state or ScanState()):
                if isinstance(item, Outcome):
                    skipped.append(item)
                else:
                    probes.append(item)
            continue
        for username, origin, via in _usernames_for(check, profile, variants):
            probe = Probe(check.id, check.profile_url(username), origin, check.ownership, username, via)
            if not check.accepts(username):
                if origin == "variants":
                    continue  # a variant the site can't have is not worth a line in the report
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
