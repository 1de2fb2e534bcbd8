import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def vietnamese():
    """The refusals are read in Vietnamese, whatever language an earlier test left active."""
    with translation.override("vi"):
        yield
