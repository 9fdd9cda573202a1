"""The conformance suite proper: pytest modules the runner executes against the current target."""
