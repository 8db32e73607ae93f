"""Counting: the figures of a polling station's proces-verbaal, typed in twice and checked.

The paper proces-verbaal of the stembureau (model N 10-1, Kieswet art. N 10, versie
2026) is leading. These modules hold its figures (:mod:`figures`), the checks while
typing (:mod:`checks`), the comparison of the two independent entries
(:mod:`compare`) and the step from agreed figures to the EML 510b record
(:mod:`record`). Standard library only; exact integers.
"""
