"""Passive conformance: judge traffic a real integration already sends, with the suite's own checks, sending
nothing. `verify-har` judges a recording (har.py reads it); `proxy` forwards an application's traffic and judges
it as it passes; both feed the one engine (engine.py)."""
