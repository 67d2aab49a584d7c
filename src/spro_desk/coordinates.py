"""A person's phone and e-mail checked and written the same way on every desk, offline.

Overseas départements have their own numbering plans (0690 in Guadeloupe, 0692 in La Réunion…):
a number valid in none of them is refused rather than stored to fail a call-back later.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spro_desk.text import Worded, WordedError
from spro_desk.vocab import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # phonenumbers' metadata loads when a phone is first checked
    from phonenumbers import PhoneNumber


class CoordinateError(WordedError):
    """A phone or an e-mail address that cannot be right; the message is French and quotes
    what was typed. `unquoted`: the same refusal without it, for a person's phone or e-mail,
    which must not outlive the form in a message (a status line kept through the lock, a log)."""

    def __init__(self, what: str, typed: str, advice: Advice) -> None:
        super().__init__(_QUOTED, what=what, typed=typed, advice=advice)
        self.unquoted = WordedError(_UNQUOTED, what=what, advice=advice)


class Advice(Worded):
    """What to type instead, in French (its str), kept for the window's words."""

    def __init__(self, template: str, **values: object) -> None:
        self.french = self._keep(template, values)

    def __str__(self) -> str:
        return self.french


_QUOTED = QT_TRANSLATE_NOOP("DomainErrors", "{what} « {typed} » invalide : {advice}")
_UNQUOTED = QT_TRANSLATE_NOOP("DomainErrors", "{what} invalide : {advice}")
_PHONE = QT_TRANSLATE_NOOP("DomainErrors", "Téléphone")
_EMAIL = QT_TRANSLATE_NOOP("DomainErrors", "Courriel")


# Metropolitan France first, then the overseas numbering plans of the SPRO's regions.
PHONE_REGIONS = ("FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF")
# Those of France's ten-digit plan (0690…, 0692… are dialled so from Paris as from Cayenne);
# Saint-Pierre-et-Miquelon keeps its +508: « 041 12 34 » would reach nobody.
TEN_DIGIT_REGIONS = frozenset(PHONE_REGIONS) - {"PM"}
OVERSEAS_REGIONS = tuple(region for region in PHONE_REGIONS if region in TEN_DIGIT_REGIONS - {"FR"})
# A desk in the Pacific dials its territory's own short numbers, and every other one with its
# country code (a mainland « 06 … » cannot be dialled from Papeete).
PACIFIC_REGIONS = {
    "Pacific/Tahiti": "PF",
    "Pacific/Marquesas": "PF",
    "Pacific/Gambier": "PF",
    "Pacific/Noumea": "NC",
    "Pacific/Wallis": "WF",
}
# Saint-Pierre-et-Miquelon is outside France's ten-digit plan too: from there a mainland
# « 06 … » or a Guadeloupe « 0690 … » is dialled with its code; its own numbers keep +508.
OWN_PLAN_ZONES = {**PACIFIC_REGIONS, "America/Miquelon": "PM"}
# A local number as each of those territories writes it, for the error message.
_LOCAL_EXAMPLES = {"PF": "87 12 34 56", "NC": "75.12.34", "WF": "82 12 34", "PM": "41 12 34"}


def format_phone(text: str, zone: str | None = None) -> str:
    """« 06 12 34 56 78 » (national form) for a French or overseas number; « +… » for another
    country; a French error for anything that cannot be dialled. `zone`: the site's, when it
    is not yet the one in use (the first-run assistant)."""
    import phonenumbers

    from spro_desk.clock import zone_name

    typed = text.strip()
    home = OWN_PLAN_ZONES.get(zone or zone_name())
    dialled_nationally = {home} - {"PM"} if home else TEN_DIGIT_REGIONS
    for region in (home, *PHONE_REGIONS) if home else PHONE_REGIONS:
        try:
            number = phonenumbers.parse(typed, region)
        except phonenumbers.NumberParseException:
            break
        if phonenumbers.is_valid_number(number):
            number = _overseas_twin(number) or number
            if phonenumbers.region_code_for_number(number) in dialled_nationally:
                return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if home:
        raise CoordinateError(
            _PHONE,
            typed,
            Advice(
                QT_TRANSLATE_NOOP(
                    "DomainErrors",
                    "tapez un numéro local ({example}) ou un numéro avec son indicatif "
                    "(+33 6 12 34 56 78).",
                ),
                example=_LOCAL_EXAMPLES[home],
            ),
        )
    raise CoordinateError(
        _PHONE,
        typed,
        Advice(
            QT_TRANSLATE_NOOP(
                "DomainErrors",
                "tapez un numéro français à 10 chiffres (06 12 34 56 78, 0690 12 34 56 "
                "outre-mer) ou international (+32 …).",
            )
        ),
    )


def _overseas_twin(number: PhoneNumber) -> PhoneNumber | None:
    """The overseas département's own number behind a French landline of the ranges France
    gave them (« 02 69 … » Mayotte, « 05 96 … » Martinique): France's plan takes them for
    mainland landlines, written « 02 69 … » and dialled « +33 2 69 … », which reaches nobody
    from abroad; the same caller typed « +262 269 … » would be stored apart."""
    import phonenumbers

    landline = phonenumbers.PhoneNumberType.FIXED_LINE
    if number.country_code != 33 or phonenumbers.number_type(number) != landline:
        return None
    national = "0" + phonenumbers.national_significant_number(number)
    for region in OVERSEAS_REGIONS:
        twin = phonenumbers.parse(national, region)
        if phonenumbers.is_valid_number(twin) and phonenumbers.number_type(twin) == landline:
            return twin
    return None


def check_email(text: str) -> str:
    """The address as the RFCs allow it (domain in lower case); no lookup: the desk is offline."""
    from email_validator import EmailNotValidError, validate_email

    typed = text.strip()
    try:
        return validate_email(typed, check_deliverability=False).normalized
    except EmailNotValidError:
        raise CoordinateError(
            _EMAIL,
            typed,
            Advice(
                QT_TRANSLATE_NOOP(
                    "DomainErrors", "il faut une adresse complète, comme prenom.nom@exemple.fr."
                )
            ),
        ) from None
