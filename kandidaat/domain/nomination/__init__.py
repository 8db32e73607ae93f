"""Candidate nomination for parties: the model, the Kieswet checks and the deadlines.

Standard library only. See :mod:`kandidaat.domain.nomination.model` for the
records and :mod:`kandidaat.domain.nomination.findings` for what checks return.
"""
