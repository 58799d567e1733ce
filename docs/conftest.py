"""The chart page's examples need matplotlib (requirements/docs.txt), which the runs on the
lowest and the newest dependency versions do not install."""

import importlib.util

collect_ignore = [] if importlib.util.find_spec("matplotlib") else ["chinese-charts.md"]
