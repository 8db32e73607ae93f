"""Mutated real EML files never crash the reader: they are read or refused in Dutch.

Hypothesis flips, deletes and inserts bytes in small real samples (and in a slice of a
real count), an abacus 110b and an e-KS 210, with hostile insertions (huge numbers,
foreign encodings, deep nesting, floods of elements) for a few thousand cases; any
exception other than KandidaatError fails.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kandidaat.app.eml.check import check_file
from kandidaat.domain.errors import KandidaatError
from kandidaat.eml.documents import read_bytes

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "eml_nl" / "samples"
FIXTURES = SAMPLES.parent / "fixtures"
SEEDS = [
    (
        SAMPLES / "GR2026_Stadskanaal" / "Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml"
    ).read_bytes(),
    (SAMPLES / "synthetic" / "valid" / "eml520_test.eml.xml").read_bytes(),
    (SAMPLES / "synthetic" / "valid" / "deserialize_eml510d_test.eml.xml").read_bytes(),
    (
        SAMPLES / "GR2022_WestMaasenWaal" / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"
    ).read_bytes()[:12000],
    # Files of other tools: abacus' 110b of Juinen and an e-KS 210.
    (FIXTURES / "abacus" / "juinen_eml110b_stembureaulijst-juinen.eml.xml").read_bytes(),
    (FIXTURES / "e-ks" / "models_eml_210-ps27-1.eml.xml").read_bytes(),
]
INTERESTING = [
    b"<",
    b">",
    b"&",
    b'"',
    b"'",
    b"0",
    b"-1",
    b"\xff",
    b"\x00",
    b"<!DOCTYPE",
    b"]]>",
    b"9" * 30,
    b"9" * 5000,  # more digits than int() takes
    b'<?xml version="1.0" encoding="ISO-8859-1"?>',
    b"\xe9",  # latin-1 e-acute: not UTF-8
    b"<a>" * 300,  # deeper than libxml2 allows
    b"<a/>" * 2000,
    b"\xef\xbb\xbf",  # a byte-order mark in the middle
]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        where = draw(st.integers(0, max(len(data) - 1, 0)))
        action = draw(st.sampled_from(["flip", "delete", "insert", "duplicate"]))
        if action == "flip" and data:
            data[where] = draw(st.integers(0, 255))
        elif action == "delete":
            del data[where : where + draw(st.integers(1, 64))]
        elif action == "insert":
            data[where:where] = draw(st.sampled_from(INTERESTING))
        else:
            data[where:where] = data[where : where + draw(st.integers(1, 200))]
    return bytes(data)


@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_a_mutated_file_is_read_or_refused_but_never_crashes(data: bytes) -> None:
    try:
        read_bytes(data, "gemuteerd.eml.xml")
    except KandidaatError as error:
        message = error.message
    else:
        return
    assert message.startswith("gemuteerd.eml.xml")


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_checking_a_mutated_file_always_gives_a_verdict(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gemuteerd.eml.xml"
        path.write_bytes(data)
        result = check_file(path, None)
    assert result.unreadable is not None or result.message_id is not None
