"""Bench-only settings: the product's settings, production-like, plus the bench app.

DEBUG off (no query log, manifest static storage), no HTTPS redirect (plain
HTTP on 127.0.0.1), a throwaway secret key, long-lived database connections, database
`touchpoint_bench` unless DATABASE_URL says otherwise. Every value can still be
overridden from the environment, as in production.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECURE_SSL", "0")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-throwaway-key-never-used-for-anything-real")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/touchpoint_bench")
# Keep each worker's connection for the whole run (the product default, 60 s, would
# reconnect mid-run: a few ms, but it also hides the backends' CPU from the bench).
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "600")

from touchpoint.settings import *  # noqa: E402, F403
from touchpoint.settings import INSTALLED_APPS  # noqa: E402

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
ROOT_URLCONF = "bench.urls"
