"""Pelican builds forked from a process that has already imported Pelican and the plugins.

A test build of a small site costs about half a second before Pelican reads its first file: starting Python and
importing Pelican, Jinja, the Markdown renderer and the plugins. The failure-mode tests alone make 45 such builds.
`Builds.run` asks a server (this file run as a script, one per pytest worker) to fork a child per build: the
child starts with the modules imported and runs `python -m pelican` as a new process would (its own arguments,
environment, working folder, standard streams and exit code), so the build under test is Pelican's own, from
its command line to its exit. The server itself never builds, so no build sees another build's state.

Only builds that a fresh interpreter would start the same way are forked: the same Python, hash seed, locale
and path settings as the server (see `Builds.can_fork`); the others, and every build on a system without
fork, run as a subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
#: Environment variables read when a new interpreter starts or when Pelican is imported (rich, Pelican's log
#: console, reads the terminal's size and colours then): a build that sets one differently is not forked.
STARTUP_VARIABLES = ("PYTHON", "LC_", "LANG", "COLUMNS", "LINES", "TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR",
                     "TTY_", "JUPYTER_", "CLICOLOR")


def _startup(env: dict) -> dict:
    return {key: value for key, value in env.items() if key.startswith(STARTUP_VARIABLES)}


class Builds:
    """The server of one test process, started at the first build and stopped when the process exits."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._server: subprocess.Popen | None = None
        self._env: dict = {}

    def can_fork(self, cmd: list[str], env: dict, cwd: Path) -> bool:
        server_env = self._env if self._server is not None and self._server.poll() is None else dict(os.environ)
        return (hasattr(os, "fork") and Path(cwd).resolve() == ROOT and cmd[:3] == [sys.executable, "-m", "pelican"]
                and _startup(env) == _startup(server_env))

    def run(self, cmd: list[str], *, env: dict, cwd: Path) -> subprocess.CompletedProcess:
        """What subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True) returns."""
        if not self.can_fork(cmd, env, cwd):
            return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
        with self._lock, tempfile.TemporaryDirectory(prefix="build-streams-") as streams:
            out, err = Path(streams, "stdout"), Path(streams, "stderr")
            request = {"argv": ["pelican", *cmd[3:]], "env": env, "cwd": str(cwd), "stdout": str(out),
                       "stderr": str(err)}
            server = self._started()
            server.stdin.write(json.dumps(request) + "\n")
            server.stdin.flush()
            answer = server.stdout.readline()
            if not answer:  # the server died: say so as a failed build would, and start a new one next time
                self._server = None
                return subprocess.CompletedProcess(cmd, 1, "", f"the build server stopped: {server.wait()}")
            code = json.loads(answer)["returncode"]
            return subprocess.CompletedProcess(cmd, code, _read(out), _read(err))

    def _started(self) -> subprocess.Popen:
        if self._server is None or self._server.poll() is not None:
            self._env = dict(os.environ)
            self._server = subprocess.Popen([sys.executable, str(HERE)], cwd=ROOT, env=self._env,
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        return self._server

    def close(self) -> None:
        if self._server is not None and self._server.poll() is None:
            self._server.stdin.close()
            self._server.wait(timeout=30)


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace") if path.exists() else ""


# -- The server ------------------------------------------------------------------------------------------------


def _preload() -> None:
    """Import what every build imports: Pelican and its generators, readers and writers, each plugin, and what the
    build imports only where it first needs it (so that its own process stays small at a large site's peak): the
    Markdown renderer (for the first body its cache does not have: most test builds have one), icalendar (each
    rendering process that writes a calendar), lunr and the stemmers (a small site's search indexes), Pillow's
    image formats, and the progress display Pelican shows while it writes. The theme's catalogues are compiled too
    (`content_model.catalogues` keeps each language's per process, by folder): the same files a build would compile
    (no test edits them; a test with other catalogues has them in a theme folder of its own)."""
    import importlib

    import pelican  # noqa: F401
    import pelican.generators  # noqa: F401
    import pelican.readers  # noqa: F401
    import pelican.writers  # noqa: F401

    sys.path.insert(0, str(ROOT / "plugins"))
    for folder in sorted((ROOT / "plugins").iterdir()):
        if (folder / "plugin.py").is_file():
            importlib.import_module(f"{folder.name}.plugin")
    for name in ("content_model.sanitize", "icalendar", "search.index", "rich.status"):
        importlib.import_module(name)
    from PIL import Image

    Image.init()  # what Pillow does at the first image it opens or saves: import its format plugins
    from content_model.catalogues import DEFAULT_DIR, catalogue

    for folder in sorted(DEFAULT_DIR.iterdir()):
        if (folder / "LC_MESSAGES").is_dir():
            catalogue(str(DEFAULT_DIR), folder.name)
    sys.path.pop(0)  # the build adds PLUGIN_PATHS itself, as a new process would


def _child(request: dict) -> None:
    """Become `python -m pelican ARGS` in the request's folder and environment, then exit with its code."""
    import atexit
    import runpy
    import time

    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        time.tzset()
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        for fd, name in ((1, "stdout"), (2, "stderr")):
            target = os.open(request[name], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(target, fd)
            os.close(target)
        sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 - the process's own streams
        sys.stdout = open(1, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
        sys.argv = list(request["argv"])
        sys.path[0] = os.getcwd()  # as `python -m` puts it, instead of this script's folder
        try:
            runpy.run_module("pelican", run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as exit_:  # what the interpreter makes of sys.exit(x)
            if exit_.code is None or isinstance(exit_.code, int):
                code = exit_.code or 0
            else:
                print(exit_.code, file=sys.stderr)
                code = 1
        except BaseException:
            import traceback

            traceback.print_exc()
            code = 1
        atexit._run_exitfuncs()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001, S110 - a closed stream: nothing more to say
                pass
        os._exit(code)


def serve() -> None:
    _preload()
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(request)
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    serve()
