"""Sync benchmark (a script; not collected by pytest). Prints figures, compares in-run.

    PYTHONPATH=src python tests/bench/bench_sync.py [--meetings 20] [--docs 10] [--size 1000000]

A fixture council on 127.0.0.1 serving MEETINGS x DOCS papers of about SIZE bytes:
1. First sync (empty library): wall time, bytes, requests, throughput.
2. Second sync, nothing changed (a fresh process-like run: new HTTP client, validators from
   the library): wall time, requests, PDF bodies sent. Goal: under 1 s, no paper again.
3. Reference, same run: a plain parallel download of the same files (4 threads, httpx,
   straight to disk, no checks); and our own HttpClient.download_many alone (checked,
   atomic, per-host cap 4) to split the first sync into fetching and importing.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "support"))

import httpx  # noqa: E402

from council_data import bulk_council  # noqa: E402
from council_server import CouncilServer  # noqa: E402
from memberdesk.library import Library  # noqa: E402
from memberdesk.sources.fetching import DownloadJob  # noqa: E402
from memberdesk.sources.http import HttpClient  # noqa: E402
from memberdesk.sync.following import add_council  # noqa: E402
from memberdesk.sync.syncer import Syncer  # noqa: E402


def plain_download(urls: list[str], folder: Path, threads: int = 4) -> tuple[float, int]:
    folder.mkdir(parents=True, exist_ok=True)
    with httpx.Client() as client:

        def one(n_url: tuple[int, str]) -> int:
            n, url = n_url
            with client.stream("GET", url) as resp, open(folder / f"{n}.pdf", "wb") as out:
                size = 0
                for chunk in resp.iter_bytes(64 * 1024):
                    out.write(chunk)
                    size += len(chunk)
                return size

        start = time.perf_counter()
        with ThreadPoolExecutor(threads) as pool:
            total = sum(pool.map(one, enumerate(urls)))
        return time.perf_counter() - start, total


def ours_download(urls: list[str], folder: Path) -> tuple[float, int]:
    folder.mkdir(parents=True, exist_ok=True)
    with HttpClient() as http:
        start = time.perf_counter()
        jobs = [DownloadJob(url, folder, final_path=folder / f"{n}.pdf") for n, url in enumerate(urls)]
        total = 0
        for _, outcome in http.download_many(jobs):
            assert not isinstance(outcome, Exception), outcome
            total += outcome.size
        return time.perf_counter() - start, total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=20)
    parser.add_argument("--docs", type=int, default=10)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument(
        "--latency",
        type=float,
        default=0.0,
        help="seconds the server takes to start answering each paper, as a real council's "
        "mgConvert2PDF.aspx does (0.1-0.5 s is common); shows what limits a sync off loopback",
    )
    args = parser.parse_args()

    council = bulk_council(args.meetings, args.docs, args.size)
    work = Path(tempfile.mkdtemp(prefix="memberdesk-bench-sync-"))
    try:
        with CouncilServer(council) as server:
            if args.latency:
                server.add_fault("mgconvert2pdf", "delay", times=None, seconds=args.latency)
            urls = [f"{server.base_url}/mgConvert2PDF.aspx?ID={doc_id}" for doc_id in sorted(council.docs)]
            print(
                f"Fixture council: {args.meetings} meetings x {args.docs} papers of ~{args.size / 1e6:.1f} MB "
                f"({len(urls)} papers) on {server.base_url}; {args.latency:.2f} s before each paper"
            )

            # Reference first, so the sync does not benefit from a warmed server; then again after.
            plain_time, plain_bytes = plain_download(urls, work / "plain")
            ours_time, _ = ours_download(urls, work / "ours")

            home = work / "home"
            with Library(home) as library:
                with Syncer(library) as syncer:
                    added, _ = add_council(syncer, server.base_url, "Bulk Borough Council")
                library.councils.set_followed([c.id for c in library.councils.committees(added.id)], True)
                server.reset_log()
                start = time.perf_counter()
                with Syncer(library) as syncer:
                    first = syncer.run()
                first_time = time.perf_counter() - start
                assert first.ok and first.new == len(urls), first.summary()
                first_requests = len(server.requests())

                server.reset_log()
                start = time.perf_counter()
                with Syncer(library) as syncer:  # a new HTTP client: validators come from the library
                    second = syncer.run()
                second_time = time.perf_counter() - start
                assert second.ok and second.unchanged == len(urls), second.summary()
                second_requests = server.requests()
                bodies = server.pdf_bodies_sent()

                server.reset_log()
                start = time.perf_counter()
                with Syncer(library, recheck_minutes=0) as syncer:
                    third = syncer.run()
                recheck_time = time.perf_counter() - start
                recheck_requests = len(server.requests())
                assert third.ok and third.unchanged == len(urls)
            plain_again, _ = plain_download(urls, work / "plain2")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    mb = plain_bytes / 1e6
    plain_best = min(plain_time, plain_again)
    print()
    print(
        f"plain parallel download (httpx, 4 threads, no checks): {plain_time:.2f} s and {plain_again:.2f} s "
        f"for {mb:.0f} MB ({mb / plain_best:.0f} MB/s best)"
    )
    print(
        f"memberdesk HttpClient.download_many alone (checked, atomic): {ours_time:.2f} s "
        f"({ours_time / plain_best:.2f}x plain)"
    )
    print(
        f"first sync (listing, download, import into the library): {first_time:.2f} s, "
        f"{first.bytes_fetched / 1e6:.1f} MB fetched, {first_requests} requests, "
        f"{first.bytes_fetched / 1e6 / first_time:.0f} MB/s; {first_time / plain_best:.2f}x plain download"
    )
    print(
        f"second sync, nothing changed: {second_time:.3f} s, {len(second_requests)} requests "
        f"({len(second_requests) / args.meetings:.1f} per meeting, statuses "
        f"{sorted({e.status for e in second_requests})}), {len(bodies)} paper bodies sent, "
        f"{second.bytes_fetched} bytes fetched"
    )
    print(
        f"sync an hour later (every paper asked about, conditional): {recheck_time:.3f} s, "
        f"{recheck_requests} requests, all unchanged"
    )
    print(
        f"goal: second sync under 1 s with no paper downloaded again: "
        f"{'met' if second_time < 1 and not bodies else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
