"""``python -m dateline``: the same as the ``dateline`` command."""

from dateline.cli import entry

if __name__ == "__main__":
    entry()
