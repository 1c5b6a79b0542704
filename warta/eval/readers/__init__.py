"""Readers for the benchmark formats warta evaluates on (users can score their own data in them)."""
