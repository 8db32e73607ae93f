"""A count's VoteGroups are read by a fast regular path and a careful path; both agree.

The regular path may only ever decline (and leave the group to the careful path); when
it accepts a group, the lists it reads are exactly the careful path's, line numbers
included, and when the careful path refuses a group, the regular path has declined it.
Groups are taken from the real GR2022 count and broken at the element level.
"""

from __future__ import annotations

import copy
from functools import cache

from conftest import SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from kandidaat.domain.election import CountRecord, ListCount
from kandidaat.eml.documents import read_bytes
from kandidaat.eml.errors import EmlError
from kandidaat.eml.namespaces import EML, e
from kandidaat.eml.read_common import Reader
from kandidaat.eml.read_counts import _careful_lists, _regular_lists
from kandidaat.eml.safe_xml import parse_bytes

COUNT = SAMPLES / "GR2022_WestMaasenWaal" / "Telling_GR2022_WestMaasenWaal.eml.xml"
COUNTS = [
    COUNT,
    SAMPLES / "TK2023" / "Telling_TK2023_gemeente_Aa_en_Hunze.eml.xml",
    SAMPLES / "TK2025" / "Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml",
    SAMPLES / "synthetic" / "valid" / "deserialize_eml510d_test.eml.xml",
    SAMPLES
    / "derived"
    / "AB2023_Scheldestromen"
    / "Totaaltelling_AB2023_Scheldestromen_waterschap_Scheldestromen.eml.xml",
]
RELEVANT = (e("AffiliationIdentifier"), e("CandidateIdentifier"), e("ValidVotes"))
TEXTS = ["", " 5", "5 ", "05", "007", "x", "-1", "\u0663", "\u00b2", "999", "1000", "123456", "7"]
IDS = [None, "", "0", "01", "1", "2", "80", "1000", " 3", "\u0663", "a"]


def _groups(tree: etree._ElementTree) -> list[etree._Element]:
    root = tree.getroot()
    return list(root.iter(e("TotalVotes"), e("ReportingUnitVotes")))


@cache
def _pristine_groups() -> tuple[etree._Element, ...]:
    """Small groups to break: the total and two polling stations of the GR2022 count."""
    groups = _groups(parse_bytes(COUNT.read_bytes(), COUNT.name))
    return (groups[0], groups[1], groups[-1])


def _careful(group: etree._Element) -> list[ListCount] | str:
    try:
        return _careful_lists(group, Reader("telling.eml.xml"), "stembureau 1")
    except EmlError as error:
        return error.message


def _lines(lists: list[ListCount]) -> list[int | None]:
    return [item.line for item in lists]


def test_every_group_of_every_real_count_is_read_the_same_by_both_paths() -> None:
    regular_groups = 0
    for path in COUNTS:
        for group in _groups(parse_bytes(path.read_bytes(), path.name)):
            careful = _careful(group)
            assert isinstance(careful, list)
            regular = _regular_lists(group)
            if regular is not None:
                regular_groups += 1
                assert regular == careful
                assert _lines(regular) == _lines(careful)
    assert regular_groups > 50


def test_a_candidate_known_by_short_code_only_is_left_to_the_careful_path() -> None:
    group = copy.deepcopy(_pristine_groups()[1])
    identifier = next(group.iter(e("CandidateIdentifier")))
    identifier.set("ShortCode", "JansenA")
    del identifier.attrib["Id"]
    assert _regular_lists(group) is None
    careful = _careful(group)
    assert isinstance(careful, list)
    assert careful[0].candidate_votes[0][0] == 0
    assert careful[0].short_codes[0] == "JansenA"


def test_a_missing_valid_votes_is_refused_with_the_careful_message() -> None:
    group = copy.deepcopy(_pristine_groups()[1])
    votes = list(group.iter(e("ValidVotes")))[3]
    votes.getparent().remove(votes)  # type: ignore[union-attr]
    assert _regular_lists(group) is None
    assert "een lijst of kandidaat zonder ValidVotes" in str(_careful(group))


def test_a_scaled_count_read_in_full_equals_its_parts_read_carefully() -> None:
    record = read_bytes(COUNT.read_bytes(), COUNT.name)
    assert isinstance(record, CountRecord)
    groups = _groups(parse_bytes(COUNT.read_bytes(), COUNT.name))
    read = [record.total, *(unit.counts for unit in record.units)]
    assert [list(block.lists) for block in read if block is not None] == [
        _careful(group) for group in groups
    ]


def _change_content(draw: st.DrawFn, node: etree._Element, action: str) -> None:
    """Change a text or an attribute of one element."""
    if action == "text":
        node.text = draw(st.sampled_from(TEXTS))
    elif action == "id":
        value = draw(st.sampled_from(IDS))
        if value is None:
            node.attrib.pop("Id", "")
        else:
            node.set("Id", value)
    elif action == "short":
        node.set("ShortCode", "X")
    elif action == "comment":
        node.append(etree.Comment("opmerking"))
    elif action == "cdata" and not len(node):
        node.text = etree.CDATA(draw(st.sampled_from(TEXTS)))


def _change_structure(
    draw: st.DrawFn, group: etree._Element, node: etree._Element, action: str
) -> None:
    """Remove, copy, move or nest one element."""
    parent = node.getparent()
    if action == "remove" and parent is not None:
        parent.remove(node)
    elif action == "copy" and parent is not None:
        parent.insert(draw(st.integers(0, len(parent))), copy.deepcopy(node))
    elif action == "move":
        # Elements only: a comment added by an earlier change cannot hold children.
        target = draw(st.sampled_from(list(group.iter(etree.Element))))
        if node not in target.iterancestors() and node is not target:
            target.insert(draw(st.integers(0, len(target))), node)
    elif action == "nest":
        etree.SubElement(node, f"{{{EML}}}ValidVotes").text = "1"


@st.composite
def broken_groups(draw: st.DrawFn) -> etree._Element:
    """A real group with a few element-level changes a hostile or buggy writer could make."""
    group = copy.deepcopy(draw(st.sampled_from(_pristine_groups())))
    for _ in range(draw(st.integers(1, 4))):
        node = draw(st.sampled_from(list(group.iter(*RELEVANT))))
        action = draw(
            st.sampled_from(
                ["text", "id", "short", "comment", "cdata", "remove", "copy", "move", "nest"]
            )
        )
        _change_content(draw, node, action)
        _change_structure(draw, group, node, action)
    return group


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken_groups())
def test_a_broken_group_is_read_the_same_or_declined_by_the_regular_path(
    group: etree._Element,
) -> None:
    careful = _careful(group)
    regular = _regular_lists(group)
    if isinstance(careful, str):
        assert regular is None
        assert careful.startswith("telling.eml.xml")
    elif regular is not None:
        assert regular == careful
        assert _lines(regular) == _lines(careful)
