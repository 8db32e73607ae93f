"""The print file reuses the pages drawn for the separate files (ADR 0138).

The independent source of every expected print file is the full layout that made it
before: ``build_pdf`` of every story at once, which lays each story out again.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

import pytest
from demo_party import (
    CREATED,
    VERSION,
    context_for,
    demo_blank_nomination,
    demo_combined_nomination,
    demo_ek_nomination,
    demo_ep_nomination,
    demo_nomination,
    demo_tk_nomination,
)
from pdf_support import page_count, pages_text
from reportlab.lib import colors
from reportlab.platypus import Flowable

from kandidaat.documents import COMBINED_NAME, render_documents
from kandidaat.documents.layout import (
    Story,
    build_pdf,
    build_print_file,
    build_single,
    para,
)
from kandidaat.documents.render import effective_context, plan_stories
from kandidaat.domain.nomination.elections import provincial_election

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from kandidaat.domain.nomination.model import Nomination


def _frisian(nomination: Nomination) -> Nomination:
    lists = tuple(replace(item, language="fy") for item in nomination.lists)
    election = provincial_election("Fryslân", date(2027, 3, 17))
    return replace(nomination, election=election, lists=lists)


def _full_layout(nomination: Nomination, concept: tuple[str, ...]) -> bytes:
    context = effective_context(nomination, context_for(nomination, concept=concept))
    planned = plan_stories(nomination, context)
    data, _ = build_pdf(
        [item.story for item in planned],
        hashes=[item.plan.hash_code for item in planned],
        version=context.app_version,
        created=context.created,
        concept=context.concept,
        title="Alle documenten van de kandidaatstelling",
    )
    return data


CASES: dict[str, tuple[Callable[[], Nomination], tuple[str, ...]]] = {
    "gemeenteraad": (demo_nomination, ()),
    "gemeenteraad als concept": (demo_nomination, ("Er ontbreekt een handtekening.",)),
    "samengevoegde aanduiding": (demo_combined_nomination, ()),
    "blanco lijst": (demo_blank_nomination, ()),
    "Europees Parlement (Y 13, Y 35)": (demo_ep_nomination, ()),
    "Eerste Kamer": (demo_ek_nomination, ()),
    "Tweede Kamer, 3 kieskringen": (lambda: demo_tk_nomination(3, 20), ()),
    "Friese lijst in Fryslân": (lambda: _frisian(demo_nomination()), ()),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_print_file_is_byte_for_byte_the_one_a_full_layout_of_every_document_makes(
    case: str, tmp_path: Path
) -> None:
    make, concept = CASES[case]
    nomination = make()
    render_documents(nomination, context_for(nomination, concept=concept), tmp_path / "d")
    assert (tmp_path / "d" / COMBINED_NAME).read_bytes() == _full_layout(nomination, concept)


def _counted(story: Story, calls: list[str]) -> Story:
    def build() -> list[Flowable]:
        calls.append(story.filename)
        return story.build()

    return replace(story, build=build)


def test_the_print_file_does_not_lay_the_documents_out_a_second_time() -> None:
    nomination = demo_nomination()
    context = effective_context(nomination, context_for(nomination))
    calls: list[str] = []
    drawn = [
        build_single(
            _counted(item.story, calls),
            hash_code=item.plan.hash_code,
            version=VERSION,
            created=CREATED,
            concept=False,
            title=item.story.label,
        )
        for item in plan_stories(nomination, context)
    ]
    built_apart = len(calls)
    data = build_print_file(
        drawn, version=VERSION, created=CREATED, concept=False, title="Alle documenten"
    )
    assert len(calls) == built_apart
    assert page_count(data) == sum(item.pages for item in drawn)


class _Translucent(Flowable):  # type: ignore[misc]
    """A half-transparent grey square: transparency belongs to its document."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        del available_width, available_height
        return (40, 40)

    def draw(self) -> None:
        self.canv.setFillColor(colors.Color(0.5, 0.5, 0.5, alpha=0.5))
        self.canv.rect(0, 0, 40, 40, fill=1, stroke=0)


def _story(name: str, build: Callable[[], list[Flowable]]) -> Story:
    return Story("X", name, name, "L1", f"{name}.pdf", build)


def _both(stories: list[Story]) -> tuple[bytes, bytes]:
    hashes = [f"HASH {index}" for index in range(len(stories))]
    drawn = [
        build_single(
            story,
            hash_code=code,
            version=VERSION,
            created=CREATED,
            concept=False,
            title=story.label,
        )
        for story, code in zip(stories, hashes, strict=True)
    ]
    reused = build_print_file(
        drawn, version=VERSION, created=CREATED, concept=False, title="Alle documenten"
    )
    full, _ = build_pdf(
        stories,
        hashes=hashes,
        version=VERSION,
        created=CREATED,
        concept=False,
        title="Alle documenten",
    )
    return reused, full


def test_a_page_with_transparency_is_laid_out_again_and_prints_the_same() -> None:
    stories = [
        _story("eerste", lambda: [para("Çelik"), _Translucent()]),
        _story("tweede", lambda: [para("Wiśniewska")]),
    ]
    reused, full = _both(stories)
    assert reused == full
    assert page_count(reused) == 2


def test_letters_that_no_longer_fit_one_font_subset_are_laid_out_again_and_print_the_same() -> None:
    # 120 Latin Extended-A letters in one document and 60 Cyrillic in the other: each fits
    # the 159 free places of a subset on its own, together they do not.
    latin = "".join(chr(code) for code in range(0x100, 0x178))
    cyrillic = "".join(chr(code) for code in range(0x410, 0x44C))
    stories = [
        _story("latijn", lambda: [para(latin)]),
        _story("cyrillisch", lambda: [para(cyrillic)]),
    ]
    reused, full = _both(stories)
    assert reused == full
    text = "".join(pages_text(reused)).replace("\n", "")
    assert latin in text
    assert cyrillic in text
