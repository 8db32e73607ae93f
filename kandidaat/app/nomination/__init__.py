"""Use cases of the party side of the nomination (issue 4).

The project (a ``.kandidaat`` file), the EML 210 mapping, the checks and the
demo party. The command line (:mod:`kandidaat.app.commands`) and the GUI call
these functions; they hold no rules of their own beyond the mapping of files.
"""
