"""QR codes as inline SVG, for tickets and posters (segno, no image files)."""

import segno
from django.utils.safestring import mark_safe


def qr_svg(address: str, title: str, scale: int = 4) -> str:
    qr = segno.make(address, error="m")
    # segno writes only the QR's own markup (the address is ours, the title our own text).
    svg = qr.svg_inline(scale=scale, title=title, border=2)
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308
