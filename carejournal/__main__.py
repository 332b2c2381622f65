"""Allow `python -m carejournal`."""

from carejournal.cli.main import main

raise SystemExit(main())
