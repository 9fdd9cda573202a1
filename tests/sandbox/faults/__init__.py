"""The fault catalog's tests: one scenarios module per category module of `sandbox/cdp_sandbox/faults/`."""
