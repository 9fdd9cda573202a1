"""`nox -s bench`: speed measured side by side, as ratios, against the alternatives and the ceiling."""
