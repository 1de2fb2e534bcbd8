"""Finding members and reading one member's record."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from congdoan.accounts.scope import scope_for
from congdoan.members.access import readable_person
from congdoan.members.models import Gender
from congdoan.members.privacy import read_sensitive
from congdoan.members.selectors import (
    MemberFilter,
    attach_current_units,
    find_people,
    person_history,
)
from congdoan.members.services import open_membership
from congdoan.org.models import Sector
from congdoan.org.selectors import display_version

PAGE_SIZE = 50


def _int(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def _filter_from(request, scope) -> tuple[MemberFilter, object]:
    get = request.GET
    unit = None
    unit_id = _int(get.get("unit"))
    if unit_id is not None:
        unit = scope.units().filter(pk=unit_id).first()
    today = timezone.localdate()
    may_see_party = scope.everything or bool(scope.member_edit_paths)
    wanted = MemberFilter(
        text=get.get("q", ""),
        unit_path=display_version(unit, today).path if unit else "",
        gender=get.get("gender", ""),
        age_from=_int(get.get("age_from")),
        age_to=_int(get.get("age_to")),
        party=get.get("party", "") if may_see_party else "",
        sector_id=_int(get.get("sector")),
        status=get.get("status") or "current",
    )
    return wanted, unit


@login_required
@require_GET
def member_list(request):
    scope = scope_for(request.user)
    wanted, unit = _filter_from(request, scope)
    today = timezone.localdate()
    page = Paginator(find_people(scope, wanted, today=today), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    attach_current_units(list(page.object_list), today)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "members/list.html",
        {
            "page": page,
            "wanted": wanted,
            "unit": unit,
            "query": query.urlencode(),
            "genders": Gender.choices,
            "sectors": Sector.objects.filter(active=True),
            "may_see_party": scope.everything or bool(scope.member_edit_paths),
        },
    )


@login_required
@require_GET
def member_detail(request, pk: int):
    person = readable_person(request, pk)
    scope = scope_for(request.user)
    current = open_membership(person)
    latest = current or person.memberships.select_related("unit").order_by("-started_on").first()
    return render(
        request,
        "members/detail.html",
        {
            "person": person,
            "current": current,
            "history": person_history(person),
            "cards": person.cards.order_by("-requested_on"),
            "posts": person.posts.select_related("unit", "position").order_by("-starts_on"),
            "sensitive": read_sensitive(request.user, person, purpose="view"),
            "can_keep": latest is not None and scope.can_edit_members(latest.unit),
        },
    )
