"""The floor under every page: nginx serving a static file, measured like gunicorn.

nginx (Debian's, /usr/sbin/nginx; installed with apt-get when missing and the bench runs as
root, else the baseline is skipped and the summary says why) runs in the foreground on a free
loopback port with a configuration and prefix in a temporary directory, serving one ~40 KB file,
no access log; it is always stopped on leaving. Its server CPU per request is read from /proc for
its master and worker processes, as gunicorn's is.

The other baseline, the bare Django view through the full middleware stack, is a URL of the
bench's own settings (bench/urls.py), served by the same gunicorn as the pages.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from loadtest import HOST, ServerProcess

NGINX = Path("/usr/sbin/nginx")
STATIC_NAME = "static-40k.css"
STATIC_PATH = f"/{STATIC_NAME}"
STATIC_BYTES = 40 * 1024
CONFIG = """\
worker_processes auto;
daemon off;
master_process on;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    sendfile on;
    keepalive_timeout 5;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    types {{ text/css css; }}
    server {{
        listen {host}:{port} backlog=2048;
        root {tmp}/www;
        location / {{ }}
    }}
}}
"""


def ensure_nginx() -> str:
    """'' when nginx can run; else why the static baseline is skipped."""
    if NGINX.exists():
        return ""
    if os.geteuid() != 0:
        return f"{NGINX} is missing and the bench is not running as root to install it"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    done = subprocess.run(
        ["apt-get", "install", "-y", "-qq", "nginx"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not NGINX.exists():
        lines = (done.stderr or done.stdout).strip().splitlines()
        return f"apt-get install nginx failed: {lines[-1] if lines else done.returncode}"
    return ""


def static_file() -> bytes:
    """About 40 KB of stylesheet-like text, the same every run."""
    line = ".govuk-bench-{n:05d} {{ margin: 0 0 {m}px; padding: {p}px; color: #0b0c0c; }}\n"
    out, n = [], 0
    size = 0
    while size < STATIC_BYTES:
        text = line.format(n=n, m=n % 40, p=n % 15)
        out.append(text)
        size += len(text)
        n += 1
    return "".join(out).encode()[:STATIC_BYTES]


class Nginx(ServerProcess):
    """nginx serving one static file on a free loopback port; always stopped on leaving."""

    NAME = "nginx"
    READY_PATH = STATIC_PATH
    READY_SECONDS = 20.0

    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="coopnet-bench-nginx-"))

    def ready(self, status: str) -> bool:
        return status == "200"

    def start(self) -> subprocess.Popen[bytes]:
        www = self.tmp / "www"
        www.mkdir()
        (www / STATIC_NAME).write_bytes(static_file())
        # The workers run as an unprivileged user when the master is root: let them read it.
        for path in (self.tmp, www):
            path.chmod(0o755)
        (www / STATIC_NAME).chmod(0o644)
        conf = self.tmp / "nginx.conf"
        conf.write_text(CONFIG.format(tmp=self.tmp, host=HOST, port=self.port))
        log = (self.tmp / "stdout.log").open("ab")
        with log:
            return subprocess.Popen(
                [
                    str(NGINX),
                    "-p",
                    str(self.tmp),
                    "-c",
                    str(conf),
                    "-e",
                    str(self.tmp / "error.log"),
                ],
                stdout=log,
                stderr=log,
                start_new_session=True,
            )

    def stop(self) -> None:
        """SIGQUIT (a graceful stop), then SIGTERM, then SIGKILL to its process group."""
        if self.process is not None and self.process.poll() is None:
            for sig, wait in ((signal.SIGQUIT, 10), (signal.SIGTERM, 5)):
                self.process.send_signal(sig)
                try:
                    self.process.wait(timeout=wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
            else:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def log_tail(self, lines: int = 20) -> str:
        text = []
        for name in ("error.log", "stdout.log"):
            path = self.tmp / name
            if path.exists():
                text += path.read_text(errors="replace").splitlines()[-lines:]
        return "\n".join(text)
