"""The rules: what a leak looks like in text, and which file names must never ship.

Every rule has a stable id (used in the allowlist and in ``--json``) and a Dutch
description for the report. Content rules run on text; binary data reaches them as
Latin-1 (one character per byte, so offsets stay byte offsets) and as the UTF-16LE
strings found in it. Rules look at printable ASCII only, which makes a whole-file run
the same as running them on every printable string of a binary.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePosixPath

from signing.scan.model import redact, shorten


@dataclasses.dataclass(frozen=True)
class Hit:
    """A rule matched at ``start`` (character offset in the scanned text)."""

    rule: str
    start: int
    matched: str
    excerpt: str


class ScanText:
    """Text prepared for the rules: its lower-case form and where every anchor occurs.

    Rules run their regular expression only near their anchors (lower-case literals
    that every match contains). All anchors of all rules are found in one pass of one
    expression, which is what makes the scanner fast on large binaries: the
    expressions themselves only ever see a few hundred characters around an anchor.
    """

    def __init__(self, text: str) -> None:
        """Lower-case ``text`` and index the anchors of every rule."""
        self.text = text
        self.lowered = text.lower()
        # Lower-casing some characters changes the length; then offsets would shift
        # and the rules run on the whole text instead.
        self.exact = len(self.lowered) == len(text)
        self.positions: dict[str, list[int]] = {}
        if self.exact:
            self._index()

    def _index(self) -> None:
        lowered = self.lowered
        for match in _ANCHOR_SEARCH.finditer(lowered):
            found = match.group(0)
            self.positions.setdefault(found, []).append(match.start())
            for offset, other in _OVERLAPS.get(found, ()):
                if lowered.startswith(other, match.start() + offset):
                    self.positions.setdefault(other, []).append(match.start() + offset)

    def windows(self, anchors: Iterable[str], reach: int) -> list[tuple[int, int]]:
        """The merged stretches within ``reach`` of one of ``anchors``."""
        if not self.exact:
            return [(0, len(self.text))]
        spans = sorted(
            (max(0, position - reach), position + len(anchor) + reach)
            for anchor in anchors
            for position in self.positions.get(anchor, ())
        )
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, min(end, len(self.text))))
        return merged

    def search(
        self, pattern: re.Pattern[str], anchors: Iterable[str], reach: int
    ) -> Iterator[re.Match[str]]:
        """Every match of ``pattern`` near one of ``anchors``."""
        for start, end in self.windows(anchors, reach):
            yield from pattern.finditer(self.text, start, min(end, len(self.text)))


@dataclasses.dataclass(frozen=True)
class PatternRule:
    """A regular expression that runs only near its anchors, with a check per match.

    ``anchors`` are lower-case literals of which every match contains one; ``reach``
    bounds how far a match extends from its anchor. ``describe`` turns a match into a
    redacted excerpt or returns None when the match is not a leak after all (a
    placeholder, a version number).
    """

    id: str
    description: str
    pattern: re.Pattern[str]
    anchors: tuple[str, ...]
    describe: Callable[[re.Match[str]], str | None]
    reach: int = 400

    def find(self, text: ScanText) -> Iterator[Hit]:
        """Yield every hit of this rule in ``text``."""
        for match in text.search(self.pattern, self.anchors, self.reach):
            excerpt = self.describe(match)
            if excerpt is not None:
                yield Hit(self.id, match.start(), match.group(0), excerpt)


@dataclasses.dataclass(frozen=True)
class ExactRule:
    """Every occurrence of one of ``needles`` is a finding (canaries, the build user)."""

    id: str
    description: str
    needles: tuple[str, ...]
    secret: bool

    def find(self, text: ScanText) -> Iterator[Hit]:
        """Yield every occurrence of every needle."""
        for needle in self.needles:
            start = text.text.find(needle)
            while start != -1:
                shown = redact(needle) if self.secret else shorten(needle)
                yield Hit(self.id, start, needle, shown)
                start = text.text.find(needle, start + 1)


Rule = PatternRule | ExactRule

_PLACEHOLDER = re.compile(
    r"^(?:%[-#0-9.(a-z]|\{|\$|<|\[|\*+$|x+$|\.\.\.|none$|null$|nil$|true$|false$|"
    r"changeme$|your[_-]|<|example|dummy$|placeholder|redacted|\?+$)",
    re.IGNORECASE,
)


def is_placeholder(value: str) -> bool:
    """A value that stands for a secret instead of being one (``%s``, ``{password}``, ``***``)."""
    return bool(_PLACEHOLDER.match(value)) or len(set(value)) <= 1


def _secret_excerpt(match: re.Match[str], label: str | None = None) -> str | None:
    secret = match.group("secret")
    if is_placeholder(secret):
        return None
    before = match.group(0)[: match.start("secret") - match.start()]
    return shorten(f"{label or before}{redact(secret)}")


def _url_excerpt(match: re.Match[str]) -> str | None:
    if is_placeholder(match.group("secret")):
        return None
    scheme, user, host = match.group("scheme"), match.group("user"), match.group("host")
    return shorten(f"{scheme}://{user}:{redact(match.group('secret'))}@{host}")


def _plain_excerpt(match: re.Match[str]) -> str:
    return shorten(match.group(0))


# --- private keys and certificates ------------------------------------------------

_PEM_KEY = re.compile(
    r"-----BEGIN (?P<kind>(?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |ANY )?PRIVATE KEY(?: BLOCK)?)"
    r"-----(?:\\[rn]|[\r\n\t ])*(?P<secret>Proc-Type:[^\r\n\\]{0,60}|[A-Za-z0-9+/=]{16,64})"
)


def _pem_excerpt(match: re.Match[str]) -> str:
    return f"-----BEGIN {match.group('kind')}----- {redact(match.group('secret'))}"


# --- credentials -----------------------------------------------------------------

_STRONG_WORDS = frozenset(
    {
        "password",
        "passwd",
        "passwort",
        "pwd",
        "pass",
        "passphrase",
        "secret",
        "token",
        "apikey",
        "wachtwoord",
        "wachtzin",
        "sleutel",
        "pincode",
        "pin",
        "credential",
        "credentials",
        "geheim",
    }
)
_KEY_PAIRS = frozenset(
    {("api", "key"), ("access", "key"), ("private", "key"), ("auth", "key"), ("signing", "key")}
)
_USER_WORDS = frozenset({"gebruikersnaam", "username", "gebruiker", "login", "user"})
# A name that ends in one of these describes a credential without holding it
# (``token_type``, ``password_prompt``, ``secret_name``, ``PASSWORD_FILE``).
_DESCRIPTOR_WORDS = frozenset(
    {
        "type",
        "types",
        "kind",
        "name",
        "names",
        "id",
        "len",
        "length",
        "size",
        "count",
        "field",
        "fields",
        "prompt",
        "label",
        "file",
        "path",
        "env",
        "var",
        "format",
        "class",
        "mode",
        "prefix",
        "suffix",
        "pattern",
        "regex",
        "re",
        "header",
        "attr",
        "encoding",
        "policy",
        "error",
        "errors",
        "message",
        "msg",
        "help",
        "char",
        "chars",
        "min",
        "max",
        "required",
        "hash",
        "hasher",
        "validator",
        "cls",
        "factory",
        "func",
        "callback",
        "handler",
        "parser",
        "spec",
        "list",
        "map",
        "dict",
        "index",
    }
)
_CONFIG_SUFFIXES = frozenset(
    {".pypirc", ".netrc", ".env", ".ini", ".cfg", ".conf", ".properties", ".toml", ".yaml", ".yml"}
)

_ASSIGNMENT = re.compile(
    r"(?<![A-Za-z0-9_])[\"']?(?P<key>[A-Za-z][A-Za-z0-9_.-]{0,60})[\"']?"
    r"[ \t]*(?P<op>:=|=>|=|:)[ \t]*"
    r"(?:(?P<q>[\"'])(?P<quoted>[^\"'\\\x00-\x1f\x7f]{4,200})(?P=q)"
    r"|(?P<bare>[^\s\"',;&()\[\]{}<>\\\x00-\x1f\x7f-\xff]{4,200}))"
)
_ENV_STYLE = re.compile(r"^[\"']?[A-Z][A-Z0-9_]*=[^\s=]")
_WORD_SPLIT = re.compile(r"[_.\-]+|(?<=[a-z0-9])(?=[A-Z])")
_KEYWORDS = (
    "pass",
    "pwd",
    "secret",
    "token",
    "key",
    "wachtwoord",
    "wachtzin",
    "sleutel",
    "pin",
    "credential",
    "geheim",
    "gebruiker",
    "user",
    "login",
)


def classify_key(key: str) -> str | None:
    """Which kind of credential a variable or setting name announces, if any.

    Returns ``"credential-assignment"`` for passwords, secrets, tokens and keys (English
    and Dutch: ``wachtwoord``, ``sleutel``, ``pincode``), ``"username-assignment"`` for
    user names (``gebruikersnaam``, ``username``, ``SIGNING_USER``), or None.
    """
    words = [w.lower() for w in _WORD_SPLIT.split(key) if w]
    if len(words) > 1 and words[-2:] == ["user", "name"]:
        return "username-assignment"
    if not words or words[-1] in _DESCRIPTOR_WORDS:
        return None
    credential = (
        any(w in _STRONG_WORDS for w in words)
        or tuple(words[-2:]) in _KEY_PAIRS
        or any(w.endswith(("password", "wachtwoord", "secret", "token")) for w in words)
    )
    if credential:
        return "credential-assignment"
    user = words[-1] in {"gebruikersnaam", "username"} or (
        len(words) > 1 and words[-1] in _USER_WORDS
    )
    return "username-assignment" if user else None


_DOTTED_NAME = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")


_HEX_LITERAL = re.compile(r"0[xX][0-9A-Fa-f]+")


def _looks_like_a_value(bare: str) -> bool:
    """An unquoted value that is data (``hunter2``), not code (``mod.Key``, ``0x76``)."""
    if _DOTTED_NAME.fullmatch(bare) or _HEX_LITERAL.fullmatch(bare):
        return False
    return any(not (ch.isalpha() or ch in "_.") for ch in bare)


def _names_itself(key: str, value: str) -> bool:
    """``CHALLENGE_PASSWORD = "challengePassword"``: the value is the name, not a secret."""
    last = key.rsplit(".", 1)[-1]
    return re.sub(r"[^a-z0-9]", "", last.lower()) == re.sub(r"[^a-z0-9]", "", value.lower())


def find_assignments(text: ScanText, *, config_file: bool) -> Iterator[Hit]:
    """Yield ``NAME = 'value'`` style credentials (code, configuration, query strings)."""
    for match in text.search(_ASSIGNMENT, _KEYWORDS, 300):
        rule = classify_key(match.group("key"))
        if rule is None:
            continue
        value = match.group("quoted")
        if value is None:
            value = match.group("bare")
            if match.group("op") == ":" and not config_file:
                continue
            env_style = _ENV_STYLE.search(match.group(0)) is not None
            if not (config_file or env_style or _looks_like_a_value(value)):
                continue
        if not any(ch.isalnum() for ch in value):
            continue  # punctuation only: a set of characters, not a secret
        if is_placeholder(value) or _names_itself(match.group("key"), value):
            continue
        excerpt = f"{match.group('key')} {match.group('op')} {redact(value)}"
        yield Hit(rule, match.start(), match.group(0), shorten(excerpt))


def is_config_name(name: str) -> bool:
    """Files whose unquoted ``key = value`` lines are settings, not code."""
    path = PurePosixPath(name)
    return path.suffix.lower() in _CONFIG_SUFFIXES or path.name.lower() in _CONFIG_SUFFIXES


# --- network locations and build hosts ---------------------------------------------

_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_PRIVATE_IP = re.compile(
    rf"(?<![0-9A-Za-z.])(?:10(?:\.{_OCTET}){{3}}|172\.(?:1[6-9]|2[0-9]|3[01])(?:\.{_OCTET}){{2}}"
    rf"|192\.168(?:\.{_OCTET}){{2}})(?:/[0-9]{{1,2}})?(?![0-9A-Za-z.])"
)
_VERSION_CONTEXT = re.compile(
    r"(?<![A-Za-z])(?:version|versie|release|v|ver\.?)[ :=]*$", re.IGNORECASE
)


def _ip_excerpt(match: re.Match[str]) -> str | None:
    before = match.string[max(0, match.start() - 12) : match.start()]
    if _VERSION_CONTEXT.search(before):
        return None
    return match.group(0)


_INTERNAL_SUFFIX = r"(?:local|internal|intern|corp|lan|intranet|localdomain|home\.arpa)"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_INTERNAL_HOST = re.compile(
    rf"(?P<context>//|(?<=[A-Za-z0-9._%+-])@|\\\\)?(?<![A-Za-z0-9_.-])"
    rf"(?P<host>(?:{_LABEL}\.)+{_INTERNAL_SUFFIX})"
    r"(?![A-Za-z0-9_-]|\.[A-Za-z0-9_]|\()",
    re.IGNORECASE,
)


_REVERSE_DNS_ROOTS = frozenset({"org", "com", "net", "io", "nl", "de", "eu", "edu", "gov"})


def _host_excerpt(match: re.Match[str]) -> str | None:
    host = match.group("host")
    labels_before_suffix = host.lower().removesuffix(".home.arpa").count(".")
    if match.group("context") is None and labels_before_suffix < 2:
        return None
    before = match.string[max(0, match.start() - 8) : match.start()]
    if before.endswith(("from ", "import ")):
        return None  # a Python module path such as ``reportlab.lib.corp``
    first = host.split(".", 1)[0].lower()
    if match.group("context") is None and first in _REVERSE_DNS_ROOTS:
        return None  # a reverse-DNS identifier such as ``org.freedesktop.DBus.Local``
    return host


_UNC = re.compile(
    r"(?<![\\A-Za-z0-9:])(?P<lead>\\{4}|\\{2})"
    r"(?!(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[0-7]{1,3})\\)"
    r"(?P<host>[A-Za-z0-9][A-Za-z0-9.-]{1,62})(?P<sep>\\{1,2})"
    r"(?P<share>[A-Za-z0-9$][A-Za-z0-9$._ -]{0,79}[A-Za-z0-9$])"
    r"(?:\\{1,2}[A-Za-z0-9$._-]{1,80}){0,8}"
)


def _unc_excerpt(match: re.Match[str]) -> str | None:
    """A UNC path; an escaped root path in source text (two and two backslashes) is not."""
    if len(match.group("lead")) != 2 * len(match.group("sep")):
        return None
    return match.group(0)


_SMB = re.compile(
    r"(?i)\b(?:smb|cifs)://[A-Za-z0-9._%-]+(?:/[^\s\"'<>]*)?"
    r"|\bfile://(?!localhost/|/)[A-Za-z0-9][A-Za-z0-9.-]*/[^\s\"'<>]*"
)
_HOME = re.compile(
    r"(?:(?<![A-Za-z0-9_.~-])/home/(?P<user>[a-z_][a-z0-9_.-]{0,31})/"
    r"|(?<![A-Za-z0-9_.~-])/Users/(?P<mac>[A-Za-z0-9_][A-Za-z0-9_. -]{0,31})/"
    r"|(?i:[A-Z]:\\{1,2}Users\\{1,2})(?P<win>[A-Za-z0-9_][A-Za-z0-9_. -]{0,31})\\"
    r"|(?<![A-Za-z0-9_.~-])/root/)"
    r"(?P<rest>[A-Za-z0-9_.~+-]{1,64}(?:[/\\]{1,2}[A-Za-z0-9_.~+-]{1,64}){0,8})?"
)
_PLACEHOLDER_USERS = frozenset(
    {
        "user",
        "username",
        "name",
        "me",
        "you",
        "foo",
        "bar",
        "someone",
        "shared",
        "public",
        "default",
    }
)


def _home_excerpt(match: re.Match[str]) -> str | None:
    user = match.group("user") or match.group("mac") or match.group("win")
    if user is not None and user.lower() in _PLACEHOLDER_USERS:
        return None
    return match.group(0)


# --- cloud and CI tokens -------------------------------------------------------------


def _token_excerpt(match: re.Match[str]) -> str | None:
    return None if is_placeholder(match.group(0)) else redact(match.group(0))


def _token(rule_id: str, description: str, pattern: str, *anchors: str) -> PatternRule:
    return PatternRule(rule_id, description, re.compile(pattern), anchors, _token_excerpt, 4000)


TOKEN_RULES: tuple[PatternRule, ...] = (
    _token(
        "aws-access-key",
        "AWS-toegangssleutel (AKIA/ASIA...)",
        r"(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![a-z0-9])",
        "akia",
        "asia",
        "abia",
        "acca",
    ),
    _token(
        "github-token",
        "GitHub-token (ghp_, gho_, github_pat_)",
        r"\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,255})\b",
        "ghp_",
        "gho_",
        "ghu_",
        "ghs_",
        "ghr_",
        "github_pat_",
    ),
    _token("gitlab-token", "GitLab-token (glpat-)", r"\bglpat-[A-Za-z0-9_-]{20,100}", "glpat-"),
    _token("slack-token", "Slack-token (xox..-)", r"\bxox[abposr]-[A-Za-z0-9-]{10,250}", "xox"),
    _token("google-api-key", "Google-API-sleutel (AIza...)", r"\bAIza[0-9A-Za-z_-]{35}", "aiza"),
    _token(
        "pypi-token", "PyPI-uploadtoken (pypi-AgE...)", r"\bpypi-AgE[A-Za-z0-9_-]{50,300}", "pypi-"
    ),
    _token("npm-token", "npm-token (npm_)", r"\bnpm_[A-Za-z0-9]{36}\b", "npm_"),
    PatternRule(
        "azure-sas",
        "Azure SAS-handtekening (sig=) in een URL",
        re.compile(r"[?&]sig=(?P<secret>[A-Za-z0-9%+/]{30,200}={0,2})"),
        ("sig=",),
        lambda m: _secret_excerpt(m, "sig="),
    ),
    _token(
        "jwt",
        "JSON Web Token (eyJ...)",
        r"\beyJ[A-Za-z0-9_-]{10,1500}\.eyJ[A-Za-z0-9_-]{10,1500}\.[A-Za-z0-9_-]{10,1000}",
        "eyj",
    ),
    PatternRule(
        "jwk-private-key",
        'Privésleutel als JSON Web Key ("d"-parameter)',
        re.compile(
            r"\"kty\"\s*:\s*\"(?:RSA|EC|OKP)\"[^{}]{0,2000}?\"d\"\s*:\s*\"(?P<secret>[A-Za-z0-9_-]{20,1200})\""
        ),
        ('"kty"',),
        lambda m: _secret_excerpt(m, '"kty" ... "d": '),
        reach=3500,
    ),
)

BASE_RULES: tuple[Rule, ...] = (
    PatternRule(
        "private-key-pem",
        "Privésleutel in PEM-vorm (BEGIN ... PRIVATE KEY)",
        _PEM_KEY,
        ("private key",),
        _pem_excerpt,
    ),
    PatternRule(
        "url-credentials",
        "Gebruikersnaam en wachtwoord in een URL (schema://gebruiker:wachtwoord@host)",
        re.compile(
            r"\b(?P<scheme>[A-Za-z][A-Za-z0-9+.-]{1,15})://(?P<user>[A-Za-z0-9._~%!$&'*+,;=-]{1,64})"
            r":(?P<secret>[A-Za-z0-9._~%!$&*+,;=-]{1,128})@(?P<host>[A-Za-z0-9.-]{1,253})"
        ),
        ("://",),
        _url_excerpt,
    ),
    *TOKEN_RULES,
    PatternRule(
        "unc-path",
        "Windows-netwerkpad (\\\\server\\share)",
        _UNC,
        ("\\\\",),
        _unc_excerpt,
    ),
    PatternRule(
        "smb-url",
        "Netwerkshare als URL (smb://, cifs://, file://server/)",
        _SMB,
        ("smb://", "cifs://", "file://"),
        _plain_excerpt,
    ),
    PatternRule(
        "internal-host",
        "Interne hostnaam (.local, .intern, .internal, .corp, .lan, .intranet)",
        _INTERNAL_HOST,
        (".local", ".intern", ".corp", ".lan", ".intranet", ".home.arpa"),
        _host_excerpt,
    ),
    PatternRule(
        "private-ip",
        "Privé-IP-adres (10/8, 172.16/12, 192.168/16)",
        _PRIVATE_IP,
        ("10.", "172.", "192.168."),
        _ip_excerpt,
    ),
    PatternRule(
        "home-folder",
        "Thuismap van de bouwomgeving (/home/..., /root/, C:\\Users\\..., /Users/...)",
        _HOME,
        ("/home/", "/users/", "\\users\\", "/root/"),
        _home_excerpt,
    ),
)

DESCRIPTIONS: dict[str, str] = {
    **{rule.id: rule.description for rule in BASE_RULES},
    "credential-assignment": "Wachtwoord, geheim, token of sleutel toegekend aan een naam",
    "username-assignment": "Gebruikersnaam toegekend aan een naam (zoals SIGNING_USER)",
    "certificate-with-key": "Certificaat meegeleverd samen met een privésleutel",
    "private-key-der": "Privésleutel in DER-vorm (PKCS#8 of PKCS#1, structureel herkend)",
    "pkcs12": "PKCS#12-bestand (.p12/.pfx) met sleutel en certificaat",
    "openssh-private-key": "OpenSSH-privésleutel (openssh-key-v1)",
    "forbidden-file": "Bestand dat nooit in een installatiebestand mag zitten",
    "canary": "Kanarie uit de bouwomgeving gevonden: de bouw lekt geheimen",
    "build-user": "Gebruikersnaam van de bouwer (--host-user)",
    "build-home": "Thuismap van de bouwer (--home)",
}


def _overlaps(anchors: list[str]) -> dict[str, tuple[tuple[int, str], ...]]:
    """For each anchor, the other anchors that can start inside it (found by one regex pass)."""
    table: dict[str, tuple[tuple[int, str], ...]] = {}
    for anchor in anchors:
        table[anchor] = tuple(
            (offset, other)
            for offset in range(len(anchor))
            for other in anchors
            if (offset, other) != (0, anchor)
            and (anchor[offset:].startswith(other) or other.startswith(anchor[offset:]))
        )
    return table


_ALL_ANCHORS = sorted(
    {anchor for rule in BASE_RULES if isinstance(rule, PatternRule) for anchor in rule.anchors}
    | set(_KEYWORDS),
    key=lambda anchor: (-len(anchor), anchor),
)
_ANCHOR_SEARCH = re.compile("|".join(re.escape(anchor) for anchor in _ALL_ANCHORS))
_OVERLAPS = _overlaps(_ALL_ANCHORS)


def exact_rules(
    canaries: Iterable[str], host_users: Iterable[str], homes: Iterable[str]
) -> tuple[ExactRule, ...]:
    """Rules for the strings given on the command line: canaries, build user, build home."""
    rules = []
    for rule_id, needles, secret in (
        ("canary", canaries, True),
        ("build-user", host_users, False),
        ("build-home", homes, False),
    ):
        unique = tuple(sorted({n for n in needles if n}))
        if unique:
            rules.append(ExactRule(rule_id, DESCRIPTIONS[rule_id], unique, secret))
    return tuple(rules)


# --- file names ------------------------------------------------------------------------

_FORBIDDEN_NAMES = {
    ".env": "omgevingsvariabelen (.env)",
    ".pypirc": "PyPI-inloggegevens (.pypirc)",
    ".netrc": "inloggegevens (.netrc)",
    "_netrc": "inloggegevens (_netrc)",
    ".npmrc": "npm-inloggegevens (.npmrc)",
    ".git-credentials": "git-inloggegevens (.git-credentials)",
    ".htpasswd": "wachtwoordbestand (.htpasswd)",
}
_FORBIDDEN_DIRS = {
    ".git": "git-map (.git/) met de volledige geschiedenis en instellingen",
    ".ssh": "SSH-map (.ssh/)",
    ".gnupg": "GnuPG-map (.gnupg/)",
}
_FORBIDDEN_SUFFIXES = {
    ".pem": "PEM-bestand (.pem)",
    ".key": "sleutelbestand (.key)",
    ".pfx": "PKCS#12-bestand (.pfx)",
    ".p12": "PKCS#12-bestand (.p12)",
    ".kdbx": "KeePass-wachtwoordkluis (.kdbx)",
    ".jks": "Java-sleutelopslag (.jks)",
    ".keystore": "sleutelopslag (.keystore)",
}
_SSH_KEY = re.compile(r"^id_(?:rsa|dsa|ecdsa|ed25519|ecdsa_sk|ed25519_sk|xmss)$")


def forbidden_name(member_path: str) -> tuple[str, str] | None:
    """Why a file with this path must never ship, as (the offending part, Dutch reason).

    ``member_path`` uses ``/`` between folders. A forbidden folder (``.git/``) is
    reported with the folder path so it counts once, not once per file inside.
    """
    parts = [p for p in member_path.replace("\\", "/").split("/") if p]
    for index, part in enumerate(parts[:-1]):
        if part in _FORBIDDEN_DIRS:
            return "/".join(parts[: index + 1]) + "/", _FORBIDDEN_DIRS[part]
        if part == ".aws" and parts[index + 1] in {"credentials", "config"}:
            return "/".join(parts[: index + 2]), "AWS-inloggegevens (.aws/credentials)"
    if not parts:
        return None
    name = parts[-1]
    lowered = name.lower()
    reason = _FORBIDDEN_NAMES.get(lowered)
    if reason is None and lowered.startswith(".env."):
        reason = "omgevingsvariabelen (.env.*)"
    if reason is None and _SSH_KEY.match(lowered):
        reason = f"SSH-privésleutel ({name})"
    if reason is None:
        reason = _FORBIDDEN_SUFFIXES.get(PurePosixPath(lowered).suffix)
    return ("/".join(parts), reason) if reason is not None else None
