"""Run partitions on Dask distributed: a thin executor, imported only when a batch run asks for it.

``scheduler="local"`` starts a ``LocalCluster`` of ``workers`` processes (one thread each, no dashboard,
loopback only, Dask's statistical profiler off: it makes workers grow with the input); any other value is the address of a running scheduler (``tcp://host:8786``), reached within
``connect_timeout`` seconds or a clear error. Each partition is one task (key ``newsledger-<id>``) with
``retries``: a task that raises is retried, and a task whose worker dies is rescheduled by the scheduler.
A partition that still fails is returned as a failure, never dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from ..errors import NewsledgerError
from ..ingest import ReadOptions
from .partition import Partition
from .runner import run_partition

logger = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'newsledger[batch]' (or: pip install dask distributed)"


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as err:
        raise NewsledgerError(f"newsledger batch needs Dask distributed, which is not installed: {INSTALL_HINT}") from err
    return distributed


def connect(scheduler: str, *, workers: int, connect_timeout: float = 10.0) -> tuple[Any, Any]:
    """(client, cluster or None) for ``scheduler`` ("local" or an address)."""
    distributed = _distributed()
    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
        # distributed sets its loggers to INFO when imported; its chatter is not ours to show
        logging.getLogger("distributed").setLevel(logging.ERROR)
    if scheduler == "local":
        import dask

        # The worker's statistical profiler keeps every sampled call stack: over a long run it grew each worker
        # by about 0.3 MB per partition (bench/README.md, "Bounded memory"); flat without it.
        dask.config.set({"distributed.admin.tick.limit": "60s", "distributed.scheduler.allowed-failures": 3,
                         "distributed.worker.profile.enabled": False})
        cluster = distributed.LocalCluster(n_workers=workers, processes=True, threads_per_worker=1,
                                           dashboard_address=None, host="127.0.0.1", silence_logs=logging.CRITICAL,
                                           # its HTTP server (health, metrics) on a free loopback port
                                           scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
        return distributed.Client(cluster), cluster
    try:
        client = distributed.Client(scheduler, timeout=connect_timeout)
    except (OSError, TimeoutError, ValueError) as err:
        raise NewsledgerError(f"cannot reach the Dask scheduler at {scheduler} within {connect_timeout:g} s "
                              f"({type(err).__name__}: {err}); start one (dask scheduler) or use --scheduler local"
                              ) from err
    return client, None


def execute(partitions: Sequence[Partition], *, out_dir: str, options: ReadOptions, scheduler: str = "local",
            workers: int = 2, retries: int = 2, connect_timeout: float = 10.0,
            on_done: Callable[[Partition, dict[str, Any] | None, BaseException | None], None] | None = None
            ) -> None:
    """Run every partition; ``on_done(partition, entry, error)`` is called as each one finishes or fails."""
    if not partitions:
        return
    distributed = _distributed()
    client, cluster = connect(scheduler, workers=workers, connect_timeout=connect_timeout)
    try:
        futures = client.map(run_partition, list(partitions), out_dir=out_dir, options=options, retries=retries,
                             pure=False, key=[f"newsledger-{p.id}" for p in partitions])
        by_key = {f.key: p for f, p in zip(futures, partitions)}
        for future in distributed.as_completed(futures):
            part = by_key[future.key]
            if future.status == "finished":
                entry = future.result()
                if on_done is not None:
                    on_done(part, entry, None)
            else:
                error = future.exception()
                logger.warning("partition %d (%s) failed: %s", part.seq, part.describe(), error)
                if on_done is not None:
                    on_done(part, None, error)
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
