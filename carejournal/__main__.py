"""Allow `python -m carejournal`."""

from carejournal.cli import main

raise SystemExit(main())
