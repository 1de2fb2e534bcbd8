#!/usr/bin/env python
"""Django's manage.py; the installed `congdoan` command does the same."""

from congdoan.cli import main

if __name__ == "__main__":
    main()
