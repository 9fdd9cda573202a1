"""Contract suite for the Sitecore CDP Order REST APIs: schemathesis conformance checks against any target.

Run it with `python -m contract_tests run` (or `nox -s conformance`); see README "Conformance".
"""
