"""The frozen bundle's entry script: the same `main()` as the `mail-assistant` console script."""

import firstshow

from assistant.__main__ import main

firstshow.install()  # does nothing unless MAIL_ASSISTANT_EXIT_ON_SHOWN=1 (tests/bench/bundle.py)
raise SystemExit(main())
