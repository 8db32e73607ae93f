"""Deterministic packing: the same tree gives the same tar.gz and .deb bytes on any machine."""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

BUILD_DIR = Path(__file__).resolve().parents[2] / "build"
sys.path.insert(0, str(BUILD_DIR))

from kandidaat_build.compare import compare_artifact_dirs  # noqa: E402 - after sys.path
from kandidaat_build.errors import BuildError  # noqa: E402
from kandidaat_build.files import tree_sums  # noqa: E402
from kandidaat_build.packing import DebPackage, pack_tree, write_deb  # noqa: E402

EPOCH = 1_700_000_000
META = DebPackage(
    package="kandidaat",
    version="0.1.0",
    architecture="amd64",
    maintainer="kandidaat contributors",
    depends="libc6 (>= 2.34)",
    summary="test",
    description=("regel een", "", "regel drie"),
)


def _make_tree(root: Path, *, mtime: int, umask: int, owner: int) -> Path:
    previous = os.umask(umask)
    try:
        (root / "_internal" / "lib").mkdir(parents=True)
        (root / "kandidaat").write_bytes(b"\x7fELF programma")
        (root / "kandidaat").chmod(0o777 & ~umask)
        (root / "_internal" / "base_library.zip").write_bytes(b"PK zip")
        (root / "_internal" / "lib" / "data.json").write_text('{"a": 1}', encoding="utf-8")
    finally:
        os.umask(previous)
    for path in [root, *root.rglob("*")]:
        os.utime(path, (mtime, mtime))
        if os.geteuid() == 0:
            os.chown(path, owner, owner)
    return root


def test_the_same_tree_with_other_mtimes_owners_and_umask_packs_to_the_same_bytes(
    tmp_path: Path,
) -> None:
    first = _make_tree(tmp_path / "a" / "kandidaat", mtime=1_000, umask=0o022, owner=0)
    second = _make_tree(
        tmp_path / "b-langer" / "x" / "kandidaat", mtime=2_000_000, umask=0o077, owner=4321
    )
    pack_tree(first, "kandidaat-0.1.0", tmp_path / "a.tar.gz", EPOCH)
    pack_tree(second, "kandidaat-0.1.0", tmp_path / "b.tar.gz", EPOCH)
    assert (tmp_path / "a.tar.gz").read_bytes() == (tmp_path / "b.tar.gz").read_bytes()


def test_every_member_is_owned_by_root_dated_source_date_epoch_and_has_a_normal_mode(
    tmp_path: Path,
) -> None:
    tree = _make_tree(tmp_path / "kandidaat", mtime=5, umask=0o077, owner=1000)
    pack_tree(tree, "kandidaat-0.1.0", tmp_path / "out.tar.gz", EPOCH)
    with tarfile.open(tmp_path / "out.tar.gz") as archive:
        members = archive.getmembers()
    names = [member.name for member in members]
    assert names == sorted(names)
    assert {(m.uid, m.gid, m.uname, m.gname, m.mtime) for m in members} == {(0, 0, "", "", EPOCH)}
    modes = {member.name: member.mode for member in members}
    assert modes["kandidaat-0.1.0"] == 0o755
    assert modes["kandidaat-0.1.0/kandidaat"] == 0o755
    assert modes["kandidaat-0.1.0/_internal/lib/data.json"] == 0o644


def test_the_gzip_header_carries_no_time_and_no_file_name(tmp_path: Path) -> None:
    tree = _make_tree(tmp_path / "kandidaat", mtime=5, umask=0o022, owner=0)
    target = tmp_path / "out.tar.gz"
    pack_tree(tree, "kandidaat-0.1.0", target, EPOCH)
    header = target.read_bytes()[:10]
    flags, mtime = header[3], int.from_bytes(header[4:8], "little")
    assert mtime == 0
    assert flags & 0x08 == 0  # FNAME: no original file name stored


def test_a_fifo_in_the_tree_is_refused_with_a_dutch_message(tmp_path: Path) -> None:
    tree = _make_tree(tmp_path / "kandidaat", mtime=5, umask=0o022, owner=0)
    os.mkfifo(tree / "pijp")
    with pytest.raises(BuildError, match="pijp: geen gewoon bestand"):
        pack_tree(tree, "kandidaat-0.1.0", tmp_path / "out.tar.gz", EPOCH)
    assert not (tmp_path / "out.tar.gz").exists()


def _deb(tmp_path: Path, tree: Path, name: str) -> Path:
    target = tmp_path / name
    link = ("usr/bin/kandidaat", "/opt/kandidaat/kandidaat")
    write_deb(META, tree, "/opt/kandidaat", link, target, EPOCH)
    return target


