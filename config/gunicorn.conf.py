"""gunicorn's settings for coopnet (`gunicorn -c config/gunicorn.conf.py config.wsgi`): access and
error logs as JSON lines with the request's id, like the application's own (docs/operations.md)."""

logger_class = "coopnet.core.gunicorn_logging.JsonLogger"
accesslog = "-"
