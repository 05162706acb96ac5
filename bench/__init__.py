"""Benchmarks: ``make bench`` prints a table of measured numbers against each issue's targets."""
