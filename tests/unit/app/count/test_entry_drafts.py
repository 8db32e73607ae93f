"""Drafts of an entry: every field the typist leaves is saved, and comes back to them only.

The count is the small sample of the store tests (three polling stations; list 1 with
candidates 1-3, list 2 with candidates 1-2). The paper form's order, written out by hand
from the proces-verbaal: A-H (8 fields), the 7 fields of the difference, then list 1's
candidates 1-3 and its total, then list 2's candidates 1-2 and its total (22 fields).
"""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "store"))
from count_store_samples import LAYOUT, make, station_figures

from kandidaat.app.count import drafts
from kandidaat.app.count.desk import CountDesk
from kandidaat.app.count.drafts import DraftKeeper, RestoredDraft
from kandidaat.domain.errors import InputError
from kandidaat.store import audit_log
from kandidaat.store.count import CountWorkspace
from kandidaat.store.workspace import WorkspaceError

if TYPE_CHECKING:
    from collections.abc import Mapping

ANNA = "Anna Invoerder"
BERT = "Bert Invoerder"
PAPER_ORDER = (
    "stempassen",
    "volmachtbewijzen",
    "kiezerspassen",
    "toegelaten kiezers",
    "stemmen op lijsten",
    "blanco",
    "ongeldig",
    "uitgebrachte stemmen",
    "meer geteld",
    "minder geteld",
    "meegenomen",
    "te weinig uitgereikt",
    "te veel uitgereikt",
    "geen verklaring",
    "andere verklaring",
    "lijst 1 kandidaat 1",
    "lijst 1 kandidaat 2",
    "lijst 1 kandidaat 3",
    "lijst 1",
    "lijst 2 kandidaat 1",
    "lijst 2 kandidaat 2",
    "lijst 2",
)


@pytest.fixture
def tel(tmp_path: Path) -> Path:
    path = tmp_path / "ons.tel"
    make(path).close()
    return path


def actions(path: Path) -> list[tuple[str, str, dict[str, object]]]:
    """(actor, action, data) of every log entry after the creation."""
    with CountWorkspace.open(path) as workspace:
        return [(entry.actor, entry.action, entry.data) for entry in workspace.log()[1:]]


def test_the_form_s_order_is_the_paper_s() -> None:
    assert drafts.paper_order(LAYOUT) == PAPER_ORDER


def test_each_field_left_is_in_the_draft_at_once_and_comes_back_for_the_same_typist(
    tel: Path,
) -> None:
    typed = [("stempassen", "141"), ("volmachtbewijzen", "12"), ("kiezerspassen", "0")]
    for count, (field, text) in enumerate(typed, start=1):
        CountDesk.open(tel).save_draft(1, 1, ANNA, {field: text})
        # A new desk, as after a crash: only the file is asked.
        restored = CountDesk.open(tel).load_draft(1, 1, ANNA)
        assert restored is not None
        assert restored.texts == dict(typed[:count])
    assert CountDesk.open(tel).load_draft(1, 1, ANNA) == RestoredDraft(
        {"stempassen": "141", "volmachtbewijzen": "12", "kiezerspassen": "0"},
        "toegelaten kiezers",
    )


def test_a_figure_typed_again_replaces_the_one_saved_and_a_cleared_field_is_empty(
    tel: Path,
) -> None:
    desk = CountDesk.open(tel)
    desk.save_draft(1, 1, ANNA, {"stempassen": "141", "blanco": "1"})
    desk.save_draft(1, 1, ANNA, {"stempassen": "0141"})
    desk.save_draft(1, 1, ANNA, {"blanco": ""})
    restored = desk.load_draft(1, 1, ANNA)
    assert restored == RestoredDraft({"stempassen": "141"}, "volmachtbewijzen")


def test_the_cursor_goes_to_the_first_empty_field_after_the_last_filled_one(tel: Path) -> None:
    desk = CountDesk.open(tel)
    # C and the whole difference were left empty (they count as 0); list 1 candidate 1 is
    # the last field left: the typist goes on at list 1 candidate 2.
    desk.save_draft(1, 1, ANNA, {"stempassen": "140", "volmachtbewijzen": "12"})
    desk.save_draft(1, 1, ANNA, {"lijst 1 kandidaat 1": "51"})
    restored = desk.load_draft(1, 1, ANNA)
    assert restored is not None
    assert restored.resume_at == "lijst 1 kandidaat 2"
    assert list(restored.texts) == ["stempassen", "volmachtbewijzen", "lijst 1 kandidaat 1"]
    desk.save_draft(1, 1, ANNA, {"lijst 2": "50"})
    restored = desk.load_draft(1, 1, ANNA)
    assert restored is not None
    assert restored.resume_at is None  # the last field of the form: on to Opslaan


