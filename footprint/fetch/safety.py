"""Which addresses footprint may contact: never a private, loopback or link-local one unless explicitly allowed."""

from __future__ import annotations

import ipaddress
import socket

import urllib3.connection
import urllib3.connectionpool

LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home", ".home.arpa", ".intranet", ".corp")


class PrivateAddressError(OSError):
    """Raised at connect time when a name turns out to point inside a private network."""


def address_allowed(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def literal_or_local_refusal(host: str) -> str | None:
    """The check that needs no DNS: used for every URL, and the only one when a proxy resolves names."""
    name = host.strip("[]").rstrip(".").lower()
    if not name:
        return "the URL has no host"
    try:
        ipaddress.ip_address(name.split("%", 1)[0])
    except ValueError:
        if name == "localhost" or name.endswith(LOCAL_SUFFIXES) or "." not in name:
            return f"'{host}' is a local network name"
        return None
    if not address_allowed(name):
        return f"{name} is a private, loopback or link-local address"
    return None


def _guard(sock: socket.socket, host: str) -> socket.socket:
    peer = sock.getpeername()[0]
    if not address_allowed(peer):
        sock.close()
        raise PrivateAddressError(
            f"refused: {host} resolves to {peer}, a private, loopback or link-local address"
        )
    return sock


class GuardedHTTPConnection(urllib3.connection.HTTPConnection):
    """Checks the address actually connected to, so DNS tricks between check and connect cannot slip past."""

    def _new_conn(self) -> socket.socket:
        return _guard(super()._new_conn(), self.host)


class GuardedHTTPSConnection(urllib3.connection.HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        return _guard(super()._new_conn(), self.host)


class GuardedHTTPConnectionPool(urllib3.connectionpool.HTTPConnectionPool):
    ConnectionCls = GuardedHTTPConnection


class GuardedHTTPSConnectionPool(urllib3.connectionpool.HTTPSConnectionPool):
    ConnectionCls = GuardedHTTPSConnection
