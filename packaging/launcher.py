"""The bundle's entry point: the same as the installed `carejournal` command."""

from carejournal.__main__ import main

raise SystemExit(main())
