"""The learner's web pages: plain HTML forms over the same services as the API."""

app_name = "learn"
urlpatterns: list = []
