"""The desktop face (Qt only): windows, wizard pages, and workers that run core work off the GUI thread."""
