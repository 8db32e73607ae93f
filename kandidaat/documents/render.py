"""All documents of a nomination, written atomically: one folder per list and a print file.

``render_documents`` writes ``lijst_<n>/H1.pdf``, ``H3-1.pdf`` or ``H3-2.pdf``,
``H4_<kieskring>.pdf``, ``H9_<nr>_<achternaam>.pdf``, ``Y13_...``, ``Y35_...``,
``vestiging_...`` and ``checklist.pdf``, plus ``alles_afdrukken.pdf`` with every
page in order. Everything is built in a temporary folder next to ``out_dir``,
synced to disk and then renamed into place: on any error nothing half-written
remains and an earlier set of documents is left as it was. Files the user put
in the folder are kept (ADR 0046, :mod:`kandidaat.documents.folder`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from kandidaat.common.os_reasons import Action, os_reason
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
from kandidaat.documents.folder import (
    MANIFEST_NAME,
    WORK_MARK_NAME,
    check_target,
    clean_leftovers,
    install,
    new_work_folder,
    remove_work_folder,
    write_manifest,
)
from kandidaat.documents.layout import Story, build_print_file, build_single
from kandidaat.documents.plan import ListPlan, model_gaps, plan_lists
from kandidaat.domain.errors import InputError

if TYPE_CHECKING:
    from kandidaat.domain.nomination.model import Nomination

__all__ = ["COMBINED_NAME", "MARKER_NAME", "effective_context", "plan_stories", "render_documents"]

COMBINED_NAME = "alles_afdrukken.pdf"
MARKER_NAME = MANIFEST_NAME
"""The manifest of every folder written here (ADR 0046): only its files are replaced."""


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


def render_documents(
    nomination: Nomination,
    context: RenderContext,
    out_dir: Path,
    *,
    extra_folders: tuple[tuple[str, Path], ...] = (),
) -> DocumentSet:
    """Write every document of ``nomination`` to ``out_dir`` atomically (ADR 0044, 0046).

    ``out_dir`` must not exist, be empty, or hold an earlier set written here:
    then exactly the files kandidaat wrote are replaced and every other file
    (the user's) is kept. ``extra_folders`` (name, finished folder) are moved
    into the set before it is put in place (the EML 210 files). Missing H 1
    data (Kiesbesluit art. H 2, geldend op 2026-01-01) makes every page a concept.
    """
    context = effective_context(nomination, context)
    planned = plan_stories(nomination, context)
    out_dir = Path(out_dir)
    keep = tuple(path for _, path in extra_folders)
    clean_leftovers(out_dir, keep=keep)
    new_names = {PurePosixPath(item.relative_path.as_posix()) for item in planned}
    new_names |= {PurePosixPath(COMBINED_NAME)}
    for name, folder in extra_folders:
        new_names |= {
            PurePosixPath(name) / path.relative_to(folder).as_posix()
            for path in folder.rglob("*")
            if path.is_file() and path.name != WORK_MARK_NAME
        }
    check_target(out_dir, frozenset(new_names))
    work = new_work_folder(out_dir)
    try:
        files = _write_all(planned, context, work, out_dir)
        for name, folder in extra_folders:
            # Moved with its work mark, which goes only once it is inside the work folder:
            # a kill in between leaves a folder the next run recognises as ours.
            folder.rename(work / name)
            (work / name / WORK_MARK_NAME).unlink(missing_ok=True)
        write_manifest(work)
        combined_pages = sum(item.pages for item in files)
        install(work, out_dir)
    except OSError as error:
        remove_work_folder(work)
        reason = os_reason(error, Action.WRITE_FOLDER)
        raise InputError(
            f"{out_dir}: de documenten konden niet worden geschreven ({reason}); "
            "er is niets veranderd."
        ) from error
    except BaseException:
        remove_work_folder(work)
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
    drawn = []
    for item in planned:
        single = build_single(
            item.story,
            hash_code=item.plan.hash_code,
            version=context.app_version,
            created=context.created,
            concept=context.concept,
            title=item.story.label,
        )
        drawn.append(single)
        target = work / item.relative_path
        target.parent.mkdir(exist_ok=True)
        _write_synced(target, single.data)
        files.append(
            DocumentFile(
                path=out_dir / item.relative_path,
                model=item.story.model,
                title=item.story.title,
                list_key=item.plan.candidate_list.key,
                pages=single.pages,
            )
        )
    combined = build_print_file(
        drawn,
        version=context.app_version,
        created=context.created,
        concept=context.concept,
        title="Alle documenten van de kandidaatstelling",
    )
    _write_synced(work / COMBINED_NAME, combined)
    return tuple(files)


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
