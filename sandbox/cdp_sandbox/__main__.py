"""`python -m cdp_sandbox` runs the same command as `cdp-sandbox`."""

from .cli import main

raise SystemExit(main())
