"""drf-spectacular hook: the OpenAPI schema documents /api/ only (not Wagtail's admin API)."""


def only_public_api(endpoints):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]
