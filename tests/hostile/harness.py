"""Run one hostile case in a child process with a time and memory budget.

The hostile suite (tests/hostile/) and ``benchmarks/hostile.py`` share this helper. A case is
Python source run in a fresh interpreter (the source tree importable) under
``RLIMIT_AS`` (address space, default 1 GiB) and ``RLIMIT_CPU``, with a wall-clock kill of the
whole process group. The case's code runs inside a wrapper that catches :class:`QkError` and
prints one result line, so a test asserts on structured data, never on a traceback's text:

    r = run_case('''
        from qk3editor.core.markdown_io import read_markdown_file
        read_markdown_file(Path(ARGS["path"]))
    ''', args={"path": str(big)})
    assert r.refused and r.code == "input_too_large"

Inside the case: ``ARGS`` (the ``args`` dict, JSON), ``Path``, and ``RESULT`` (a dict whose items
are added to the result line, e.g. ``RESULT["rows"] = n``). ``r.outcome`` is ``"ok"`` (finished),
``"refused"`` (a QkError: ``r.code``, ``r.message`` in English, ``r.message_vi`` in Vietnamese,
``r.params``), ``"error"`` (another exception: ``r.error`` names it, ``r.stderr`` has the
traceback), ``"killed"`` (over the wall-clock budget), or ``"crashed"`` (no result line: CPU
limit, MemoryError outside the wrapper, a signal). ``r.wall_ms`` and ``r.peak_mb`` (the child's
VmHWM, else its ``ru_maxrss``, which also counts the parent's RSS at fork time) measure the run;
tests must not assert on them, the benchmark prints them.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MARK = "QK3-HOSTILE-RESULT "
DEFAULT_MEM = 1 << 30  # 1 GiB of address space
DEFAULT_CPU_S = 30
DEFAULT_WALL_S = 30.0

_CHILD = r"""
import resource, sys
# the limits first, before anything is imported or read (no preexec_fn: the parent may have
# threads, e.g. under pytest-qt)
_mem, _cpu = int(sys.argv[2]), int(sys.argv[3])
if _mem:
    resource.setrlimit(resource.RLIMIT_AS, (_mem, _mem))
if _cpu:
    resource.setrlimit(resource.RLIMIT_CPU, (_cpu, _cpu + 1))
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
import json, traceback
from pathlib import Path
MARK = %(mark)r
ARGS = json.loads(sys.argv[1])
RESULT = {}
source = sys.stdin.read()
try:
    exec(compile(source, "<hostile case>", "exec"), {"ARGS": ARGS, "RESULT": RESULT,
                                                     "Path": Path, "__name__": "__case__"})
    out = {"outcome": "ok"}
except BaseException as exc:  # noqa: BLE001 - the harness reports every kind
    out = None
    try:
        from qk3editor.core.errors import QkError
    except Exception:  # pragma: no cover - the tree cannot be imported
        QkError = ()
    if QkError and isinstance(exc, QkError):
        vi = ""
        try:
            from qk3editor.core.i18n import Translator
            from qk3editor.paths import resources_dir
            tr = Translator.load("vi", resources_dir() / "translations")
            vi = exc.message(tr)
        except Exception as e2:
            vi = "<no translator: %%s>" %% type(e2).__name__
        out = {"outcome": "refused", "code": exc.code, "message": exc.message(),
               "message_vi": vi,
               "params": {k: (v if isinstance(v, (int, float, str, bool, type(None)))
                              else str(v)) for k, v in exc.params.items()}}
    else:
        traceback.print_exc()
        out = {"outcome": "error", "error": type(exc).__name__}
out.update(RESULT)
try:  # this process's own peak (ru_maxrss would include the parent's RSS at fork time)
    with open("/proc/self/status") as fh:
        out["vm_hwm_kb"] = next(int(l.split()[1]) for l in fh if l.startswith("VmHWM:"))
except (OSError, StopIteration, ValueError):
    pass
