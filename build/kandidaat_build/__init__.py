"""Helpers of the reproducible build (issue 7), used by the scripts in ``build/``.

The scripts are run by path (``python build/reproducible.py``); they put ``build/``
on ``sys.path`` and import this package. It is deliberately not called ``build``:
that name belongs to PyPA's build front end.

Everything here is standard library only, so the build can run with the bare
interpreter before any virtual environment exists.
"""
