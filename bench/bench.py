"""dbcurl's benchmark: the same requests with dbcurl and curl against nginx on
127.0.0.1 with TLS, interleaved (A B A B ...), medians and ratios measured in
the same run. No assertion on time: it fails only when a command fails."""

import argparse
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

TOKEN = "dapi0123456789abcdef0123456789abcdef"
GIB = 1 << 30


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Nginx:
    def __init__(self, work):
        self.work = work
        self.port = free_port()
        self.cert = os.path.join(work, "cert.pem")
        key = os.path.join(work, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                        "-nodes", "-keyout", key, "-out", self.cert, "-days", "2", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
        with open(os.path.join(work, "big.bin"), "wb") as big:
            big.truncate(GIB)
        os.chmod(os.path.join(work, "big.bin"), 0o644)
        conf = os.path.join(work, "nginx.conf")
        with open(conf, "w") as handle:
            handle.write(f"""
worker_processes 1;
daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 256; }}
http {{
  access_log off;
  keepalive_requests 10000;
  client_body_temp_path {work}/body; proxy_temp_path {work}/proxy; fastcgi_temp_path {work}/fcgi;
  uwsgi_temp_path {work}/uwsgi; scgi_temp_path {work}/scgi;
  server {{
    listen 127.0.0.1:{self.port} ssl http2;
    ssl_certificate {self.cert};
    ssl_certificate_key {key};
    location = /api/2.0/clusters/list {{ default_type application/json; return 200 '{{"clusters":[]}}'; }}
    location /small/ {{ default_type application/json; return 200 '{{"ok":true}}'; }}
    location = /big {{ alias {work}/big.bin; }}
  }}
}}
""")
        self.process = subprocess.Popen(["nginx", "-c", conf, "-p", work], stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not start")

    @property
    def origin(self):
        return f"https://127.0.0.1:{self.port}"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def measure(argv, env):
    """(wall seconds, user+sys seconds, peak RSS KiB) of one run."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    error = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {code}: {error}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def interleaved(pairs, runs, env):
    """Runs each command of pairs in turn, runs times; medians per command."""
    samples = {name: [] for name, _ in pairs}
    for _ in range(runs):
        for name, argv in pairs:
            samples[name].append(measure(argv, env))
    return {name: tuple(statistics.median(s[i] for s in values) for i in range(3))
            for name, values in samples.items()}


def callgrind(argv, env):
    result = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + argv,
                            env=env, capture_output=True, text=True)
    for line in result.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1].strip())
    raise RuntimeError("callgrind printed no count: " + result.stderr[-500:])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dbcurl", required=True)
    parser.add_argument("--runs", type=int, default=40, help="pairs for the small cases")
    parser.add_argument("--output", default=os.path.join(os.path.dirname(__file__), "results.md"))
    options = parser.parse_args()
    dbcurl = os.path.abspath(options.dbcurl)
    curl = shutil.which("curl")

    work = tempfile.mkdtemp(prefix="dbcurl-bench-")
    os.chmod(work, 0o755)  # nginx's worker (not root) serves big.bin from here
    nginx = Nginx(work)
    rows = []
    notes = []
    try:
        home = os.path.join(work, "home")
        os.makedirs(home)
        with open(os.path.join(home, ".databrickscfg"), "w") as cfg:
            cfg.write(f"[DEFAULT]\nhost = {nginx.origin}\ntoken = {TOKEN}\n")
        os.chmod(os.path.join(home, ".databrickscfg"), 0o600)
        env = {"PATH": os.environ["PATH"], "HOME": home, "CURL_CA_BUNDLE": nginx.cert}
        header = ["-H", f"Authorization: Bearer {TOKEN}"]
        url = nginx.origin + "/api/2.0/clusters/list"

        def row(case, metric, mine, theirs, unit, better="lower"):
            ratio = mine / theirs if theirs else float("nan")
            rows.append((case, metric, mine, theirs, unit, ratio, better))

        # 1. one small GET: token from ~/.databrickscfg vs the header given to curl
        small = interleaved([("dbcurl", [dbcurl, "-sf", "/api/2.0/clusters/list"]),
                             ("curl", [curl, "-sf"] + header + [url])], options.runs, env)
        row("1 small GET", "wall", small["dbcurl"][0] * 1000, small["curl"][0] * 1000, "ms")
        row("1 small GET", "user+sys CPU", small["dbcurl"][1] * 1000, small["curl"][1] * 1000, "ms")
        row("1 small GET", "peak RSS", small["dbcurl"][2] / 1024, small["curl"][2] / 1024, "MiB")
        rss_delta = (small["dbcurl"][2] - small["curl"][2]) / 1024

        # 2. 1,000 small GETs in one call (globbing, connection reuse)
        many_url = nginx.origin + "/small/[1-1000]"
        many = interleaved([("dbcurl", [dbcurl, "-sf", "-o", "/dev/null", many_url]),
                            ("curl", [curl, "-sf", "-o", "/dev/null"] + header + [many_url])], 7, env)
        row("2 1,000 GETs, one call", "wall", many["dbcurl"][0] * 1000, many["curl"][0] * 1000, "ms")

        # 3. one 1 GiB download to /dev/null
        big = interleaved([("dbcurl", [dbcurl, "-sf", "-o", "/dev/null", nginx.origin + "/big"]),
                           ("curl", [curl, "-sf", "-o", "/dev/null"] + header + [nginx.origin + "/big"])], 5, env)
        row("3 1 GiB download", "throughput", GIB / big["dbcurl"][0] / 2**20, GIB / big["curl"][0] / 2**20, "MiB/s",
            "higher")

        # 4. -Z parallel: 1,000 GETs
        parallel = interleaved([("dbcurl", [dbcurl, "-sfZ", "-o", "/dev/null", many_url]),
                                ("curl", [curl, "-sfZ", "-o", "/dev/null"] + header + [many_url])], 7, env)
        row("4 -Z, 1,000 GETs", "wall", parallel["dbcurl"][0] * 1000, parallel["curl"][0] * 1000, "ms")

        # 5. token_command: first call vs cached calls
        helper = os.path.join(work, "helper.sh")
        count_file = os.path.join(work, "spawns")
        with open(helper, "w") as script:
            script.write(f'#!/bin/sh\necho x >> "{count_file}"\n'
                         f'echo \'{{"access_token": "{TOKEN}", "expiry": "2099-01-01T00:00:00Z"}}\'\n')
        os.chmod(helper, 0o755)
        helper_home = os.path.join(work, "helper-home")
        os.makedirs(os.path.join(helper_home, ".config", "dbcurl"))
        with open(os.path.join(helper_home, ".config", "dbcurl", "config.toml"), "w") as toml:
            toml.write(f'[hosts."127.0.0.1:{nginx.port}"]\ntoken_command = ["{helper}"]\n')
        helper_env = dict(env, HOME=helper_home, DATABRICKS_HOST=nginx.origin)
        first = measure([dbcurl, "-sf", "/api/2.0/clusters/list"], helper_env)
        cached = [measure([dbcurl, "-sf", "/api/2.0/clusters/list"], helper_env) for _ in range(options.runs)]
        cached_wall = statistics.median(c[0] for c in cached)
        row("5 token_command", "wall, first vs cached", first[0] * 1000, cached_wall * 1000, "ms")
        with open(count_file) as counted:
            spawns = len(counted.read().splitlines())
        notes.append(f"case 5: the helper ran {spawns} time(s) for {1 + options.runs} calls "
                     "(budget: once per token lifetime).")

        # 6. startup
        start = interleaved([("dbcurl", [dbcurl, "--version"]), ("curl", [curl, "--version"])], options.runs, env)
        row("6 startup (--version)", "wall", start["dbcurl"][0] * 1000, start["curl"][0] * 1000, "ms")

        # For the record: HTTPie, the tool a user might pick instead.
        if shutil.which("http"):
            httpie = interleaved([("http", ["http", "--verify", nginx.cert, "GET", url,
                                            f"Authorization:Bearer {TOKEN}"])], 10, env)
            row("record: HTTPie small GET", "wall", httpie["http"][0] * 1000, small["curl"][0] * 1000, "ms")

        # Instruction counts for case 1 (repeatable on a noisy machine).
        if shutil.which("valgrind"):
            mine = callgrind([dbcurl, "-sf", "/api/2.0/clusters/list"], env)
            theirs = callgrind([curl, "-sf"] + header + [url], env)
            row("1 small GET", "instructions (callgrind)", mine / 1e6, theirs / 1e6, "M")
    finally:
        nginx.stop()
        shutil.rmtree(work, ignore_errors=True)

    version = subprocess.run([dbcurl, "--version"], capture_output=True, text=True).stdout.splitlines()
    lines = ["# Benchmark results", "",
             f"- date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
             f"- machine: {platform.machine()}, {os.cpu_count()} cores, {cpu_model()}",
             f"- {version[0]}; reference: {version[1].split(' (')[0]} (system curl, same libcurl)",
             f"- nginx on 127.0.0.1 with TLS (HTTP/2); medians of interleaved runs ({options.runs} pairs for the small cases)",
             "", "| case | metric | dbcurl | curl | unit | dbcurl/curl |", "|---|---|---|---|---|---|"]
    for case, metric, mine, theirs, unit, ratio, better in rows:
        lines.append(f"| {case} | {metric} | {mine:.2f} | {theirs:.2f} | {unit} | {ratio:.3f} |")
    lines += ["", f"Peak RSS difference, case 1: {rss_delta:+.2f} MiB (budget: within 1 MiB)."]
    lines += [""] + [f"- {note}" for note in notes]
    with open(os.path.join(os.path.dirname(__file__), "notes.md")) as analysis:
        lines += ["", analysis.read().rstrip()]
    text = "\n".join(lines) + "\n"
    print(text)
    with open(options.output, "w") as handle:
        handle.write(text)
    return 0


def cpu_model():
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


if __name__ == "__main__":
    sys.exit(main())
