"""Applications to join the union: the public form, the union's queue, admission or refusal."""
