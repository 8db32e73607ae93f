"""The result of an election from its counts: totals across levels and the seat contest.

Standard library only. The counts (EML 510b/c/d) are reduced to totals per list
and candidate; totals of a lower level are compared with the level above; the
totals and the candidate lists (EML 230b) become the seat engine's
:class:`~kandidaat.domain.seats.Contest`, the one path to a result.
"""
