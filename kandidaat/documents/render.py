"""All documents of a nomination, written atomically: one folder per list and a print file.

``render_documents`` writes ``lijst_<n>/H1.pdf``, ``H3-1.pdf`` or ``H3-2.pdf``,
``H4_<kieskring>.pdf``, ``H9_<nr>_<achternaam>.pdf``, ``Y13_...``, ``Y35_...``,
``vestiging_...`` and ``checklist.pdf``, plus ``alles_afdrukken.pdf`` with every
page in order. Everything is built in a temporary folder next to ``out_dir``,
synced to disk and then renamed into place: on any error nothing half-written
remains and an earlier set of documents is left as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kandidaat.documents import (
    checklist,
    model_h1,
    model_h3_1,
    model_h3_2,
    model_h4,
    model_h9,
    model_vestiging,
    model_y13,
    model_y35,
)
from kandidaat.documents.context import DocumentFile, DocumentSet, RenderContext
from kandidaat.documents.layout import Story, build_pdf
from kandidaat.documents.plan import ListPlan, model_gaps, plan_lists
from kandidaat.domain.errors import InputError

if TYPE_CHECKING:
    from kandidaat.domain.nomination.model import Nomination

__all__ = ["COMBINED_NAME", "MARKER_NAME", "effective_context", "plan_stories", "render_documents"]

COMBINED_NAME = "alles_afdrukken.pdf"
MARKER_NAME = ".kandidaat-documenten"
"""A file in every folder written here: only such a folder is replaced by a new set."""


@dataclass(frozen=True, slots=True)
class PlannedStory:
    """A document to write: its list plan and its story."""

    plan: ListPlan
    story: Story

    @property
    def relative_path(self) -> Path:
        """``lijst_<n>/<file>``."""
        return Path(self.plan.folder) / self.story.filename


def effective_context(nomination: Nomination, context: RenderContext) -> RenderContext:
    """The context with the data gaps of the H 1 added to the concept reasons."""
    gaps = model_gaps(plan_lists(nomination, context))
    new = tuple(gap for gap in gaps if gap not in context.concept_reasons)
    if not new:
        return context
    return replace(context, concept_reasons=(*context.concept_reasons, *new))


def plan_stories(nomination: Nomination, context: RenderContext) -> tuple[PlannedStory, ...]:
    """Every document in print order: per list H 1, H 3, H 4, personal documents, checklist."""
    result: list[PlannedStory] = []
    for plan in plan_lists(nomination, context):
        stories: list[Story] = [model_h1.story(nomination, plan)]
        if plan.appellation_model == model_h3_1.MODEL:
            stories.append(model_h3_1.story(nomination, plan))
        elif plan.appellation_model == model_h3_2.MODEL:
            stories.append(model_h3_2.story(nomination, plan))
        stories.extend(model_h4.story(nomination, plan, kring) for kring, _ in plan.h4)
        for person in plan.persons_here:
            stories.append(model_h9.story(nomination, plan, person))
            if plan.ep:
                stories.append(model_y13.story(nomination, plan, person))
            if person.y35:
                stories.append(model_y35.story(nomination, plan, person))
            if person.settlement:
                stories.append(model_vestiging.story(nomination, plan, person))
        stories.append(checklist.story(nomination, plan, context))
        result.extend(PlannedStory(plan, story) for story in stories)
    names = [item.relative_path for item in result]
    if len(set(names)) != len(names):
        duplicate = next(name for name in names if names.count(name) > 1)
        raise InputError(f"Twee documenten zouden dezelfde bestandsnaam krijgen: {duplicate}.")
    return tuple(result)


def render_documents(nomination: Nomination, context: RenderContext, out_dir: Path) -> DocumentSet:
    """Write every document of ``nomination`` to ``out_dir`` atomically.

    ``out_dir`` must not exist, be empty, or hold an earlier set written here
    (it is then replaced as a whole). Missing H 1 data (Kiesbesluit art. H 2,
    geldend op 2026-01-01) makes every page a concept.
    """
    context = effective_context(nomination, context)
    planned = plan_stories(nomination, context)
    out_dir = Path(out_dir)
    _check_target(out_dir)
    parent = out_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".tmp", dir=parent))
    except OSError as error:
        raise InputError(
            f"{parent}: hier kan niet worden geschreven ({error.strerror})."
        ) from error
    try:
        files = _write_all(planned, context, work, out_dir)
        combined_pages = sum(item.pages for item in files)
        _swap_into_place(work, out_dir)
    except OSError as error:
        shutil.rmtree(work, ignore_errors=True)
        raise InputError(
            f"{out_dir}: de documenten konden niet worden geschreven ({error.strerror}); "
            "er is niets veranderd."
        ) from error
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return DocumentSet(
        out_dir=out_dir,
        files=files,
        combined=out_dir / COMBINED_NAME,
        combined_pages=combined_pages,
        concept_reasons=context.concept_reasons,
    )


def _write_all(
    planned: tuple[PlannedStory, ...], context: RenderContext, work: Path, out_dir: Path
) -> tuple[DocumentFile, ...]:
    files = []
    for item in planned:
        data, [pages] = build_pdf(
            [item.story],
            hashes=[item.plan.hash_code],
            version=context.app_version,
            created=context.created,
            concept=context.concept,
            title=item.story.label,
        )
        target = work / item.relative_path
        target.parent.mkdir(exist_ok=True)
        _write_synced(target, data)
        files.append(
            DocumentFile(
                path=out_dir / item.relative_path,
                model=item.story.model,
                title=item.story.title,
                list_key=item.plan.candidate_list.key,
                pages=pages,
            )
        )
    combined, _ = build_pdf(
        [item.story for item in planned],
        hashes=[item.plan.hash_code for item in planned],
        version=context.app_version,
        created=context.created,
        concept=context.concept,
        title="Alle documenten van de kandidaatstelling",
    )
    _write_synced(work / COMBINED_NAME, combined)
    _write_synced(
        work / MARKER_NAME, b"Geschreven door kandidaat; mag als geheel worden vervangen.\n"
    )
    for folder in {work / item.plan.folder for item in planned} | {work}:
        _fsync_dir(folder)
    return tuple(files)


def _check_target(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir} bestaat al en is geen map; kies een andere uitvoermap.")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / MARKER_NAME).is_file():
        raise InputError(
            f"De map {out_dir} bestaat al en bevat andere bestanden; kies een nieuwe of lege "
            "map voor de documenten."
        )


def _swap_into_place(work: Path, out_dir: Path) -> None:
    """Rename the finished folder into place; an earlier set is removed only afterwards."""
    old: Path | None = None
    if out_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".old", dir=out_dir.parent))
        old.rmdir()
        out_dir.rename(old)
    try:
        work.rename(out_dir)
    except BaseException:
        if old is not None:
            old.rename(out_dir)
        raise
    _fsync_dir(out_dir.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
