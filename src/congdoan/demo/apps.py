"""The demo federation: builders of a Hà Nội union tree with its people, and the `demo` command."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "congdoan.demo"
