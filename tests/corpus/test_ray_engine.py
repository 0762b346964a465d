"""The Ray engine: the same store as the local engine, on a local Ray and on a two-node cluster whose worker
is killed mid-run; a stopped ingest that carries on; the extract shards; a clear error without Ray.

The input: the two seeds and the first ECB+ documents (real multi-outlet stories), written as JSONL. The
local engine's store of that input is built once for the whole run (a file lock shares it between the
test processes) and every Ray store is compared with it row by row.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.corpus import Corpus
from storyline.story import minilm

from ..conftest import EXAMPLE, corpus_or_skip

ray = pytest.importorskip("ray", reason="the Ray engine's tests need Ray: pip install -e '.[dev]'")

# ECB+ documents beside the seeds: a few hundred articles in all, in about forty real stories.
ECB_ARTICLES = 200
STORYLINE = str(Path(sys.executable).with_name("storyline"))


@pytest.fixture(scope="session")
def inputs(tmp_path_factory, worker_id) -> Path:
    """The seeds and the first ECB+ documents as one JSONL file (the same file in every test process)."""
    corpus_or_skip("ecbplus")
    from benchmarks import corpora

    root = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    path = root / "ray-inputs.jsonl"
    lock = root / "ray-inputs.lock"
    from filelock import FileLock

    with FileLock(str(lock)):
        if not path.exists():
            rows = [{"id": p.stem, "text": p.read_text(encoding="utf-8"), "outlet": p.stem[:3]}
                    for p in sorted(EXAMPLE.glob("*.txt"))]
            for doc, _ in zip(corpora.ecbplus_documents(), range(ECB_ARTICLES)):
                rows.append({"id": doc.id, "text": doc.text})
            partial = path.with_suffix(".part")
            partial.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
            partial.rename(path)
    return path


@pytest.fixture(scope="session")
def local_store(inputs) -> Path:
    """The local engine's store of ``inputs``, built once."""
    path = inputs.with_name("ray-local.db")
    from filelock import FileLock

    with FileLock(str(inputs.with_name("ray-local.lock"))):
        if not path.exists():
            partial = inputs.with_name("ray-local-partial.db")
            partial.unlink(missing_ok=True)
            with Corpus(partial) as corpus:
                summary = corpus.ingest([inputs], processes=2)
            assert summary.failed == 0 and summary.new > 150
            partial.rename(path)
    return path


def rows(db: Path) -> dict[str, list]:
    """What two stores must share: each article (in the order stored) with its story, analysis and signature;
    each story with its title and size; each story member's embedding."""
    with sqlite3.connect(db) as connection:
        return {
            "articles": connection.execute(
                "select id, story, duplicate_of, content_hash, analysis, minhash from articles order by rowid").fetchall(),
            "stories": connection.execute("select id, title, articles from stories order by id").fetchall(),
            "vectors": connection.execute("select article, embedding from members order by rowid").fetchall(),
        }


