"""``klint check -j`` workers die with their parent, even when it is killed with SIGKILL
(a wrapper with a timeout must never leak processes)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEED

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def children(pid: int) -> list[int]:
    """Live (not zombie) processes whose parent is ``pid``."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            state, ppid = stat.rsplit(")", 1)[1].split()[:2]
            if int(ppid) == pid and state != "Z":
                out.append(int(entry.name))
    return out


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_sigkill_of_the_parent_ends_its_workers(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    for n in range(120):  # enough work that the workers are busy when the parent dies
        (tmp_path / f"a{n:03}.txt").write_text(text)
    proc = subprocess.Popen(
        [sys.executable, "-m", "klint", "check", "-j", "2", "--no-cache", str(tmp_path)],
        stdout=subprocess.PIPE,  # a pipe nobody reads after the kill
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
            workers = children(proc.pid)
        assert len(workers) >= 2, "the workers did not start"
        time.sleep(0.5)  # let them take work
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 5
        while any(alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if alive(w)], "workers outlived their parent"
    finally:
        proc.kill()
        for w in workers:
            try:
                os.kill(w, signal.SIGKILL)
            except OSError:
                pass


WATCHED = """
import os, sys, time
from klint.engine import die_with_parent
parent = os.getpid()
pid = os.fork()
if pid == 0:
    sys.platform = "darwin"  # the portable path: a thread that watches the parent
    die_with_parent(parent)
    time.sleep(60)
    os._exit(0)
print(pid, flush=True)
time.sleep(60)
"""


def test_the_watchdog_thread_ends_a_worker_where_prctl_is_missing() -> None:
    proc = subprocess.Popen([sys.executable, "-c", WATCHED], stdout=subprocess.PIPE, text=True)
    worker = int(proc.stdout.readline())
    try:
        assert alive(worker)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 5
        while alive(worker) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not alive(worker)
    finally:
        proc.kill()
        try:
            os.kill(worker, signal.SIGKILL)
        except OSError:
            pass
