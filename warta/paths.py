"""Where warta looks for things outside the package.

Example:
    >>> default_data_dir().name
    'data'
"""
from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def default_data_dir() -> Path:
    """``$WARTA_DATA``, else ``../shared/data`` next to the repository (the project's gold data)."""
    env = os.environ.get("WARTA_DATA")
    return Path(env) if env else REPO_ROOT.parent / "shared" / "data"
