"""Tests of the contract suite itself (contract_tests/)."""
