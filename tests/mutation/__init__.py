"""Tests of the mutation runner (contract_tests/mutation/)."""
