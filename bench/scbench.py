# bench/scbench.py: what bench/bench-http and bench/bench-cases share.
#
# A daemon of one's own on an embedded cluster, sign-ins and JSON requests,
# wrk and pgbench runs and the reading of their figures, and the daemon's
# memory from /proc. Not run by itself.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request

DEMO_PASSWORD = "demo-password-2026"

NAME = os.path.basename(sys.argv[0])


def die(message):
    print(NAME + ": " + message, file=sys.stderr)
    sys.exit(1)


def ensure_tools():
    if shutil.which("wrk") is None:
        if os.geteuid() != 0:
            die("wrk is missing: apt-get install wrk")
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    for tool in ("pgbench", "psql"):
        if shutil.which(tool) is None:
            die(tool + " is missing: apt-get install postgresql postgresql-client")


def request(url, method="GET", body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token is not None:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=30) as answer:
        return json.loads(answer.read() or b"null")


def sign_in(base, username, password=DEMO_PASSWORD):
    return request(base + "/api/v1/sessions", "POST", {"username": username, "password": password})["token"]


def status_kib(pid, field):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def to_ms(text):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    if m is None:
        return float("nan")
    value, unit = float(m.group(1)), m.group(2)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_wrk(url, threads, connections, duration, script, env):
    """(req/s, p50 ms, p99 ms, non-2xx answers, requests)"""
    cmd = ["wrk", "-t%d" % threads, "-c%d" % connections, "-d%ds" % duration,
           "--latency", "-s", script, url]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    non2xx = int(m.group(1)) if m else 0
    total = int(re.search(r"(\d+) requests in", out).group(1))
    return rps, p50, p99, non2xx, total


def run_sequential(base, token, paths, duration):
    """One request at a time on one keep-alive connection, cycling through
    @paths for @duration seconds, each timed from its sending to the last
    byte of its answer: (req/s, p50 ms, p99 ms, non-2xx answers, requests).
    For latencies, in place of wrk, whose figures for one connection and
    answers of some 50 KB add up to more time than the run took."""
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    headers = {"Authorization": "Bearer " + token}
    latencies = []
    non2xx = 0
    started = time.monotonic()
    end = started + duration
    while time.monotonic() < end:
        sent = time.monotonic()
        connection.request("GET", paths[len(latencies) % len(paths)], headers=headers)
        answer = connection.getresponse()
        answer.read()
        latencies.append((time.monotonic() - sent) * 1000.0)
        if not 200 <= answer.status < 300:
            non2xx += 1
    elapsed = time.monotonic() - started
    connection.close()
    latencies.sort()

    def at(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p / 100.0))]

    return len(latencies) / elapsed, at(50), at(99), non2xx, len(latencies)


def run_pgbench(host, threads, connections, duration):
    cmd = ["pgbench", "-h", host, "-U", "postgres", "-S", "-M", "prepared", "-n",
           "-c%d" % connections, "-j%d" % threads, "-T%d" % duration, "pgbench"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return float(re.search(r"tps = ([\d.]+)", out).group(1))


def psql(host, sql, database="sendcase", **kwargs):
    """Runs @sql as postgres; its rows as lists of text."""
    out = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-h", host,
                          "-U", "postgres", "-d", database, "-c", sql],
                         check=True, capture_output=True, text=True, **kwargs).stdout
    return [line.split("\t") for line in out.splitlines() if line != ""]


def ensure_pgbench_database(host, scale=10):
    """pgbench's tables, in a database of their own on the same cluster"""
    if psql(host, "SELECT 1 FROM pg_database WHERE datname = 'pgbench'"):
        return
    psql(host, "CREATE DATABASE pgbench")
    subprocess.run(["pgbench", "-q", "-i", "-s", str(scale), "-h", host, "-U", "postgres", "pgbench"],
                   check=True, capture_output=True)


class Daemon:
    """sendcased on an embedded cluster in @data_dir, with the demo users,
    listening on a port of its own; a context manager that stops it."""

    def __init__(self, daemon_bin, data_dir, work, extra=()):
        self.url_file = os.path.join(work, "url")
        self.log_path = os.path.join(work, "sendcased.log")
        if os.path.exists(self.url_file):
            os.unlink(self.url_file)
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen([daemon_bin, "--data-dir", data_dir, "--listen", "127.0.0.1:0",
                                      "--port-file", self.url_file, "--demo-data"] + list(extra),
                                     stdout=self.log, stderr=self.log)
        self.pid = self.proc.pid
        self.host = os.path.join(data_dir, "run")

    def wait_ready(self, tries=600):
        for _ in range(tries):
            if os.path.exists(self.url_file) and os.path.getsize(self.url_file) > 0:
                self.base = open(self.url_file).read().strip()
                return self.base
            if self.proc.poll() is not None:
                die("sendcased did not start; its log is " + self.log_path)
            time.sleep(0.1)
        die("sendcased did not start in time; its log is " + self.log_path)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
        return False
