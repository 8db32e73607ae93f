"""The details of the chosen candidate that do not fit in a table cell: addresses."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QWidget

from kandidaat.app.editing.edits import PutCandidate
from kandidaat.domain.nomination.model import Agent, Body, PostalAddress

if TYPE_CHECKING:
    from kandidaat.domain.nomination.model import Candidate
    from kandidaat.gui.bridge import SessionBridge

ADDRESS_FIELDS = (
    ("street", "Straat en nr."),
    ("postal_code", "Postcode"),
    ("locality", "Plaats"),
    ("country_code", "Land"),
)
EP_FIELDS = (
    ("nationality", "Nationaliteit (landcode)"),
    ("place_of_birth", "Geboorteplaats"),
    ("home_state_address", "Laatste adres in het land van nationaliteit"),
)
"""Europees Parlement: what the declaration Y 35 of another EU national asks (Kieswet Y 35)."""
DETAIL_FIELDS = frozenset({"correspondence", "agent", *(name for name, _title in EP_FIELDS)})
"""Fields of a finding that are fixed in these details rather than in the table."""
AGENT_NAME_FIELDS = (
    ("initials", "Voorletters"),
    ("prefix", "Tussenvoegsel"),
    ("last_name", "Achternaam"),
)


def _row(fields: dict[str, QLineEdit], names: tuple[str, ...], stretch: tuple[int, ...]) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for name, factor in zip(names, stretch, strict=True):
        layout.addWidget(fields[name], factor)
    return row


class CandidateDetails(QWidget):
    """Correspondentieadres (Kieswet H 9) and gemachtigde (H 10) of one candidate."""

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        """Build empty forms; :meth:`show_candidate` fills them."""
        super().__init__(parent)
        self._bridge = bridge
        self._key: str | None = None
        self._updating = False
        self.correspondence = self._fields("correspondentie", ADDRESS_FIELDS)
        self.agent = self._fields("gemachtigde", AGENT_NAME_FIELDS + ADDRESS_FIELDS)
        self.correspondence_box = QGroupBox("Correspondentieadres (Kieswet H 9)")
        self.correspondence_box.setLayout(self._form(self.correspondence, with_name=False))
        self.agent_box = QGroupBox("Gemachtigde, bij wonen buiten Europees Nederland (H 10)")
        self.agent_box.setLayout(self._form(self.agent, with_name=True))
        self.european = self._fields("ep", EP_FIELDS)
        self.european_box = QGroupBox("Europees Parlement: verklaring Y 35")
        european_form = QFormLayout(self.european_box)
        for name, title in EP_FIELDS:
            european_form.addRow(f"{title}:", self.european[name])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.correspondence_box, 1)
        layout.addWidget(self.agent_box, 1)
        layout.addWidget(self.european_box, 1)
        bridge.changed.connect(self.refresh)
        self.show_candidate(None)

    def _fields(self, prefix: str, names: tuple[tuple[str, str], ...]) -> dict[str, QLineEdit]:
        fields = {}
        for name, _title in names:
            edit = QLineEdit()
            edit.setObjectName(f"{prefix}_{name}")
            edit.editingFinished.connect(self._commit)
            fields[name] = edit
        return fields

    @staticmethod
    def _form(fields: dict[str, QLineEdit], *, with_name: bool) -> QFormLayout:
        """Compact rows: name parts side by side, then street, then postcode, place, country."""
        for name, title in AGENT_NAME_FIELDS + ADDRESS_FIELDS:
            if name in fields:
                fields[name].setPlaceholderText(title.lower())
                fields[name].setAccessibleName(title)
        form = QFormLayout()
        if with_name:
            form.addRow("Naam:", _row(fields, ("initials", "prefix", "last_name"), (1, 1, 3)))
        form.addRow("Straat en nr.:", fields["street"])
        form.addRow(
            "Postcode, plaats, land:",
            _row(fields, ("postal_code", "locality", "country_code"), (1, 3, 1)),
        )
        return form

    def show_candidate(self, key: str | None) -> None:
        """Show the addresses of the candidate with ``key`` (None: nothing chosen)."""
        self._key = key
        self.refresh()

    def focus(self, field: str) -> None:
        """Focus the first field of the correspondence address or of the gemachtigde."""
        if field in self.european:
            target = self.european[field]
        elif field == "agent":
            target = self.agent["initials"]
        else:
            target = self.correspondence["street"]
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _candidate(self) -> Candidate | None:
        nomination = self._bridge.nomination
        if nomination is None or self._key is None:
            return None
        try:
            return nomination.candidate(self._key)
        except KeyError:
            return None

    def refresh(self) -> None:
        """Fill the forms from the session."""
        candidate = self._candidate()
        self.setEnabled(candidate is not None)
        address = (candidate.correspondence if candidate else None) or PostalAddress()
        agent = candidate.agent if candidate else None
        agent_address = agent.address if agent else None
        self._updating = True
        try:
            for name, edit in self.correspondence.items():
                edit.setText(str(getattr(address, name)) if candidate else "")
            for name, edit in self.agent.items():
                source: object = agent_address if name in dict(ADDRESS_FIELDS) else agent
                edit.setText(str(getattr(source, name)) if source is not None else "")
        finally:
            self._updating = False
        nomination = self._bridge.nomination
        european = nomination is not None and nomination.election.body is Body.EP
        self.european_box.setVisible(european)
        self._updating = True
        try:
            for field, edit in self.european.items():
                edit.setText(str(getattr(candidate, field)) if candidate else "")
        finally:
            self._updating = False
        name = candidate.display_name if candidate else "de gekozen kandidaat"
        self.correspondence_box.setTitle(f"Correspondentieadres van {name} (Kieswet H 9)")

    def _commit(self) -> None:
        if self._updating:
            return
        candidate = self._candidate()
        if candidate is None:
            return
        changed = replace(
            candidate,
            correspondence=self._address(self.correspondence),
            agent=self._agent(),
        )
        if self.european_box.isVisibleTo(self):
            changed = replace(
                changed,
                nationality=self.european["nationality"].text().strip().upper() or "NL",
                place_of_birth=self.european["place_of_birth"].text().strip(),
                home_state_address=self.european["home_state_address"].text().strip(),
            )
        if changed != candidate:
            self._bridge.apply(PutCandidate(changed))

    @staticmethod
    def _address(fields: dict[str, QLineEdit]) -> PostalAddress | None:
        values = {name: fields[name].text().strip() for name, _title in ADDRESS_FIELDS}
        if not any(values[name] for name in ("street", "postal_code", "locality")):
            return None
        values["country_code"] = values["country_code"].upper() or "NL"
        return PostalAddress(**values)

    def _agent(self) -> Agent | None:
        names = {name: self.agent[name].text().strip() for name, _title in AGENT_NAME_FIELDS}
        address = self._address(self.agent)
        if not any(names.values()) and address is None:
            return None
        return Agent(
            initials=names["initials"],
            last_name=names["last_name"],
            prefix=names["prefix"],
            address=address or PostalAddress(),
        )
