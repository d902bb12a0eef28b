"""Safe file writing: a temporary file in the same folder, fsynced, then renamed."""

from __future__ import annotations

import os
import stat
from pathlib import Path


class WriteError(OSError):
    """A file klint was asked to write could not be written; the message names it."""


def _mode_for(path: Path) -> int:
    """The mode the written file gets: the old file's, or what ``open()`` would give (0666 less the umask)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def atomic_write(path: str | Path, data: str | bytes) -> None:
    """Replace ``path`` with ``data`` atomically; an interrupted write leaves the old file intact.

    Missing parent folders are created. The file gets the mode a plain ``open()`` would
    give it (``mkstemp`` makes it private). Any failure is a :class:`WriteError`.
    """
    import tempfile  # not at module level: `klint` imports this module on every run

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except FileExistsError:
        raise WriteError(f"{path}: cannot write: a parent folder is a file") from None
    except OSError as exc:
        raise WriteError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            os.fchmod(fh.fileno(), _mode_for(path))
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise WriteError(f"{path}: cannot write: {exc.strerror or exc}") from None
        raise
