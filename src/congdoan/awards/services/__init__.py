"""Awards writes, one module per use-case group (campaigns, nominations, council, decisions,
proposals, exclusions): keyword-only arguments, one transaction, permission checked, audited."""
