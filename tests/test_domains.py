"""Registered domains come from tldextract's bundled suffix list: no download, no cache written."""

from __future__ import annotations

import socket

from footprint import domains


def test_registered_domains_offline(monkeypatch, tmp_path):
    def no_network(*args, **kwargs):
        raise AssertionError("tldextract tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    domains._extractor.cache_clear()
    assert domains.registered_domain("https://www.maggieoduya.org.uk/news") == "maggieoduya.org.uk"
    assert domains.registered_domain("https://councillors.brackenfield.gov.uk/") == "brackenfield.gov.uk"
    assert domains.registered_domain("https://maggie.tumblr.com/") == "tumblr.com"
    assert not (tmp_path / "cache").exists()
