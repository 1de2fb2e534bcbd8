"""The load test: simulated officials against `congdoan serve` (see bench/load/run.py)."""
