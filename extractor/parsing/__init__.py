"""Deterministic parsers: money, dates, round labels, exchange rates and names."""
