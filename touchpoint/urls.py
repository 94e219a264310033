from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path, register_converter
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .converters import IdConverter
from .health import healthz
from .views import LoginView

# <id:...> in every URLconf: 1 to 18 digits (see converters.py). Registered before the includes.
register_converter(IdConverter, "id")


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/login/", LoginView.as_view(), name="login"),
    path("learn/", include("learn.urls")),
    path("api/", include("api.urls")),
    path("lms/", include("lms.urls")),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("healthz", healthz, name="healthz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