sys.stdout.write("\n" + MARK + json.dumps(out, ensure_ascii=False) + "\n")
sys.stdout.flush()
"""


@dataclass
class CaseResult:
    outcome: str
    wall_ms: float
    peak_mb: float
    returncode: int | None
    stdout: str = ""
    stderr: str = ""
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"

    @property
    def refused(self) -> bool:
        return self.outcome == "refused"

    @property
    def code(self) -> str | None:
        return self.data.get("code")

    @property
    def message(self) -> str:
        return str(self.data.get("message", ""))

    @property
    def message_vi(self) -> str:
        return str(self.data.get("message_vi", ""))

    @property
    def params(self) -> dict[str, Any]:
        return dict(self.data.get("params") or {})

    @property
    def error(self) -> str | None:
        return self.data.get("error")

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def describe(self) -> str:
        """One line for an assertion message (outcome, code, the end of stderr)."""
        tail = self.stderr.strip().splitlines()[-6:]
        return f"{self.outcome} {self.code or self.error or ''} rc={self.returncode} " + (
            " | ".join(tail)
        )


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", QT_QPA_PLATFORM="offscreen")
    paths = [str(ROOT / "src"), str(ROOT)]
    if env.get("PYTHONPATH"):
        paths.append(env["PYTHONPATH"])
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env.update(extra or {})
    return env


def run_case(
    source: str,
    args: dict[str, Any] | None = None,
    *,
    mem_bytes: int = DEFAULT_MEM,
    cpu_s: int = DEFAULT_CPU_S,
    wall_s: float = DEFAULT_WALL_S,
    env: dict[str, str] | None = None,
    cwd: Path | str | None = None,
) -> CaseResult:
    """Run ``source`` (dedented) in a limited child; see the module's docstring."""
    code = _CHILD % {"mark": MARK}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", code, json.dumps(args or {}), str(mem_bytes), str(cpu_s)],
            stdin=subprocess.PIPE,
            stdout=out,
            stderr=err,
            env=child_env(env),
            cwd=str(cwd) if cwd else None,
            start_new_session=True,  # its own process group: the kill takes grandchildren
        )
        assert proc.stdin is not None
        proc.stdin.write(textwrap.dedent(source).encode("utf-8"))
        proc.stdin.close()
        killed = False
        deadline = start + wall_s
        status, usage = _wait(proc.pid, deadline)
        if status is None:
            killed = True
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            _pid, status, usage = os.wait4(proc.pid, 0)
        wall_ms = (time.perf_counter() - start) * 1000
        proc.returncode = os.waitstatus_to_exitcode(status)
        # the group may hold grandchildren (exiftool, a server): end them with the case
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    peak_mb = usage.ru_maxrss / 1024  # Linux: kilobytes; includes the parent's RSS at fork
    data: dict[str, Any] = {}
    for line in reversed(stdout.splitlines()):
        if line.startswith(MARK):
            data = json.loads(line[len(MARK) :])
            break
    if data.get("vm_hwm_kb"):
        peak_mb = data["vm_hwm_kb"] / 1024  # the child's own peak, when it could say it
    if killed:
        outcome = "killed"
    elif not data:
        outcome = "crashed"
    else:
        outcome = str(data.get("outcome"))
    return CaseResult(outcome, wall_ms, peak_mb, proc.returncode, stdout, stderr, data)


def _wait(pid: int, deadline: float) -> tuple[int | None, Any]:
    """(status, rusage) of ``pid`` once it ends, or (None, None) at the deadline."""
    delay = 0.002
    while True:
        wpid, status, usage = os.wait4(pid, os.WNOHANG)
        if wpid == pid:
            return status, usage
        if time.perf_counter() >= deadline:
            return None, None
        time.sleep(delay)
        delay = min(delay * 2, 0.05)


# -- helpers for "nothing changed" ------------------------------------------------------------
def snapshot_files(*paths: Path) -> dict[str, bytes | None]:
    """The bytes of every file under ``paths`` (a missing path maps to None)."""
    snap: dict[str, bytes | None] = {}
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file():
                    snap[str(f)] = f.read_bytes()
        elif p.exists():
            snap[str(p)] = p.read_bytes()
        else:
            snap[str(p)] = None
    return snap


def sqlite_counts(db: Path) -> dict[str, int]:
    """Row counts of every table of a SQLite store (read-only, no locks kept)."""
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()
