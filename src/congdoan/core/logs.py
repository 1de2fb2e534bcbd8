"""The log file in the data folder (DATA_DIR/log/), made when the first line is written."""

from __future__ import annotations

import os
from logging.handlers import RotatingFileHandler


class DataDirFileHandler(RotatingFileHandler):
    """A rotating file whose folder is created on first use (a fresh data folder has none)."""

    def _open(self):
        os.makedirs(os.path.dirname(self.baseFilename), exist_ok=True)
        return super()._open()
