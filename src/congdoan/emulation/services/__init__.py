"""Emulation writes, one module per use-case group (clusters, scorecards, criteria, rounds,
quality ratings): keyword-only arguments, one transaction, permission checked, audited."""