def test_another_typist_of_the_entry_gets_nothing_and_invoer_2_never_sees_invoer_1(
    tel: Path,
) -> None:
    desk = CountDesk.open(tel)
    desk.save_draft(1, 1, ANNA, {"stempassen": "141"})
    assert desk.load_draft(1, 1, BERT) is None
    assert desk.load_draft(1, 2, BERT) is None
    assert desk.load_draft(1, 2, ANNA) is None
    assert desk.load_draft(2, 1, ANNA) is None
    same_person = desk.load_draft(1, 1, "  anna   INVOERDER ")
    assert same_person is not None
    assert same_person.texts == {"stempassen": "141"}


def test_a_typist_2_draft_is_kept_apart_and_stays_when_entry_1_is_stored(tel: Path) -> None:
    desk = CountDesk.open(tel)
    desk.save_draft(1, 1, ANNA, {"stempassen": "141"})
    desk.save_draft(1, 2, BERT, {"stempassen": "140", "blanco": "1"})
    first, second = desk.load_draft(1, 1, ANNA), desk.load_draft(1, 2, BERT)
    assert first is not None
    assert second is not None
    assert first.texts == {"stempassen": "141"}
    assert second.texts == {"stempassen": "140", "blanco": "1"}
    assert desk.enter(1, 1, ANNA, station_figures(1)).stored
    assert desk.load_draft(1, 1, ANNA) is None
    kept = desk.load_draft(1, 2, BERT)
    assert kept is not None
    assert kept.texts == {"stempassen": "140", "blanco": "1"}


def test_storing_the_entry_removes_its_draft_and_the_log_says_begun_and_entered_only(
    tel: Path,
) -> None:
    desk = CountDesk.open(tel)
    for field, text in [("stempassen", "141"), ("volmachtbewijzen", "12"), ("blanco", "1")]:
        desk.save_draft(1, 1, ANNA, {field: text})
    assert desk.enter(1, 1, ANNA, station_figures(1)).stored
    assert desk.load_draft(1, 1, ANNA) is None
    with CountWorkspace.open(tel) as workspace:
        assert workspace.draft(1, 1) is None
    logged = actions(tel)
    assert [(actor, action) for actor, action, _ in logged] == [
        (ANNA, "concept begonnen"),
        (ANNA, "invoer"),
    ]
    assert logged[0][2] == {"stembureau": 1, "invoer": 1}


