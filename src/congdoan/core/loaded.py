"""Keeping what a server process loaded once out of the garbage collector's full passes.

A long-lived process (a web worker, the task worker) holds some 150,000 objects of Django,
the URL map and the models, none of which ever becomes garbage. Every full pass of the
collector walks them all again (70 ms on a busy 2-core machine), in the middle of whichever
request made the pass due — the ten-thousand-row pages make it due. `gc.freeze` moves them
to a generation the collector never walks. Done before a fork, the children also leave those
pages shared instead of copying them when the collector touches the objects.
"""

from __future__ import annotations

import gc

from django.urls import get_resolver


def freeze_loaded() -> None:
    """Load the URL map (and with it every view's module) now, then freeze all objects."""
    get_resolver().url_patterns  # noqa: B018 - loading, not reading
    gc.collect()  # what is garbage already goes first, so nothing dead stays frozen
    gc.freeze()
