"""Every site's rule tells its own found fixture from its not-found fixture (offline, on the canned pages)."""

from __future__ import annotations

import pytest

from footprint.catalogue import judge, load_catalogue
from footprint.fixtures import site_fixtures
from footprint.model import Status
from footprint.resources import checks_dir

CATALOGUE = load_catalogue()
SITES = [c for c in CATALOGUE.sites]


@pytest.mark.parametrize("check", SITES, ids=[c.id for c in SITES])
def test_rule_tells_found_from_not_found(check):
    fixtures = site_fixtures(checks_dir(), check.id)
    assert {"found", "not_found"} <= set(fixtures), f"{check.id} needs found.http and not_found.http fixtures"
    found = fixtures["found"].as_page(check.fetch_url(check.known_claimed))
    missing_url = check.fetch_url(check.known_unclaimed)
    redirects = tuple(v for k, v in fixtures["not_found"].headers if k.lower() == "location")
    missing = fixtures["not_found"].as_page(missing_url, redirects=redirects)
    assert judge(check, found, check.normalise(check.known_claimed)).status is Status.FOUND
    verdict = judge(check, missing, check.normalise(check.known_unclaimed))
    assert verdict.status is Status.NOT_FOUND, verdict.reason


@pytest.mark.parametrize("check", SITES, ids=[c.id for c in SITES])
def test_found_page_for_someone_else_is_not_found_for_this_username(check):
    """The found rule must be tied to the username, not just to 'a profile page'."""
    fixtures = site_fixtures(checks_dir(), check.id)
    page = fixtures["found"].as_page(check.fetch_url(check.known_unclaimed))
    assert judge(check, page, check.normalise(check.known_unclaimed)).status is not Status.FOUND
