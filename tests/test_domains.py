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


def test_a_host_on_an_ending_the_list_does_not_know_keeps_its_own_name():
    """Not its last label: "vote" for "www.bernie.vote" would make every page on that ending the person's."""
    assert domains.registered_domain("https://www.bernieforashgrove.example/") == "bernieforashgrove.example"
    assert domains.registered_domain("https://app.tracepoint.example/report/1") == "tracepoint.example"
    assert domains.registered_domain("http://127.0.0.1:8080/x") == "127.0.0.1"
    assert domains.registered_domain("http://localhost/") == "localhost"
