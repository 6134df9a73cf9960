"""The values that flow through a scan: profile -> probe -> page/outcome -> match -> finding -> scan."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field, fields


class Kind(enum.StrEnum):
    """What sort of personal data an exposure reveals. Stored and published in the JSON report."""

    HOME_ADDRESS = "home_address"
    PHONE = "phone"
    EMAIL = "email"
    FAMILY_MEMBER = "family_member"
    CHILD_SCHOOL = "child_school"
    DATE_OF_BIRTH = "date_of_birth"
    GEO_LOCATION = "geo_location"
    OTHER = "other"


class Severity(enum.StrEnum):
    """How dangerous an exposure is. Ordered: a red flag outranks any score."""

    RED_FLAG = "red_flag"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls(text.strip().lower().replace("-", "_"))


_SEVERITY_RANK = {
    Severity.RED_FLAG: 4,
    Severity.HIGH: 3,
    Severity.MEDIUM: 2,
    Severity.LOW: 1,
    Severity.INFO: 0,
}


class Status(enum.StrEnum):
    """A probe's outcome. Everything other than FOUND and NOT_FOUND means "couldn't tell" and carries a reason."""

    FOUND = "found"
    NOT_FOUND = "not_found"
    UNKNOWN = "unknown"
    BLOCKED = "blocked"
    RATE_LIMITED = "rate_limited"
    ERROR = "error"
    SKIPPED = "skipped"

    @property
    def checked(self) -> bool:
        return self in (Status.FOUND, Status.NOT_FOUND)


class Ownership(enum.StrEnum):
    """Whose page a probe reads. Personal data published by someone else is a police red flag."""

    SELF = "self"  # the person's own website or one of their own accounts
    THIRD_PARTY = "third_party"  # a page written by someone else


# --- the profile -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Phone:
    number: str
    e164: str
    label: str = ""
    public: bool = False


@dataclass(frozen=True)
class Email:
    address: str
    label: str = ""
    public: bool = False


@dataclass(frozen=True)
class Address:
    text: str
    label: str = ""
    postcode: str = ""
    public: bool = False
    latitude: float | None = None  # where the home is, so a photo's GPS or a map pin near it can be flagged
    longitude: float | None = None

    @property
    def coordinates(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)


@dataclass(frozen=True)
class FamilyMember:
    name: str
    relation: str = ""
    school: str = ""
    nicknames: tuple[str, ...] = ()


@dataclass(frozen=True)
class Contact:
    """Someone the person would call: their police single point of contact, a party or council officer."""

    name: str
    role: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Consent:
    """The person's agreement to be checked by someone else (a party officer): who, when, how."""

    by: str
    at: str
    how: str = ""


@dataclass(frozen=True)
class KnownAccount:
    site: str
    username: str


# Words that belong to the surname that follows them: "Owen ap Rhys", "Anna van der Berg", "Luis da Silva".
SURNAME_PARTICLES = frozenset(
    (  # noqa: SIM905 - a word list reads better as words
        "ap ab ferch verch van von der den de del della di da do dos das du le la bin binti bint ibn al el ter ten"
        # Gaelic and Irish: "Nic an t-Saoir", "Mac a' Phearsain", "Ó Briain", "Ní Bhriain", "O Connor".
        " mac nic mhic a' an na ó o ní ni ua uí ui"
    ).split()
)


# A generation after a surname, as a family with a father and son of one name tells them apart: each spelling
# and what it says ("Winston Lindo Jnr", "Winston Lindo Snr", "Martin Luther King Jr.").
GENERATIONS = {
    "jr": "jr",
    "jnr": "jr",
    "junior": "jr",
    "júnior": "jr",  # (Portuguese)
    "sr": "sr",
    "snr": "sr",
    "senior": "sr",
    "ii": "ii",
    "iii": "iii",
    "iv": "iv",
}


def generation(name: str) -> str:
    """The generation a name ends with ("jr" for "Winston Lindo Jnr"), or "" (a name of two words has none:
    "Winston Junior" is a given name and a surname)."""
    words = name.split()
    return GENERATIONS.get(words[-1].lower().strip(",."), "") if len(words) > 2 else ""


def split_name(name: str) -> tuple[str, str]:
    """A name's given names and its surname, the surname keeping the particles before it ("ap Rhys") and
    leaving off a generation after it ("Lindo" for "Winston Lindo Jr")."""
    words = name.split()
    if generation(name):
        words = words[:-1]
        words[-1] = words[-1].rstrip(",")  # "King, Jr."
    if len(words) < 2:
        return name.strip(), ""
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].lower() in SURNAME_PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


@dataclass(frozen=True)
class Profile:
    """A person's identifiers, and which of them are meant to be public."""

    key: str
    name: str
    other_names: tuple[str, ...] = ()
    date_of_birth: dt.date | None = None
    locality: tuple[str, ...] = ()
    usernames: tuple[str, ...] = ()
    websites: tuple[str, ...] = ()
    watch_urls: tuple[str, ...] = ()
    council_sites: tuple[
        str, ...
    ] = ()  # democracy sites (ModernGov) of councils the person sits on or stands for
    phones: tuple[Phone, ...] = ()
    emails: tuple[Email, ...] = ()
    addresses: tuple[Address, ...] = ()
    family: tuple[FamilyMember, ...] = ()
    accounts: tuple[KnownAccount, ...] = ()
    contacts: tuple[Contact, ...] = ()  # shown in the report's safety section; never searched for
    consent: Consent | None = None  # for audits run by someone else
    near_home_metres: int = 500  # a place this close to a home with coordinates counts as the home
    titles: tuple[str, ...] = ()  # the titles they go by, lower case ("ms", "cllr"); empty: any title

    @property
    def surnames(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(split_name(n)[1] for n in self.names if len(n.split()) > 1))

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.other_names)

    def __hash__(self) -> int:
        """Computed once: detectors cache their compiled patterns per profile, so it is hashed per page."""
        cached: int | None = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(tuple(getattr(self, f.name) for f in fields(self)))
            object.__setattr__(self, "_hash", cached)
        return cached


