"""The kinds of identifier the detector finds, and one identifier found in a text."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class IdKind(StrEnum):
    """The kinds of identifier the detector finds."""

    NHS_NUMBER = "nhs_number"
    NI_NUMBER = "ni_number"
    POSTCODE = "postcode"
    PHONE = "phone"
    EMAIL = "email"
    BIRTH_DATE = "birth_date"
    NAME = "name"
    CHI_NUMBER = "chi_number"
    HC_NUMBER = "hc_number"
    HOSPITAL_NUMBER = "hospital_number"
    ADDRESS = "address"
    VEHICLE = "vehicle"
    PLACE = "place"  # a capitalised name that its words say is a place ("at Tesco")


@dataclass(frozen=True, slots=True)
class Identifier:
    """One identifier found in a text: its kind, its exact text and where it is."""

    kind: IdKind
    text: str
    start: int
    end: int
