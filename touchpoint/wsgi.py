import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "touchpoint.settings")
application = get_wsgi_application()

# What is loaded by now (settings, models, URL patterns, Wagtail's registries) lives
# as long as the process: keep it out of the garbage collector's full scans, which
# otherwise walk every one of those objects again and again while requests run.
gc.freeze()