def test_an_entry_that_fails_to_store_keeps_its_draft(
    tel: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = CountDesk.open(tel)
    desk.save_draft(1, 1, ANNA, {"stempassen": "141"})
    real_append = audit_log.append

    def append_failing_at_the_entry(connection: sqlite3.Connection, *args: object) -> None:
        if args[1] == "invoer":
            msg = "disk I/O error"
            raise sqlite3.OperationalError(msg)
        real_append(connection, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(audit_log, "append", append_failing_at_the_entry)
    with pytest.raises(WorkspaceError, match="de wijziging is niet opgeslagen"):
        desk.enter(1, 1, ANNA, station_figures(1))
    monkeypatch.undo()
    restored = desk.load_draft(1, 1, ANNA)
    assert restored is not None
    assert restored.texts == {"stempassen": "141"}
    with CountWorkspace.open(tel) as workspace:
        assert workspace.entries() == ()


def test_invoer_weggooien_removes_the_typist_s_draft_and_logs_how_many_fields_it_had(
    tel: Path,
) -> None:
    desk = CountDesk.open(tel)
    desk.save_draft(1, 1, ANNA, {"stempassen": "141", "volmachtbewijzen": "12"})
    assert desk.discard_draft(1, 1, BERT) == 0  # not Bert's: left alone
    assert desk.load_draft(1, 1, ANNA) is not None
    assert desk.discard_draft(1, 1, ANNA) == 2
    assert desk.load_draft(1, 1, ANNA) is None
    assert desk.discard_draft(1, 1, ANNA) == 0
    assert actions(tel)[-1] == (
        ANNA,
        "concept verwijderd",
        {"stembureau": 1, "invoer": 1, "velden": 2, "reden": "weggegooid door de invoerder"},
    )
    assert len(actions(tel)) == 2


def test_a_draft_is_logged_once_when_begun_never_per_field(tel: Path) -> None:
    desk = CountDesk.open(tel)
    for number, field in enumerate(PAPER_ORDER[:10]):
        desk.save_draft(2, 1, ANNA, {field: str(number)})
    assert [action for _, action, _ in actions(tel)] == ["concept begonnen"]


def test_another_typist_who_takes_over_an_entry_replaces_the_old_draft_logged(
    tel: Path,
) -> None:
    desk = CountDesk.open(tel)
    desk.save_draft(1, 1, ANNA, {"stempassen": "141", "blanco": "1"})
    desk.save_draft(1, 1, BERT, {"stempassen": "140"})
    assert desk.load_draft(1, 1, ANNA) is None
    restored = desk.load_draft(1, 1, BERT)
    assert restored is not None
    assert restored.texts == {"stempassen": "140"}
    assert actions(tel)[1:] == [
        (
            BERT,
            "concept verwijderd",
            {"stembureau": 1, "invoer": 1, "velden": 2, "reden": f"overgenomen door {BERT}"},
        ),
        (BERT, "concept begonnen", {"stembureau": 1, "invoer": 1}),
    ]


def test_a_draft_of_a_stored_entry_or_by_the_other_entry_s_typist_is_refused(tel: Path) -> None:
    desk = CountDesk.open(tel)
    assert desk.enter(1, 1, ANNA, station_figures(1)).stored
    with pytest.raises(WorkspaceError, match="invoer 1 van stembureau 1 is al gedaan door Anna"):
        desk.save_draft(1, 1, BERT, {"stempassen": "1"})
    with pytest.raises(WorkspaceError, match="Anna Invoerder heeft invoer 1 van stembureau 1"):
        desk.save_draft(1, 2, ANNA, {"stempassen": "1"})
    with pytest.raises(WorkspaceError, match="stembureau 9 staat niet in de stembureaulijst"):
        desk.save_draft(9, 1, ANNA, {"stempassen": "1"})
    with CountWorkspace.open(tel) as workspace:
        assert workspace.draft(1, 2) is None


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        ({"lijst 3": "5"}, "het stembiljet heeft geen veld 'lijst 3'"),
        ({"stempassen": "12a"}, "stempassen: '12a' is geen getal van ten hoogste 8 cijfers"),
        ({"stempassen": "123456789"}, "is geen getal van ten hoogste 8 cijfers"),
        ({"blanco": "1", "stempassen": "-1"}, "'-1' is geen getal"),
    ],
)
def test_a_field_the_ballot_lacks_or_a_text_that_is_no_figure_saves_nothing(
    tel: Path, texts: Mapping[str, str], message: str
) -> None:
    desk = CountDesk.open(tel)
    with pytest.raises(InputError, match=message):
        desk.save_draft(1, 1, ANNA, texts)
    assert desk.load_draft(1, 1, ANNA) is None


def test_a_workspace_of_schema_version_3_gets_the_draft_table_on_opening(tel: Path) -> None:
    raw = sqlite3.connect(tel, isolation_level=None)
    raw.execute("DROP TABLE entry_draft")
    raw.execute("PRAGMA user_version = 3")
    raw.close()
    desk = CountDesk.open(tel)
    desk.save_draft(3, 2, BERT, {"ongeldig": "2"})
    restored = desk.load_draft(3, 2, BERT)
    assert restored is not None
    assert restored.texts == {"ongeldig": "2"}
    raw = sqlite3.connect(tel)
    assert raw.execute("PRAGMA user_version").fetchone() == (4,)
    raw.close()


def test_fields_left_while_the_file_is_in_use_are_saved_together_after_the_pause(
    tel: Path,
) -> None:
    desk = CountDesk.open(tel)
    now = [100.0]
    keeper = DraftKeeper(lambda texts: desk.save_draft(1, 1, ANNA, texts), lambda: now[0])
    with CountWorkspace.open(tel):  # the coordinator runs 'kandidaat telling verschillen'
        problem = keeper.keep("stempassen", "141")
        assert problem is not None
        assert problem.startswith("Het concept is niet bewaard (")
        assert "het is al geopend in een ander venster of programma" in problem
        started = time.perf_counter()
        assert keeper.keep("volmachtbewijzen", "12") is None  # not tried again yet
        assert time.perf_counter() - started < 0.2  # no wait on the lock
        now[0] += drafts.RETRY_SECONDS
        assert keeper.keep("kiezerspassen", "0") is None  # tried, same reason: said once
    assert keeper.pending == {"stempassen": "141", "volmachtbewijzen": "12", "kiezerspassen": "0"}
    assert desk.load_draft(1, 1, ANNA) is None
    now[0] += drafts.RETRY_SECONDS
    assert keeper.keep("toegelaten kiezers", "153") is None
    assert keeper.pending == {}
    restored = desk.load_draft(1, 1, ANNA)
    assert restored is not None
    assert restored.texts == {
        "stempassen": "141",
        "volmachtbewijzen": "12",
        "kiezerspassen": "0",
        "toegelaten kiezers": "153",
    }