def test_local_ray_gives_the_local_engines_store(inputs, local_store, tmp_path):
    db = tmp_path / "ray.db"
    with Corpus(db) as corpus:
        summary = corpus.ingest([inputs], engine="ray", processes=2)
    assert summary.failed == 0 and summary.read == ECB_ARTICLES + 2
    assert not ray.is_initialized()  # the local Ray it started is stopped again
    expected, got = rows(local_store), rows(db)
    assert len(got["articles"]) == summary.added
    assert got == expected
    stories = {story for _, story, *_ in got["articles"]}
    assert len(stories) < summary.new / 2  # real stories of several articles, not one each


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _ray(*args: str, env: dict) -> None:
    ray_cli = str(Path(sys.executable).with_name("ray"))
    done = subprocess.run([ray_cli, *args], env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr


def _actors() -> list[int]:
    """The pids of the Ray actors that run the per-article pass (their process title names the class)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                title = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
            except OSError:
                continue
            if b"MapBatches(_Preparer)" in title:
                pids.append(int(entry.name))
    return pids


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_two_node_cluster_loses_nothing_when_a_worker_is_killed(inputs, local_store, tmp_path):
    """`ray start --head` and a second raylet joined to it (one CPU each, on 127.0.0.1); an ingest through
    --address; one of the actors that parse is killed with SIGKILL midway. Ray starts it again and reruns
    its batch: the store is the local engine's, no article lost or stored twice.

    The nodes are started with the other MiniLM precision than the driver's: the actors embed in the
    driver's, which the store's vectors being the local engine's shows. The head turns on Ray's token
    authentication (its default); the second node joins as Ray's documentation says (RAY_AUTH_MODE=token),
    while the ingest is run without it, as a user would: Storyline sends the token it finds."""
    port = _free_port()
    temp = tempfile.mkdtemp(prefix="sl-ray-", dir="/tmp")  # Ray's socket paths must stay short
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    for name in ("RAY_ADDRESS", "RAY_AUTH_MODE", minilm.PRECISION_ENV):  # (a local Ray started before sets the 2nd)
        env.pop(name, None)
    nodes = {**env, minilm.PRECISION_ENV: "fp32" if minilm.precision() == "bf16" else "bf16"}
    try:
        _ray("start", "--head", "--node-ip-address", "127.0.0.1", "--port", str(port), "--num-cpus", "1",
             "--include-dashboard", "false", "--temp-dir", temp, "--disable-usage-stats", env=nodes)
        _ray("start", "--address", f"127.0.0.1:{port}", "--node-ip-address", "127.0.0.1", "--num-cpus", "1",
             env={**nodes, "RAY_AUTH_MODE": "token"})
        # a driver without the cluster's token is told where to get it
        home = tmp_path / "home"
        home.mkdir()
        refused = subprocess.run([STORYLINE, "ingest", str(EXAMPLE), "--db", str(tmp_path / "refused.db"), "--engine",
                                  "ray", "--address", f"127.0.0.1:{port}"], env={**env, "HOME": str(home)},
                                 capture_output=True, text=True, timeout=300)
        assert refused.returncode == 1
        assert refused.stderr.strip().splitlines() == [
            f"error: the Ray cluster at 127.0.0.1:{port} wants its authentication token, and this machine has none. "
            "Copy ~/.ray/auth_token from the cluster's head node to this machine (or set RAY_AUTH_TOKEN to its "
            "contents), and run again"]
        db = tmp_path / "cluster.db"
        ingest = subprocess.Popen([STORYLINE, "ingest", str(inputs), "--db", str(db), "--engine", "ray",
                                   "--address", f"127.0.0.1:{port}", "--quiet"],
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        killed = None
        deadline = time.monotonic() + 240
        while killed is None and ingest.poll() is None and time.monotonic() < deadline:
            actors = _actors()
            if len(actors) == 2 and _stored(db) >= 40:  # both nodes at work, and some articles stored
                killed = actors[0]
                os.kill(killed, signal.SIGKILL)
            time.sleep(0.5)
        out, err = ingest.communicate(timeout=600)
        assert killed is not None, f"no actor to kill was seen: {err}"
        assert ingest.returncode == 0, err
        assert err.strip() == ""  # nothing of Ray's on the user's terminal
        assert killed not in _actors()
        assert rows(db) == rows(local_store)
    finally:
        subprocess.run([str(Path(sys.executable).with_name("ray")), "stop", "--force"], env=env, capture_output=True,
                       timeout=120)


def test_a_stopped_ray_ingest_carries_on(inputs, tmp_path):
    """The driver killed midway, then the same command again: every article stored once, none lost."""
    small = tmp_path / "small.jsonl"
    lines = inputs.read_text(encoding="utf-8").splitlines(keepends=True)[:120]
    small.write_text("".join(lines), encoding="utf-8")
    db = tmp_path / "stopped.db"
    command = [STORYLINE, "ingest", str(small), "--db", str(db), "--engine", "ray", "--workers", "2", "--quiet"]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 240
    while first.poll() is None and _stored(db) < 16 and time.monotonic() < deadline:
        time.sleep(0.1)
    os.killpg(first.pid, signal.SIGKILL)  # the driver and the local Ray it started
    first.wait()
    stored = _stored(db)
    assert 0 < stored < 120
    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    with sqlite3.connect(db) as connection:
        ids = [row[0] for row in connection.execute("select id from articles")]
        hashes = [row[0] for row in connection.execute("select content_hash from articles")]
    assert sorted(ids) == sorted(json.loads(line)["id"] for line in lines)
    assert len(set(hashes)) == len(hashes) == 120


def test_extract_on_ray_writes_the_local_records_as_parquet(tmp_path):
    """The seeds through `storyline extract --engine ray -o FOLDER`: the same JSON records as the local
    `storyline extract`, one Parquet row per article, with what the store keeps of it; `storyline ingest
    FOLDER` then stores them as the local engine would have."""
    import pyarrow.parquet as pq

    local = CliRunner().invoke(app, ["extract", str(EXAMPLE)])
    assert local.exit_code == 0
    folder = tmp_path / "analyses"
    done = subprocess.run([STORYLINE, "extract", str(EXAMPLE), "--engine", "ray", "-o", str(folder), "--workers", "1"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().startswith("2 articles extracted to")
    table = pq.read_table(folder / "part-00000.parquet").to_pylist()
    assert [row["record"] for row in table] == local.stdout.splitlines()
    assert [row["id"] for row in table] == ["000_fc6d89dac03494ff", "002_cfade814ec095534"]
    assert all(len(row["embedding"]) == 384 * 4 and len(row["minhash"]) == 128 * 8 for row in table)
    again = subprocess.run([STORYLINE, "extract", str(EXAMPLE), "--engine", "ray", "-o", str(folder)],
                           capture_output=True, text=True, timeout=60)
    assert again.returncode == 1 and "already holds Parquet shards" in again.stderr  # nothing overwritten

    # The shards are the per-article pass done: the store's writer takes them as they are, without parsing,
    # and makes the local engine's store of the same articles.
    with Corpus(tmp_path / "shards.db") as corpus:
        summary = corpus.ingest([folder])
        assert (summary.read, summary.new) == (2, 2)
        assert corpus.ingest([folder]).duplicate == 2
    with Corpus(tmp_path / "local.db") as corpus:
        corpus.ingest([EXAMPLE], processes=1)
    assert rows(tmp_path / "shards.db") == rows(tmp_path / "local.db")
    mixed = CliRunner().invoke(app, ["ingest", str(folder), str(EXAMPLE), "--db", str(tmp_path / "mixed.db")])
    assert "holds analyses made by storyline extract --engine ray, not articles" in mixed.output


def test_without_ray_a_one_line_error_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray fails, as where the extra is not installed
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLE), "--db", str(tmp_path / "c.db"), "--engine", "ray"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "error: the Ray engine needs Ray, which is not installed. Install it with: pip install 'storyline[ray]'"]
    assert not (tmp_path / "c.db").exists()  # nothing started, nothing written
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLE), "--db", str(tmp_path / "c.db"), "--address", "x:1"])
    assert result.exit_code == 1 and "--address is for --engine ray" in result.output


def test_an_address_where_no_cluster_listens_fails_at_once(tmp_path):
    port = _free_port()
    started = time.monotonic()
    done = subprocess.run([STORYLINE, "ingest", str(EXAMPLE), "--db", str(tmp_path / "c.db"), "--engine", "ray",
                           "--address", f"127.0.0.1:{port}"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"error: no Ray cluster answers at 127.0.0.1:{port} (Connection refused). Start one with: ray start --head "
        f"--port {port}, or give the address it printed with --address"]
    assert time.monotonic() - started < 60
