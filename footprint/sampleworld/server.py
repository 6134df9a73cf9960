"""A fake web on 127.0.0.1: an HTTP(S) proxy that intercepts TLS with a throwaway CA and answers from a World.

The demo and the tests point the real fetcher at it with --proxy and --ca-bundle, exactly as a user behind a
corporate proxy would, so real hostnames and URL patterns from the catalogue are exercised without any internet.
It never forwards a request anywhere: a host the world doesn't know gets a 502.
"""

from __future__ import annotations

import contextlib
import os
import socket
import ssl
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


@dataclass(frozen=True)
class WorldRequest:
    method: str
    scheme: str
    host: str
    port: int
    path: str  # path and query, as sent
    headers: tuple[tuple[str, str], ...]

    @property
    def url(self) -> str:
        default = 443 if self.scheme == "https" else 80
        netloc = self.host if self.port == default else f"{self.host}:{self.port}"
        return f"{self.scheme}://{netloc}{self.path}"


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "text/html; charset=utf-8"),)
    delay: float = 0.0  # seconds before the status line: a slow site
    drip: float = 0.0  # seconds between 1 KB body chunks: a site that trickles
    chunk_body: bytes | None = None  # a body made by repeating this, with the length in `repeat`
    repeat: int = 0
    drop: bool = False  # close the connection without answering


World = Callable[[WorldRequest], Reply]


class _Writer:
    """Unbuffered writes over a (TLS) socket, using sendall so nothing is half-sent."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def write(self, data: bytes) -> int:
        self._sock.sendall(data)
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30
    server: WorldServer
    tunnel: tuple[str, int] | None = None

    def log_message(self, format: str, *args: Any) -> None:
        self.server.log.append(format % args)

    def do_CONNECT(self) -> None:  # noqa: N802 (http.server's naming)
        host, _, port = self.path.rpartition(":")
        try:
            context = self.server.tls_context(host)
        except ValueError:
            self.send_error(400, "bad CONNECT target")
            return
        self.send_response(200, "Connection Established")
        self.end_headers()
        try:
            tls = context.wrap_socket(self.connection, server_side=True)
        except (ssl.SSLError, OSError):
            self.close_connection = True
            return
        self.connection = tls
        self.rfile = tls.makefile("rb")
        self.wfile = _Writer(tls)  # type: ignore[assignment]
        self.tunnel = (host, int(port or 443))
        self.close_connection = False
        while not self.close_connection:
            try:
                self.handle_one_request()
            except (ssl.SSLError, OSError):
                break
        self.close_connection = True

    def do_GET(self) -> None:  # noqa: N802
        self._answer()

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer()

    def do_POST(self) -> None:  # noqa: N802
        self._answer()

    def _request(self) -> WorldRequest:
        headers = tuple((k, v) for k, v in self.headers.items())
        if self.tunnel is not None:
            return WorldRequest(
                self.command, "https", self.tunnel[0].lower(), self.tunnel[1], self.path, headers
            )
        if self.path.startswith(("http://", "https://")):
            parts = urlsplit(self.path)
            path = parts.path or "/"
            if parts.query:
                path += "?" + parts.query
            default = 443 if parts.scheme == "https" else 80
            return WorldRequest(
                self.command,
                parts.scheme,
                (parts.hostname or "").lower(),
                parts.port or default,
                path,
                headers,
            )
        host = self.headers.get("Host", "127.0.0.1")
        name, _, port = host.rpartition(":") if ":" in host else (host, "", "80")
        return WorldRequest(self.command, "http", name.lower(), int(port or 80), self.path, headers)

    def _answer(self) -> None:
        request = self._request()
        self.server.requests.append(request)
        if int(self.headers.get("Content-Length") or 0):
            self.rfile.read(int(self.headers["Content-Length"]))
        try:
            reply = self.server.world(request)
        except Exception as exc:  # a broken world is a test bug: answer 500 and say why
            reply = Reply(500, f"sample world error: {exc!r}".encode(), (("Content-Type", "text/plain"),))
        if reply.drop:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        if reply.delay and self.server.stopping.wait(reply.delay):
            return
        length = len(reply.chunk_body) * reply.repeat if reply.chunk_body is not None else len(reply.body)
        try:
            self.send_response(reply.status)
            for name, value in reply.headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(length))
            self.end_headers()
            if self.command == "HEAD":
                return
            if reply.chunk_body is not None:
                for _ in range(reply.repeat):
                    self.wfile.write(reply.chunk_body)
            elif reply.drip:
                for start in range(0, len(reply.body), 1024):
                    if self.server.stopping.wait(reply.drip):
                        return
                    self.wfile.write(reply.body[start : start + 1024])
            else:
                self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            self.close_connection = True


class WorldServer(ThreadingHTTPServer):
    """Serves a World on 127.0.0.1 as a proxy (plain and CONNECT) and as an origin server."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, world: World, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.world = world
        self.requests: list[WorldRequest] = []
        self.log: list[str] = []
        self.stopping = threading.Event()
        self._contexts: dict[str, ssl.SSLContext] = {}
        self._lock = threading.Lock()
        self._ca: Any = None
        self._tmp = tempfile.TemporaryDirectory(prefix="footprint-world-")
        os.chmod(self._tmp.name, 0o700)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    @property
    def ca_path(self) -> str:
        """A PEM file with the throwaway CA, for --ca-bundle. Made on first use; deleted when the server stops."""
        path = Path(self._tmp.name) / "sample-world-ca.pem"
        with self._lock:
            if self._ca is None:
                import trustme

                self._ca = trustme.CA(organization_name="footprint sample world (throwaway)")
            if not path.exists():
                self._ca.cert_pem.write_to_path(str(path))
        return str(path)

    def tls_context(self, host: str) -> ssl.SSLContext:
        if not host or any(c in host for c in "/ \\"):
            raise ValueError(host)
        _ = self.ca_path
        with self._lock:
            context = self._contexts.get(host)
            if context is None:
                context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
                self._ca.issue_cert(host).configure_cert(context)
                self._contexts[host] = context
            return context

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that hang up mid-answer are part of what the fake web tests; record, don't print."""
        import traceback

        self.log.append(traceback.format_exc(limit=2))

    def start(self) -> WorldServer:
        self._thread = threading.Thread(target=self.serve_forever, name="sample-world", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
        self._tmp.cleanup()


@contextlib.contextmanager
def serve(world: World) -> Iterator[WorldServer]:
    server = WorldServer(world).start()
    try:
        yield server
    finally:
        server.stop()


@dataclass
class Router:
    """A World built from exact URLs and per-host fallbacks: the simple way to write a fake site in a test."""

    pages: dict[str, Reply] = field(default_factory=dict)
    hosts: dict[str, World] = field(default_factory=dict)
    fallback: World | None = None

    def __call__(self, request: WorldRequest) -> Reply:
        reply = self.pages.get(request.url)
        if reply is not None:
            return reply
        host_world = self.hosts.get(request.host)
        if host_world is not None:
            return host_world(request)
        if self.fallback is not None:
            return self.fallback(request)
        return unknown_host(request)


def unknown_host(request: WorldRequest) -> Reply:
    return Reply(
        502,
        f"The sample world has no site at {request.host}; nothing was sent to the internet.".encode(),
        (("Content-Type", "text/plain; charset=utf-8"),),
    )
