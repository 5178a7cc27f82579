"""The frozen bundle's entry script: the same `main()` as the `mail-assistant` console script."""

import os
import sys

from assistant.__main__ import main

if sys.platform.startswith("linux") and os.environ.get("QT_IM_MODULE", "").startswith("fcitx"):
    # The bundle carries Qt's own IBus plugin, not fcitx's (that one is built against the system's Qt).
    # fcitx5 also speaks the IBus protocol, so Japanese input keeps working through the IBus plugin.
    os.environ["QT_IM_MODULE"] = "ibus"
raise SystemExit(main())
