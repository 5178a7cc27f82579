"""The frozen bundle's entry script: the same `main()` as the `mail-assistant` console script."""

from assistant.__main__ import main

raise SystemExit(main())
