"""The detector seam: a detector reads one document's text and yields matches against the profile."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from footprint.model import Match, Profile


@dataclass(frozen=True)
class Document:
    """Text extracted from one fetched page. `text` joins visible text, meta tags and embedded JSON strings."""

    url: str
    text: str
    title: str = ""


class Detector(ABC):
    """One kind of exposure. `id` is permanent: it is stored with every finding."""

    id: ClassVar[str]

    @abstractmethod
    def detect(self, doc: Document, profile: Profile) -> Iterator[Match]:
        """Every place in doc.text where this detector sees the profile's data (public or not)."""

    def detect_many(self, docs: Iterable[Document], profile: Profile) -> Iterator[tuple[Document, Match]]:
        for doc in docs:
            for match in self.detect(doc, profile):
                yield doc, match
