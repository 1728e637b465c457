"""gunicorn's access and error logs as the same JSON lines as the application's
(`coopnet.core.observability`), each access line naming the request's id, so one search finds a
request's access line and everything logged while it ran. Used by `config/gunicorn.conf.py`."""

from __future__ import annotations

import logging
from typing import Any

from gunicorn import glogging

from .observability import REQUEST_ID_HEADER, JsonFormatter

_RESPONSE_HEADER = REQUEST_ID_HEADER.lower()


class JsonLogger(glogging.Logger):
    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(JsonFormatter())

    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        if not self.access_log_enabled:
            return
        request_id = next(
            (value for name, value in resp.headers if name.lower() == _RESPONSE_HEADER), None
        )
        status = int(str(resp.status).split(None, 1)[0])
        # The path without its query string: a query may carry a token or an email address.
        self.access_log.log(
            logging.INFO,
            "%s %s %s",
            req.method,
            req.path,
            status,
            extra={
                "request_id": request_id,
                "method": req.method,
                "path": req.path,
                "status": status,
                "duration_ms": round(request_time.total_seconds() * 1000, 1),
                "bytes": getattr(resp, "sent", None),
                "remote_addr": environ.get("REMOTE_ADDR"),
            },
        )
