"""Writes about partners: the organisation and its agreements (staff), who co-hosts what
(staff), inviting a contact and accepting the invitation, and what a contact does for their
organisation — propose and edit draft activities, ask for a room, keep an API key for their
own systems. Every change is audited with the acting user, staff or partner."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from rest_framework.authtoken.models import Token

from ontmoet.accounts import scoping
from ontmoet.core.audit import audit_record
from ontmoet.core.pagecache import content_changed
from ontmoet.programme.models import Activity, Series
from ontmoet.programme.services import PUBLIC_CONTENT, activity_create, activity_update

from .models import ActivityPartner, Agreement, Partner, PartnerMember, Role, SeriesPartner
from .permissions import partner_may_use_branch, partner_of

PARTNER_FIELDS = ("name", "kind", "description", "website", "is_public", "is_active")
INVITATION_SALT = "ontmoet.partners.invitation"
INVITATION_DAYS = 14


def _ensure_partner_manager(actor) -> None:
    """Partners are kept by staff who plan (programme makers and central staff)."""
    if not scoping.can_edit_anything(actor):
        raise PermissionDenied("Only programme staff keep partners.")


def _unique_slug(name: str, exclude: int | None = None) -> str:
    base = slugify(name)[:100] or "partner"
    slug, n = base, 1
    while Partner.objects.filter(slug=slug).exclude(pk=exclude).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def partner_create(*, actor, data: dict, branches=()) -> Partner:
    _ensure_partner_manager(actor)
    partner = Partner(**{k: v for k, v in data.items() if k in PARTNER_FIELDS})
    partner.slug = _unique_slug(partner.name)
    partner.full_clean()
    partner.save()
    partner.branches.set(branches)
    audit_record(
        actor=actor,
        code="partners.partner.created",
        target=partner,
        changes={k: [None, str(getattr(partner, k))] for k in ("name", "kind")},
    )
    content_changed(PUBLIC_CONTENT)
    return partner


@transaction.atomic
def partner_update(*, actor, partner: Partner, data: dict, branches=None) -> Partner:
    _ensure_partner_manager(actor)
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    changes = {}
    for key, value in data.items():
        if key in PARTNER_FIELDS and getattr(partner, key) != value:
            changes[key] = [str(getattr(partner, key)), str(value)]
            setattr(partner, key, value)
    partner.full_clean()
    partner.save()
    if branches is not None:
        before = sorted(partner.branches.values_list("pk", flat=True))
        partner.branches.set(branches)
        after = sorted(b.pk if hasattr(b, "pk") else int(b) for b in branches)
        if before != after:
            changes["branches"] = [before, after]
    if changes:
        audit_record(actor=actor, code="partners.partner.updated", target=partner, changes=changes)
        content_changed(PUBLIC_CONTENT)
    return partner


@transaction.atomic
def agreement_add(
    *,
    actor,
    partner: Partner,
    kind: str,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    notes: str = "",
) -> Agreement:
    _ensure_partner_manager(actor)
    agreement = Agreement(
        partner=partner, kind=kind, title=title, starts_on=starts_on, ends_on=ends_on, notes=notes
    )
    agreement.full_clean()
    agreement.save()
    audit_record(
        actor=actor,
        code="partners.agreement.added",
        target=partner,
        changes={"agreement": [None, f"{agreement.get_kind_display()}: {title}"]},
    )
    return agreement


# --- who co-hosts what ----------------------------------------------------------------


def _set_hosts(model, owner_field: str, owner, hosts: list[tuple[Partner, str]]) -> dict:
    """Replace the partners of an activity or series; returns the audit diff."""
    seen = set()
    for partner, role in hosts:
        if partner.pk in seen:
            raise ValidationError({"partners": _("A partner can have one role only.")})
        if role not in Role.values:
            raise ValidationError({"partners": _("Choose a role.")})
        seen.add(partner.pk)
    existing = model.objects.filter(**{owner_field: owner}).select_related("partner")
    before = sorted(f"{h.partner.name}: {h.role}" for h in existing)
    existing.delete()
    model.objects.bulk_create([model(**{owner_field: owner}, partner=p, role=r) for p, r in hosts])
    after = sorted(f"{p.name}: {r}" for p, r in hosts)
    if before == after:
        return {}
    content_changed(PUBLIC_CONTENT)
    return {"partners": [before, after]}


@transaction.atomic
def activity_hosts_set(*, actor, activity: Activity, hosts: list[tuple[Partner, str]]) -> None:
    """Staff of the activity's branch say which partners co-host it, and how."""
    if not scoping.can_edit_branch(actor, activity.branch_id):
        raise PermissionDenied("Not your branch.")
    changes = _set_hosts(ActivityPartner, "activity", activity, hosts)
    if changes:
        audit_record(
            actor=actor, code="partners.activity.hosts_set", target=activity, changes=changes
        )


@transaction.atomic
def series_hosts_set(*, actor, series: Series, hosts: list[tuple[Partner, str]]) -> None:
    """Series are kept centrally: central staff say who co-hosts one."""
    if not scoping.can_manage_lists(actor):
        raise PermissionDenied("Series are kept by central staff.")
    changes = _set_hosts(SeriesPartner, "series", series, hosts)
    if changes:
        audit_record(actor=actor, code="partners.series.hosts_set", target=series, changes=changes)


# --- contacts: invitation and account -----------------------------------------------------


