"""The project's URLs plus one page that fails, to see what an unhandled error answers."""

from django.urls import path

from congdoan.urls import handler500, urlpatterns  # noqa: F401  (handler500 is read from here)

MARKER = "deliberate-failure-for-the-error-page-test"


def boom(request):
    raise RuntimeError(MARKER)


urlpatterns = [*urlpatterns, path("__boom__/", boom)]
