"""Demo partners: the organisations of ``content/partners.py`` with their branches and
agreements, the co-hosts of the series, a contact who can log in to the partner workspace
(and has proposed a draft) and one still invited. Made through the partners' services (so
they are audited like real work); only when no partner exists yet."""

import datetime

from django.utils import timezone

from ontmoet.partners import services
from ontmoet.partners.models import Partner
from ontmoet.programme.models import Format, Series
from ontmoet.venues.models import Branch

from .content.partners import CONTACTS, PARTNERS, SERIES_HOSTS
from .content.reference import DEMO_PASSWORD

PARTNER_LOGIN = CONTACTS[0][2]


def _months_back(today: datetime.date, months: int) -> datetime.date:
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return datetime.date(year, month + 1, 1)


def load_partners(*, actor, today: datetime.date) -> int:
    if Partner.objects.exists():
        return 0
    branches = {b.slug: b for b in Branch.objects.all()}
    partners = {}
    for name, kind, slugs, description, agreements in PARTNERS:
        partner = services.partner_create(
            actor=actor,
            data={"name": name, "kind": kind, "description": description},
            branches=[] if "*" in slugs else [branches[s] for s in slugs if s in branches],
        )
        for agreement_kind, title, back, months in agreements:
            starts_on = _months_back(today, back)
            ends_on = None
            if months is not None:
                ends_on = _months_back(today, back - months) - datetime.timedelta(days=1)
            services.agreement_add(
                actor=actor,
                partner=partner,
                kind=agreement_kind,
                title=title,
                starts_on=starts_on,
                ends_on=ends_on,
            )
        partners[name] = partner
    for slug, hosts in SERIES_HOSTS.items():
        series = Series.objects.filter(slug=slug).first()
        if series is not None:
            services.series_hosts_set(
                actor=actor, series=series, hosts=[(partners[n], role) for n, role in hosts]
            )
    for partner_name, name, email, accepted in CONTACTS:
        member, token = services.member_invite(
            actor=actor, partner=partners[partner_name], name=name, email=email
        )
        if accepted:
            member = services.member_accept(member=member, password=DEMO_PASSWORD)
            _propose(member.user, partners[partner_name], branches, today)
    return len(partners)


def _propose(user, partner: Partner, branches: dict, today: datetime.date) -> None:
    """The contact's own proposal, waiting for the library: a draft next month."""
    day = today + datetime.timedelta(days=30 - today.weekday() + 2)  # a Wednesday
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(14)))
    services.partner_activity_propose(
        actor=user,
        data={
            "title": "Taalspel-middag voor ouders en kinderen",
            "summary": "Spelletjes in eenvoudig Nederlands, voor ouders en kinderen samen.",
            "description": "Een voorstel van het Taalhuis: een middag taalspelletjes waarbij "
            "ouders en kinderen samen Nederlands oefenen. (Demo-inhoud.)",
            "format": Format.objects.filter(slug="workshop").first()
            or Format.objects.order_by("pk").first(),
            "branch": branches.get("transvaal") or next(iter(branches.values())),
            "starts_at": start,
            "ends_at": start + datetime.timedelta(hours=2),
        },
    )
