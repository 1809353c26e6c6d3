"""The result of a debate's vote in words, the same on the pages, the big screen and the API.

A shift can be negative: when the undecided grew, both sides may lose, and the side that
lost least wins. So the words never say "gained"; they give each side's change with its
sign (+5, −3, 0), from which the verdict follows.
"""

from django.utils.translation import gettext as _


def signed(points: int) -> str:
    """+5, −3 (a true minus sign, read as "minus") or 0."""
    if points > 0:
        return f"+{points}"
    return f"\u2212{-points}" if points < 0 else "0"


def _change(result) -> dict[str, str]:
    return {"for": signed(result.shift["for"]), "against": signed(result.shift["against"])}


def verdict(result) -> str:
    """The winner and both sides' change, in full sentences; "" until there is a winner."""
    if result is None or result.winner is None:
        return ""
    change = _("Change in percentage points: for %(for)s, against %(against)s.") % _change(result)
    if result.winner == "for":
        said = _("The side for the motion wins.")
    elif result.winner == "against":
        said = _("The side against the motion wins.")
    else:
        said = _("A tie: both sides changed by as much.")
    return f"{said} {change}"


def verdict_short(result) -> str:
    """For a list of motions: "for won (for +5, against −3 points)"; "" without a winner."""
    if result is None or result.winner is None:
        return ""
    change = _("for %(for)s, against %(against)s points") % _change(result)
    if result.winner == "for":
        return _("for won (%(change)s)") % {"change": change}
    if result.winner == "against":
        return _("against won (%(change)s)") % {"change": change}
    return _("a tie (%(change)s)") % {"change": change}
