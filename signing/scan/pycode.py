"""Python code objects: the strings a compiled module carries, and its assignments.

A secret written in Python source ends up as a constant of a code object; in a
PyInstaller bundle that object is marshalled and zlib-compressed, so ``grep`` never
sees it. We unmarshal (only data written by the running Python: the format changes
between versions), walk ``co_consts`` recursively, and rebuild ``NAME = 'value'``
from the bytecode so the credential rules see the name next to the value.

``marshal`` is not meant for hostile data; the scanner reads our own build output.
"""

from __future__ import annotations

import dataclasses
import dis
import importlib.util
import marshal
import types
from typing import TYPE_CHECKING

from signing.scan.rules import classify_key

if TYPE_CHECKING:
    from collections.abc import Iterator

PYC_HEADER = 16

_STORE = frozenset({"STORE_NAME", "STORE_GLOBAL", "STORE_FAST", "STORE_DEREF", "STORE_ATTR"})
_KEYWORD_CALLS = frozenset({"KW_NAMES", "CALL_KW", "BUILD_CONST_KEY_MAP"})


@dataclasses.dataclass(frozen=True)
class CodeStrings:
    """What a code object tells the rules: its string constants and its assignments."""

    constants: tuple[str, ...]
    assignments: tuple[tuple[str, str], ...]


def pyc_magic_matches(data: bytes) -> bool:
    """True when ``data`` is a .pyc written by the running Python."""
    return data[:4] == importlib.util.MAGIC_NUMBER and len(data) >= PYC_HEADER


def looks_like_pyc(data: bytes) -> bool:
    """A .pyc of any Python 3 version (magic number 3000-3999 followed by CR LF)."""
    return (
        len(data) >= PYC_HEADER
        and data[2:4] == b"\r\n"
        and 3000 <= int.from_bytes(data[:2], "little") < 4000
    )


def load_code(marshalled: bytes) -> types.CodeType | None:
    """Unmarshal a code object; None when the bytes hold something else."""
    try:
        # Only our own build output, and only for the running Python's magic (see above).
        loaded = marshal.loads(marshalled)  # noqa: S302 - reading code objects is the point
    except (ValueError, EOFError, TypeError):
        return None
    return loaded if isinstance(loaded, types.CodeType) else None


def _walk_constant(value: object, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, bytes):
        out.append(value.decode("latin-1"))
    elif isinstance(value, tuple | frozenset):
        for item in value:
            _walk_constant(item, out)
    elif isinstance(value, types.CodeType):
        for item in value.co_consts:
            _walk_constant(item, out)


def _code_objects(code: types.CodeType) -> Iterator[types.CodeType]:
    yield code
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            yield from _code_objects(constant)


@dataclasses.dataclass(frozen=True)
class _Op:
    """One instruction, reduced to what the pairing needs: its name and its value."""

    name: str
    value: object


_EXTENDED_ARG = dis.opmap["EXTENDED_ARG"]
_CACHE = dis.opmap.get("CACHE", -1)


def _instructions(code: types.CodeType) -> Iterator[_Op]:
    """The instructions of ``code`` with constant and name arguments resolved.

    A small walk over ``co_code`` (two bytes per unit, ``EXTENDED_ARG`` prefixes,
    ``CACHE`` entries skipped); ``dis.get_instructions`` does the same but builds far
    more than we need and dominated the scan time.
    """
    raw = code.co_code
    extended = 0
    for index in range(0, len(raw) - 1, 2):
        opcode, argument = raw[index], raw[index + 1] | extended
        if opcode == _CACHE:
            continue
        if opcode == _EXTENDED_ARG:
            extended = argument << 8
            continue
        extended = 0
        name = dis.opname[opcode]
        value: object = argument
        if opcode in dis.hasconst and argument < len(code.co_consts):
            value = code.co_consts[argument]
        elif name in {"STORE_NAME", "STORE_GLOBAL", "STORE_ATTR"} and argument < len(code.co_names):
            value = code.co_names[argument]
        elif name == "STORE_FAST" and argument < len(code.co_varnames):
            value = code.co_varnames[argument]
        yield _Op(name, value)


def _mentions_a_credential(code: types.CodeType) -> bool:
    """Only code that names a credential somewhere needs the bytecode walk."""
    names = [*code.co_names, *code.co_varnames]
    for constant in code.co_consts:
        if isinstance(constant, tuple):
            names.extend(item for item in constant if isinstance(item, str))
        elif isinstance(constant, types.CodeType):
            names.extend(constant.co_varnames[: constant.co_argcount])
    return any(classify_key(name) is not None for name in names if len(name) <= 64)


def _assignments_in(code: types.CodeType) -> Iterator[tuple[str, str]]:
    """``NAME = 'value'``, ``f(password='value')``, ``{'password': 'value'}`` and defaults."""
    if not _mentions_a_credential(code):
        return
    recent: list[_Op] = []
    for op in _instructions(code):
        previous = recent[-1] if recent else None
        if (
            op.name in _STORE
            and previous is not None
            and previous.name == "LOAD_CONST"
            and isinstance(previous.value, str)
        ):
            yield str(op.value), previous.value
        if op.name in _KEYWORD_CALLS:
            yield from _keyword_pairs(op, recent)
        if op.name == "BUILD_MAP":
            yield from _map_pairs(op, recent)
        yield from _default_pairs(op, recent)
        recent.append(op)
        del recent[:-64]


def _keyword_pairs(op: _Op, recent: list[_Op]) -> Iterator[tuple[str, str]]:
    if op.name == "KW_NAMES":
        names, values = op.value, recent
    elif recent and recent[-1].name == "LOAD_CONST":
        names, values = recent[-1].value, recent[:-1]
    else:
        return
    if not isinstance(names, tuple) or not names or len(values) < len(names):
        return
    for name, value in zip(names, values[-len(names) :], strict=True):
        if value.name == "LOAD_CONST" and isinstance(value.value, str) and isinstance(name, str):
            yield name, value.value


def _map_pairs(op: _Op, recent: list[_Op]) -> Iterator[tuple[str, str]]:
    """``{'password': 'value'}`` built from constants: key and value alternate."""
    count = op.value if isinstance(op.value, int) else 0
    if count == 0 or len(recent) < 2 * count:
        return
    items = recent[-2 * count :]
    for key, value in zip(items[::2], items[1::2], strict=True):
        both_constant = key.name == value.name == "LOAD_CONST"
        if both_constant and isinstance(key.value, str) and isinstance(value.value, str):
            yield key.value, value.value


def _default_pairs(op: _Op, recent: list[_Op]) -> Iterator[tuple[str, str]]:
    """``def connect(password='value')``: pair constant defaults with their parameter names."""
    if op.name != "MAKE_FUNCTION" or not isinstance(op.value, int) or not op.value & 0x01:
        return
    if len(recent) < 2:
        return
    function, defaults = recent[-1].value, recent[-2].value
    if not isinstance(function, types.CodeType) or not isinstance(defaults, tuple) or not defaults:
        return
    positional = function.co_varnames[: function.co_argcount]
    if len(positional) < len(defaults):
        return
    for name, value in zip(positional[-len(defaults) :], defaults, strict=True):
        if isinstance(value, str):
            yield name, value


def code_strings(code: types.CodeType) -> CodeStrings:
    """Every string constant of a module (recursively) and every literal assignment."""
    constants: list[str] = []
    for value in code.co_consts:
        _walk_constant(value, constants)
    assignments: list[tuple[str, str]] = []
    for inner in _code_objects(code):
        assignments.extend(_assignments_in(inner))
    return CodeStrings(tuple(constants), tuple(assignments))
