"""Make the plugin importable as the package ``network_map``, the way Pelican's PLUGIN_PATHS
will load it (plugins/ on the path), and the repository root, for ``tests.network_map.content_facts``."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for path in (str(ROOT / "plugins"), str(ROOT)):
    if path not in sys.path:
        sys.path.insert(0, path)
