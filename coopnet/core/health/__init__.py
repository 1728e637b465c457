"""Is this installation well? The database, the shared cache and the task queue.

`GET /health/` answers 200 with every check passing and 503 otherwise, as JSON, for a load balancer
or a monitor. The task queue is well when a worker was seen recently (the `worker` command writes a
heartbeat) or nothing is waiting; the oldest waiting task's age is reported either way.
"""

from .checks import Check, check_all, worker_is_down

__all__ = ["Check", "check_all", "worker_is_down"]