@transaction.atomic
def member_invite(*, actor, partner: Partner, name: str, email: str) -> tuple[PartnerMember, str]:
    """Invite a person to act for ``partner``: an account without a password (and without a
    staff role) and a signed link, valid ``INVITATION_DAYS`` days, to set one. Inviting an
    address again sends a new link and the old one stops working — until the invitation is
    accepted: then it is refused (the contact resets a forgotten password instead)."""
    _ensure_partner_manager(actor)
    email = email.strip().lower()
    name = name.strip()
    if not name or not email:
        raise ValidationError({"email": _("Enter a name and an email address.")})
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(username=email[:150], email=email, first_name=name[:150], is_active=False)
        user.set_unusable_password()
        user.full_clean()
        user.save()
    elif scoping.is_backoffice_user(user) or user.is_superuser:
        raise ValidationError({"email": _("This address belongs to a staff account.")})
    member = PartnerMember.objects.filter(user=user).first()
    if member is not None and member.partner_id != partner.pk:
        raise ValidationError({"email": _("This person already acts for another partner.")})
    if member is not None and member.accepted_at is not None:
        # Their invitation is spent (accepting sets the password once); a new one would be a
        # dead link. A forgotten password has its own way back.
        raise ValidationError(
            {
                "email": _(
                    "This person has accepted an invitation already. If they forgot their "
                    "password, they use “Forgot your password?” on the partner login."
                )
            }
        )
    if member is None:
        member = PartnerMember(partner=partner, user=user, name=name[:150], invited_by=actor)
    member.invitations_sent += 1
    member.save()
    audit_record(
        actor=actor,
        code="partners.member.invited",
        target=partner,
        changes={"member": [None, email]},
    )
    token = signing.dumps([member.pk, member.invitations_sent], salt=INVITATION_SALT)
    return member, token


def member_by_invitation(token: str) -> PartnerMember | None:
    """The member a still-valid, unused invitation is for."""
    try:
        pk, sent = signing.loads(
            str(token)[:500], salt=INVITATION_SALT, max_age=datetime.timedelta(days=INVITATION_DAYS)
        )
    except (signing.BadSignature, ValueError, TypeError):
        return None
    member = PartnerMember.objects.select_related("user", "partner").filter(pk=pk).first()
    if member is None or member.invitations_sent != sent or member.accepted_at is not None:
        return None
    return member


@transaction.atomic
def member_accept(*, member: PartnerMember, password: str) -> PartnerMember:
    """Set the password of an invited contact and open the account."""
    member = PartnerMember.objects.select_for_update().select_related("user").get(pk=member.pk)
    if member.accepted_at is not None:
        raise ValidationError({"password": _("This invitation has been used already.")})
    validate_password(password, member.user)
    member.user.set_password(password)
    member.user.is_active = True
    member.user.save(update_fields=["password", "is_active"])
    member.accepted_at = timezone.now()
    member.save(update_fields=["accepted_at", "updated_at"])
    audit_record(
        actor=member.user, code="partners.member.accepted", target=member.partner, changes={}
    )
    return member


# --- what a contact does for their organisation -------------------------------------------


@transaction.atomic
def partner_activity_propose(*, actor, data: dict) -> Activity:
    """A contact proposes an activity: a draft co-organised by their partner, for the library
    to check and publish. A space it names is held tentatively."""
    partner = partner_of(actor)
    if partner is None:
        raise PermissionDenied("Not a partner contact.")
    activity = activity_create(actor=actor, data=data)  # a new activity is a draft
    ActivityPartner.objects.create(activity=activity, partner=partner, role=Role.ORGANISER)
    audit_record(
        actor=actor,
        code="partners.activity.proposed",
        target=activity,
        changes={"partner": [None, partner.name]},
    )
    return activity


def partner_activity_update(*, actor, activity: Activity, data: dict) -> Activity:
    """A contact changes a draft their partner co-organises (the programme's service checks
    that it is one, under its lock)."""
    return activity_update(actor=actor, activity=activity, data=data)


@transaction.atomic
def partner_room_request(*, actor, space, language: str = "nl", **request):
    """A contact asks for a room for their partner: a request staff decide on, like a
    resident's, carrying the organisation's name; audited as the contact's action. Only in
    the branches the partner works with (any branch when it names none), whichever door the
    request comes through: the workspace offers no other, the API must not take one."""
    from ontmoet.bookings.services import booking_request_create

    partner = partner_of(actor)
    if partner is None:
        raise PermissionDenied("Not a partner contact.")
    if not partner_may_use_branch(partner, space.branch_id):
        raise ValidationError(
            {"space": _("Your organisation does not work with this branch. Ask the library.")}
        )
    member = actor.partner_member
    booking = booking_request_create(
        space=space,
        name=member.name,
        email=actor.email,
        language=language,
        organisation=partner.name,
        partner=partner,
        **request,
    )
    audit_record(
        actor=actor,
        code="partners.room.requested",
        target=booking,
        changes={"space": [None, space.name], "starts_at": [None, booking.starts_at.isoformat()]},
    )
    return booking


# --- a contact's API key ------------------------------------------------------------------


def _member_of(actor) -> PartnerMember:
    if partner_of(actor) is None:
        raise PermissionDenied("Not a partner contact.")
    return actor.partner_member


@transaction.atomic
def partner_token_create(*, actor) -> Token:
    """A new API key for a contact's own systems (DRF's token, one per account): it replaces
    the key they had, which stops working at once. The caller shows the key once."""
    member = _member_of(actor)
    replaced, _per_model = Token.objects.filter(user=actor).delete()
    token = Token.objects.create(user=actor)
    audit_record(
        actor=actor,
        code="partners.token.created",
        target=member,
        changes={"replaced": bool(replaced)},
    )
    return token


@transaction.atomic
def partner_token_revoke(*, actor) -> bool:
    """Revoke the contact's API key; False when they had none (nothing to audit)."""
    member = _member_of(actor)
    deleted, _per_model = Token.objects.filter(user=actor).delete()
    if deleted:
        audit_record(actor=actor, code="partners.token.revoked", target=member, changes={})
    return bool(deleted)
