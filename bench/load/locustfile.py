"""Locust users for the load test: officials who sign in once, then, with 2–5 s of thought
between clicks, open the dashboard, search members, open a member, a unit and a report.

The targets (logins, member ids, unit ids, search words) come from a JSON file named by
LOAD_TARGETS, written by bench/load/run.py from the database; this file never touches Django.
"""

import json
import os
import random
import re

from locust import HttpUser, between, constant, task

TARGETS = json.loads(open(os.environ["LOAD_TARGETS"], encoding="utf-8").read())  # noqa: SIM115
THINK = constant(0) if os.environ.get("LOAD_NO_THINK") == "1" else between(2, 5)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Official(HttpUser):
    wait_time = THINK

    def on_start(self) -> None:
        self.account = random.choice(TARGETS["accounts"])  # noqa: S311 - load mix, not secrets
        page = self.client.get("/accounts/login/", name="sign-in page")
        token = CSRF.search(page.text)
        self.client.post(
            "/accounts/login/",
            {
                "username": self.account["username"],
                "password": TARGETS["password"],
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="sign in",
        )

    def _pick(self, key: str):
        return random.choice(self.account[key])  # noqa: S311

    @task(3)
    def dashboard(self) -> None:
        self.client.get("/reports/dashboard/", name="dashboard")

    @task(4)
    def member_search(self) -> None:
        self.client.get(f"/members/?q={self._pick('words')}", name="member search")

    @task(4)
    def member_page(self) -> None:
        self.client.get(f"/members/{self._pick('members')}/", name="member page")

    @task(3)
    def unit_page(self) -> None:
        self.client.get(f"/units/{self._pick('units')}/", name="unit page")

    @task(2)
    def report(self) -> None:
        unit = self.account["report_unit"]
        self.client.get(f"/reports/{unit}/?from=2025-01-01&to=2025-12-31", name="report")
