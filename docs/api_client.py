"""A small client of the congdoan REST API (httpx): lists a union's members page by page and
posts an admission, safe to send again (Idempotency-Key).

    CONGDOAN_URL=http://127.0.0.1:8000 CONGDOAN_TOKEN=cd_… python docs/api_client.py G1

The token comes from the account page (Mã truy cập API) or `congdoan api token USERNAME
--name NAME`; it acts with that user's roles and scope."""

from __future__ import annotations

import os
import sys
import uuid

import httpx


def client() -> httpx.Client:
    return httpx.Client(
        base_url=os.environ.get("CONGDOAN_URL", "http://127.0.0.1:8000"),
        headers={"Authorization": f"Bearer {os.environ['CONGDOAN_TOKEN']}"},
        timeout=30,
    )


def members(api: httpx.Client, unit: str):
    """Every current member of the unit's subtree, following the cursor pages."""
    url, params = "/api/v1/members/", {"unit": unit, "page_size": 100}
    while url:
        page = api.get(url, params=params)
        page.raise_for_status()
        body = page.json()
        yield from body["results"]
        url, params = body["next"], None  # the next link carries its own query


def admit(api: httpx.Client, unit: str, person: dict) -> dict:
    """Admit one person; a refusal is application/problem+json with a Vietnamese `detail`."""
    response = api.post(
        "/api/v1/members/",
        json={"unit": unit, **person},
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    if response.status_code >= 400:
        problem = response.json()
        raise SystemExit(f"{problem['status']} {problem['title']}: {problem['detail']}")
    return response.json()


if __name__ == "__main__":
    union = sys.argv[1] if len(sys.argv) > 1 else "G1"
    with client() as api:
        for member in members(api, union):
            print(member["code"], member["full_name"], member["unit"]["name"])
        made = admit(
            api,
            union,
            {
                "full_name": "Trần Thị Mai",
                "birth_date": "1990-04-02",
                "gender": "F",
                "joined_on": "2025-05-04",
                "decision_number": "15/QĐ-CĐCS",
                "decision_date": "2025-05-01",
                "decision_signer": "Chủ tịch CĐCS",
            },
        )
        print("admitted", made["code"])
