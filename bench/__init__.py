"""Benchmarks: national-scale data generators and timings against the plain-SQL floor."""
