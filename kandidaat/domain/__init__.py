"""Pure domain rules (standard library only): nomination, seats, tally.

Nothing in this package reads files, the clock, the network or randomness; every
function is deterministic in its arguments. Votes are exact integers and
``fractions.Fraction``, never floats.
"""
