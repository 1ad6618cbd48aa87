"""Make the plugin importable as the package ``network_map``, the way Pelican's PLUGIN_PATHS
will load it (plugins/ on the path)."""

import sys
from pathlib import Path

PLUGINS = str(Path(__file__).resolve().parents[2] / "plugins")
if PLUGINS not in sys.path:
    sys.path.insert(0, PLUGINS)
