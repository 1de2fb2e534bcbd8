"""Card verifications per second: the Ed25519 signature check alone, and the whole answer of
/verify/card/ (signature check plus one indexed read of the card with its holder and union),
against what 11.8 million members would ask at a morning peak.

    python -m bench.cards_bench      (on a database with printed cards: `congdoan demo`)

Writes bench/results/<UTC time>-cards.json."""

from __future__ import annotations

import os
import time

import django

MEMBERS = 11_800_000
PEAK_SHARE = 0.10  # assumed: one member in ten has a card checked in the busiest morning hour
PEAK_SECONDS = 3600


def _rate(work, seconds: float = 2.0) -> float:
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        work()
        done += 1
    return done / (time.perf_counter() - started)


def run() -> dict:
    """Time the verifications on the database's first issued card; record and return them."""
    from django.utils import timezone

    from bench.harness import record
    from congdoan.cards import tokens
    from congdoan.cards.verification import VALID, verify_card
    from congdoan.members.models import UnionCard

    card = UnionCard.objects.exclude(token="").filter(status="issued").first()
    if card is None:
        raise SystemExit("Không có thẻ đã in: chạy `congdoan demo` trước.")
    today = timezone.localdate()
    assert verify_card(card.token, today).state == VALID
    signature = _rate(lambda: tokens.verify(card.token))
    whole = _rate(lambda: verify_card(card.token, today))
    needed = MEMBERS * PEAK_SHARE / PEAK_SECONDS
    record("card signature checks", per_second=round(signature))
    record(
        "card verifications (signature + one indexed read)",
        per_second=round(whole),
        peak_needed_per_second=round(needed),
        processes_needed=max(1, round(needed / whole + 0.5)),
        assumption=f"{PEAK_SHARE:.0%} of {MEMBERS:,} members in {PEAK_SECONDS} s, one process",
    )
    print(f"signature {signature:,.0f}/s, whole {whole:,.0f}/s, peak needs {needed:,.0f}/s")
    return {"signature": signature, "whole": whole, "needed": needed}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings")
    django.setup()
    from bench.harness import write_results

    run()
    path = write_results({"name": "cards"})
    print(f"figures written to {path}")


if __name__ == "__main__":
    main()
