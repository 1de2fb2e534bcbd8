"""The demo federation of Hà Nội (SCENARIO.md), built through the same services users call."""
