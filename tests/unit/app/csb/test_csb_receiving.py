"""Receiving an EML 210 into a CSB workspace: what is stored, and what is refused."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest
from csb_samples import ELECTION, people, write_210

from kandidaat.app.csb.receiving import HashCodeNeededError, receive
from kandidaat.app.csb.workspace import new_workspace
from kandidaat.domain.csb.hashcode import blanked_groups
from kandidaat.domain.errors import InputError
from kandidaat.store.csb import CsbWorkspace

SHARED = Path(__file__).resolve().parents[4].parent / "shared"
EKS = SHARED / "eml_nl" / "fixtures" / "e-ks"
IN_TIME = datetime.fromisoformat("2025-09-15 14:30")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "tk.csb"
    new_workspace(path, ELECTION, "Anna Jansen").close()
    return path


def _state(path: Path) -> tuple[int, int]:
    with CsbWorkspace.open(path) as ws:
        return len(ws.submissions()), len(ws.log())


def test_a_list_with_its_full_hash_code_is_stored_exactly_as_received(
    workspace: Path, tmp_path: Path
) -> None:
    file, code = write_210(tmp_path / "in", "a.eml.xml", "Partij A", people("Aa", 3))
    received = receive(workspace, file, code, IN_TIME, "Anna Jansen")
    assert (received.number, received.appellation, received.candidates) == (1, "Partij A", 3)
    assert received.in_time
    with CsbWorkspace.open(workspace) as ws:
        (stored,) = ws.submissions()
        log = ws.log()
    assert stored.data == file.read_bytes()
    assert stored.sha256 == hashlib.sha256(file.read_bytes()).hexdigest()
    assert stored.received_at == IN_TIME
    assert stored.hash_confirmed == "volledig"
    assert log[-1].action == "ontvangen"
    assert log[-1].actor == "Anna Jansen"
    assert log[-1].data["sha256"] == stored.sha256


def test_the_two_blanked_groups_are_enough(workspace: Path, tmp_path: Path) -> None:
    file, code = write_210(tmp_path / "in", "a.eml.xml", "Partij A", people("Aa", 3))
    groups = code.split()
    first, second = blanked_groups(code)
    typed = f"{groups[first - 1]} {groups[second - 1]}"
    assert receive(workspace, file, typed, IN_TIME, "Bert").number == 1
    with CsbWorkspace.open(workspace) as ws:
        assert ws.submissions()[0].hash_confirmed == "twee groepen"


def test_without_a_code_the_message_shows_the_code_with_two_groups_blank(
    workspace: Path, tmp_path: Path
) -> None:
    file, code = write_210(tmp_path / "in", "a.eml.xml", "Partij A", people("Aa", 3))
    first, second = blanked_groups(code)
    with pytest.raises(HashCodeNeededError) as caught:
        receive(workspace, file, None, IN_TIME, "Bert")
    shown = code.split()
    shown[first - 1] = shown[second - 1] = "...."
    assert " ".join(shown) in caught.value.message
    assert _state(workspace) == (0, 1)


@pytest.mark.parametrize("wrong", ["0000 0000", "lower"])
def test_a_wrong_hash_code_stores_nothing(workspace: Path, tmp_path: Path, wrong: str) -> None:
    file, code = write_210(tmp_path / "in", "a.eml.xml", "Partij A", people("Aa", 3))
    typed = code[:-1] + ("0" if code[-1] != "0" else "1") if wrong == "lower" else wrong
    with pytest.raises(InputError, match="komt niet overeen"):
        receive(workspace, file, typed, IN_TIME, "Bert")
    assert _state(workspace) == (0, 1)


def test_the_same_file_twice_is_refused_and_stored_once(workspace: Path, tmp_path: Path) -> None:
    file, code = write_210(tmp_path / "in", "a.eml.xml", "Partij A", people("Aa", 3))
    receive(workspace, file, code, IN_TIME, "Bert")
    with pytest.raises(InputError, match="al ontvangen als inlevering 1"):
        receive(workspace, file, code, IN_TIME, "Bert")
    assert _state(workspace) == (1, 2)


def test_the_same_list_exported_again_is_refused_as_a_duplicate(
    workspace: Path, tmp_path: Path
) -> None:
    persons = people("Aa", 3)
    first, code = write_210(tmp_path / "een", "a.eml.xml", "Partij A", persons)
    receive(workspace, first, code, IN_TIME, "Bert")
    # Exported again, the appellation typed with other capitals and spaces: other bytes.
    second, second_code = write_210(tmp_path / "twee", "a2.eml.xml", "partij  a", persons)
    assert second.read_bytes() != first.read_bytes()
    with pytest.raises(InputError, match=r"dezelfde lijst .* als inlevering 1"):
        receive(workspace, second, second_code, IN_TIME, "Bert")
    assert _state(workspace) == (1, 2)


def test_another_list_under_the_same_appellation_is_received(
    workspace: Path, tmp_path: Path
) -> None:
    first, code = write_210(tmp_path / "een", "a.eml.xml", "Partij A", people("Aa", 3))
    receive(workspace, first, code, IN_TIME, "Bert")
    second, code = write_210(tmp_path / "twee", "b.eml.xml", "Partij A", people("Bb", 3))
    assert receive(workspace, second, code, IN_TIME, "Bert").number == 2


def test_a_210_of_another_election_is_refused(workspace: Path) -> None:
    file = EKS / "models_eml_210-ps27-1.eml.xml"
    code = hashlib.sha256(file.read_bytes()).hexdigest().upper()
    with pytest.raises(InputError, match="hoort bij verkiezing PS2027_Groningen"):
        receive(workspace, file, code, IN_TIME, "Bert")
    assert _state(workspace) == (0, 1)


def test_a_broken_file_is_refused_in_dutch(workspace: Path, tmp_path: Path) -> None:
    file = tmp_path / "kapot.eml.xml"
    file.write_bytes(b"<EML><niet dicht")
    with pytest.raises(InputError, match=r"kapot\.eml\.xml"):
        receive(workspace, file, "0000 0000", IN_TIME, "Bert")
    assert _state(workspace) == (0, 1)


def test_a_list_received_after_17_00_is_stored_and_marked_late(
    workspace: Path, tmp_path: Path
) -> None:
    file, code = write_210(tmp_path / "in", "a.eml.xml", "Partij A", people("Aa", 3))
    late = datetime.fromisoformat("2025-09-15 17:10")
    assert not receive(workspace, file, code, late, "Bert").in_time
    assert _state(workspace) == (1, 2)


@pytest.mark.parametrize("election", ["ps27-1", "ek27"])
def test_an_e_ks_210_is_received_with_its_110a(tmp_path: Path, election: str) -> None:
    path = tmp_path / "e-ks.csb"
    new_workspace(path, str(EKS / f"models_eml_110a-{election}.eml.xml"), "Lid").close()
    file = EKS / f"models_eml_210-{election}.eml.xml"
    code = hashlib.sha256(file.read_bytes()).hexdigest()
    received = receive(path, file, code, datetime.fromisoformat("2027-02-02 10:00"), "Lid")
    assert received.number == 1
    assert received.candidates > 0


def test_a_member_name_is_required(workspace: Path, tmp_path: Path) -> None:
    file, code = write_210(tmp_path / "in", "a.eml.xml", "Partij A", people("Aa", 3))
    with pytest.raises(InputError, match="--lid"):
        receive(workspace, file, code, IN_TIME, "  ")
    assert _state(workspace) == (0, 1)
