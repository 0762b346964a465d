"""Run commands and measure their wall time and the peak memory of their whole process trees (Linux).

Wall times and memory come from separate runs: sampling a tree's memory reads every process's page tables
(``smaps_rollup``) 20 times a second, which takes CPU from the command it measures, and more from a command with
more processes (a Ray run has a dozen). Measured on 840 PolNeAR articles on 2026-12-07: a Ray ingest with 2
workers took 104 s with the sampler running beside it, and 82 s without.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SAMPLE_SECONDS = 0.05
# How often :func:`wall_time` samples a run's progress, where asked to: a read of a millisecond or two (about 1% of a core at 0.1 s, measured on 300 articles).
PROGRESS_SECONDS = 0.25


@dataclass(frozen=True)
class Measured:
    """What one run cost: wall seconds, peak RSS of the tree and of its largest process (bytes)."""

    wall: float
    peak_tree: int  # sum of RSS: counts pages that forked workers share more than once
    peak_pss: int  # sum of PSS: shared pages split between the processes that share them
    peak_process: int
    returncode: int


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _tree_rss(root: int) -> tuple[int, int, int]:
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            status = (entry / "status").read_text()
        except OSError:
            continue
        pid = int(entry.name)
        parents[pid] = int(stat.rsplit(")", 1)[1].split()[1])
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                rss[pid] = int(line.split()[1]) * 1024
                break
    tree = {root}
    changed = True
    while changed:
        changed = False
        for pid, parent in parents.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                changed = True
    sizes = [rss.get(pid, 0) for pid in tree]
    return sum(sizes), sum(_pss(pid) for pid in tree), max(sizes, default=0)


def measure(command: list[str], env: dict | None = None, stdout=subprocess.DEVNULL) -> Measured:
    """Run ``command``, sampling the RSS of its process tree every 50 ms."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env={**os.environ, **(env or {})}, stdout=stdout, stderr=subprocess.PIPE)
    peaks = [0, 0, 0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            for i, value in enumerate(_tree_rss(process.pid)):
                peaks[i] = max(peaks[i], value)
            time.sleep(SAMPLE_SECONDS)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    _, err = process.communicate()
    wall = time.perf_counter() - started
    done.set()
    thread.join()
    if process.returncode != 0:
        print(err.decode(errors="replace")[-2000:])
    return Measured(wall, peaks[0], peaks[1], peaks[2], process.returncode)


def wall_time(command: list[str], env: dict | None = None,
              progress: Callable[[], int] | None = None) -> tuple[float, int, str, tuple[tuple[float, int], ...]]:
    """(wall seconds, exit status, the end of stderr, progress samples) of one run of ``command``, with nothing
    but ``progress`` sampled beside it: where given, it is called every :data:`PROGRESS_SECONDS` (for example
    to count the articles a store holds), and each (seconds since the start, its value) is kept."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    samples: list[tuple[float, int]] = []
    done = threading.Event()

    def sample():
        while not done.wait(PROGRESS_SECONDS):
            samples.append((time.perf_counter() - started, progress()))

    thread = threading.Thread(target=sample, daemon=True) if progress else None
    if thread:
        thread.start()
    _, err = process.communicate()
    wall = time.perf_counter() - started
    done.set()
    if thread:
        thread.join()
    return wall, process.returncode, err.decode(errors="replace")[-2000:], tuple(samples)


@dataclass(frozen=True)
class Compared:
    """One command's figures in :func:`compare`: the wall seconds of its timed runs, and its memory run."""

    walls: tuple[float, ...]
    memory: Measured  # a run of its own, sampled (its wall time is not among ``walls``)
    returncode: int  # the first non-zero exit status of any run, or 0
    progress: tuple[tuple[tuple[float, int], ...], ...] = ()  # each timed run's progress samples, where asked

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)


def compare(commands: dict[str, list[str]], runs: int, before: Callable[[], None] = lambda: None,
            progress: Callable[[], int] | None = None) -> dict[str, Compared]:
    """Time each command ``runs`` times, interleaved (so drift in the machine's speed hits all alike), then run
    each once more to measure its peak memory. ``before`` is called before every run (to remove a database);
    ``progress``, where given, is sampled during the timed runs (:func:`wall_time`)."""
    walls: dict[str, list[float]] = {name: [] for name in commands}
    samples: dict[str, list[tuple[tuple[float, int], ...]]] = {name: [] for name in commands}
    failed: dict[str, int] = dict.fromkeys(commands, 0)
    for _ in range(runs):
        for name, command in commands.items():
            before()
            wall, code, err, seen = wall_time(command, progress=progress)
            walls[name].append(wall)
            samples[name].append(seen)
            if code and not failed[name]:
                failed[name] = code
                print(err)
    out = {}
    for name, command in commands.items():
        before()
        memory = measure(command)
        out[name] = Compared(tuple(walls[name]), memory, failed[name] or memory.returncode, tuple(samples[name]))
    return out