def test_the_deb_is_deterministic_and_installs_to_opt_with_a_command_in_usr_bin(
    tmp_path: Path,
) -> None:
    first = _deb(tmp_path, _make_tree(tmp_path / "a", mtime=1, umask=0o022, owner=0), "a.deb")
    second = _deb(tmp_path, _make_tree(tmp_path / "b", mtime=9, umask=0o077, owner=7), "b.deb")
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes().startswith(b"!<arch>\ndebian-binary   ")
    dpkg_deb = shutil.which("dpkg-deb")
    if dpkg_deb is None:
        pytest.skip("dpkg-deb ontbreekt; de inhoud is hierboven al vergeleken")
    info = subprocess.run(
        [dpkg_deb, "--info", str(first)], capture_output=True, text=True, check=True
    )
    assert "Package: kandidaat" in info.stdout
    assert "Version: 0.1.0" in info.stdout
    listing = subprocess.run(
        [dpkg_deb, "--contents", str(first)], capture_output=True, text=True, check=True
    ).stdout
    assert "./opt/kandidaat/kandidaat" in listing
    assert "./usr/bin/kandidaat -> /opt/kandidaat/kandidaat" in listing
    assert all(line.split()[1] == "0/0" for line in listing.splitlines())


def test_a_changed_member_is_named_in_the_comparison_of_two_builds(tmp_path: Path) -> None:
    for side in ("a", "b"):
        (tmp_path / side).mkdir()
        tree = _make_tree(tmp_path / f"tree-{side}", mtime=1, umask=0o022, owner=0)
        if side == "b":
            (tree / "_internal" / "lib" / "data.json").write_text('{"a": 2}', encoding="utf-8")
        pack_tree(tree, "kandidaat-0.1.0", tmp_path / side / "k.tar.gz", EPOCH)
        (tmp_path / side / "SHA256SUMS").write_text("gelijk\n", encoding="utf-8")
    lines = compare_artifact_dirs(tmp_path / "a", tmp_path / "b")
    assert lines == ["k.tar.gz: lid kandidaat-0.1.0/_internal/lib/data.json: inhoud verschilt"]


def test_a_gzip_stream_of_the_tar_opens_with_standard_tools(tmp_path: Path) -> None:
    tree = _make_tree(tmp_path / "kandidaat", mtime=5, umask=0o022, owner=0)
    pack_tree(tree, "kandidaat-0.1.0", tmp_path / "out.tar.gz", EPOCH)
    raw = gzip.decompress((tmp_path / "out.tar.gz").read_bytes())
    with tarfile.open(fileobj=io.BytesIO(raw)) as archive:
        member = archive.extractfile("kandidaat-0.1.0/_internal/lib/data.json")
        assert member is not None
        assert member.read() == b'{"a": 1}'


def test_links_inside_the_bundle_are_kept_and_listed_by_content_but_one_outside_is_refused(
    tmp_path: Path,
) -> None:
    tree = _make_tree(tmp_path / "kandidaat", mtime=5, umask=0o022, owner=0)
    (tree / "_internal" / "data.json").symlink_to("lib/data.json")
    listing = tree_sums(tree)
    digest = hashlib.sha256(b'{"a": 1}').hexdigest()
    assert f"{digest}  _internal/data.json\n" in listing
    pack_tree(tree, "k", tmp_path / "k.tar.gz", EPOCH)
    with tarfile.open(tmp_path / "k.tar.gz") as archive:
        assert archive.getmember("k/_internal/data.json").linkname == "lib/data.json"
    (tree / "_internal" / "buiten").symlink_to(tmp_path)
    with pytest.raises(BuildError, match="buiten: symbolische link wijst buiten de bundel"):
        tree_sums(tree)


def test_a_difference_inside_the_deb_is_traced_to_the_file_in_data_tar_gz(
    tmp_path: Path,
) -> None:
    for side in ("a", "b"):
        (tmp_path / side).mkdir()
        tree = _make_tree(tmp_path / f"tree-{side}", mtime=1, umask=0o022, owner=0)
        if side == "b":
            (tree / "kandidaat").write_bytes(b"\x7fELF ander programma")
        link = ("usr/bin/kandidaat", "/opt/kandidaat/kandidaat")
        write_deb(META, tree, "/opt/kandidaat", link, tmp_path / side / "k.deb", EPOCH)
    lines = compare_artifact_dirs(tmp_path / "a", tmp_path / "b")
    assert "k.deb/data.tar.gz: lid ./opt/kandidaat/kandidaat: inhoud verschilt" in lines