# --- probing ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Probe:
    """One URL to fetch for one check, and why."""

    check_id: str
    url: str
    origin: str  # where it came from: "usernames", "accounts", "websites", "watch_urls", "variants", "links"
    ownership: Ownership
    username: str | None = None
    via: str = (
        ""  # in words, where the username came from: "your usernames", "a variant of your name (first.last)"
    )
    linked_from: str | None = None  # the page whose link led here (a confirmed profile, a search result)
    depth: int = 0  # 0 for planned probes; n for one found by following links n times
    step: int = 0  # for a search source: which of its steps this page is (0: the search itself)
    headers: tuple[tuple[str, str], ...] = field(
        default=(), repr=False
    )  # e.g. an API key the user gave; never stored


class AttributionLevel(enum.StrEnum):
    """Whether a found account is the person's. Exposures on `unlikely` accounts are not reported as theirs."""

    CONFIRMED = (
        "confirmed"  # listed in the profile, links to their website, or linked from a confirmed account
    )
    LIKELY = "likely"  # names them, and their locality or another listed detail
    UNLIKELY = "unlikely"  # in somebody else's name: a namesake, or a stranger with the same handle
    UNKNOWN = "unknown"  # the page does not say whose it is


@dataclass(frozen=True)
class Attribution:
    level: AttributionLevel
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Page:
    """A response as fetched. `body` may be a truncated prefix; `truncated` says so."""

    url: str
    final_url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    fetched_at: dt.datetime
    sha256: str
    elapsed: float
    redirects: tuple[str, ...] = ()
    truncated: bool = False

    def header(self, name: str) -> str | None:
        lname = name.lower()
        for key, value in self.headers:
            if key.lower() == lname:
                return value
        return None

    @property
    def content_type(self) -> str:
        return (self.header("content-type") or "").split(";")[0].strip().lower()

    @property
    def text(self) -> str:
        charset = "utf-8"
        ctype = self.header("content-type") or ""
        for part in ctype.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip('"')
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


@dataclass(frozen=True)
class Outcome:
    """What a probe came to. Anything but FOUND / NOT_FOUND carries a reason the report shows."""

    probe: Probe
    status: Status
    reason: str = ""
    http_status: int | None = None
    page: Page | None = None
    notes: tuple[str, ...] = ()
    attribution: Attribution | None = None  # for a found account: is it theirs?


# --- detection -------------------------------------------------------------------------------------------


class Need(enum.IntEnum):
    """How surely a page must be about the person before a match on it is reported (see detect/subject.py)."""

    NOTHING = (
        0  # the item is the person's alone (their phone, their email): any page carrying it is about them
    )
    NAMED = 1  # the page must name them, or be one of their own pages
    TIED = 2  # the page must name them and tie to them (locality, a listed detail), or be one of their own


@dataclass(frozen=True)
class Match:
    """A detector's raw hit in a document, before filtering and scoring."""

    detector: str
    kind: Kind
    value: str  # as written on the page
    key: str  # normalised form, stable across formatting changes (e.g. E.164, postcode without space)
    start: int
    end: int
    confidence: float
    known_to_user: bool
    subject: str = ""  # which profile identifier it matches, e.g. "phones: personal mobile"
    public: bool = False  # the matching identifier is published on purpose
    partial: bool = False  # e.g. a postcode alone, not the full address
    needs: Need = Need.NAMED  # how surely the page must be about the person for this match to count
    ties: bool = False  # the match itself ties the page to the person (a listed detail, not a common word)


@dataclass(frozen=True)
class Evidence:
    url: str
    fetched_at: dt.datetime
    sha256: str
    snippet: str
    http_status: int | None = None


@dataclass(frozen=True)
class RemediationRef:
    id: str
    title: str
    url: str


@dataclass(frozen=True)
class Finding:
    """A scored exposure. `fingerprint` leaves out time and position so rescans compare cleanly."""

    fingerprint: str
    kind: Kind
    severity: Severity
    confidence: float
    url: str
    value: str
    known_to_user: bool
    check: str
    detector: str
    subject: str
    ownership: Ownership
    evidence: Evidence
    remediation: tuple[RemediationRef, ...] = ()
    reasons: tuple[str, ...] = ()
    key: str = ""  # the match's normalised form (E.164, "14 larch close bf47qt"); kept out of shared reports


@dataclass(frozen=True)
class ScanInfo:
    id: str
    profile_key: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    footprint_version: str
    catalogue_version: str
    complete: bool
    interrupted: bool = False


@dataclass(frozen=True)
class ScanResult:
    """Everything a report needs, in one immutable value."""

    info: ScanInfo
    profile: Profile
    findings: tuple[Finding, ...]
    outcomes: tuple[Outcome, ...]
    notes: tuple[str, ...] = field(default=())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Incident:
    """Something intimidating that happened, recorded as the police guidance asks: keep a record."""

    profile_key: str
    happened_at: dt.datetime
    what: str
    place: str = ""  # where: online (a URL) or a physical place
    who: str = ""  # who did it, if known
    links: tuple[str, ...] = ()
    reported_to: str = ""  # e.g. "Brackenfield Police SPOC", "X"
    reference: str = ""  # a crime or report reference number
    recorded_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    id: int | None = None
