"""Finding members and reading one member's record."""

from dataclasses import dataclass, replace
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from congdoan.accounts.scope import scope_for
from congdoan.core.paging import CappedPaginator
from congdoan.core.params import QueryParams
from congdoan.members.access import keeps, readable_person
from congdoan.members.cards import NEXT_STEP, may_approve_cards
from congdoan.members.models import Gender
from congdoan.members.privacy import (
    dated_words,
    log_list,
    may_see_party,
    read_person,
    with_keeping,
)
from congdoan.members.referrals import NEXT_STATUSES
from congdoan.members.selectors import (
    MemberFilter,
    attach_current_units,
    find_people,
    is_citizen_id_search,
    person_history,
)
from congdoan.members.transfer_selectors import person_transfers
from congdoan.org.access import readable_unit
from congdoan.org.models import Sector
from congdoan.org.selectors import display_version, named_rows

PAGE_SIZE = 50
MAX_AGE = 150
STATUSES = ("current", "left", "all")


def member_filter_from(request, *, party_allowed: bool, today) -> tuple[MemberFilter, object]:
    """The filter typed in the query string, and the unit it is limited to (404 if unseen).
    An out-of-range number is refused with a message and left out of the filter."""
    get = request.GET
    params = QueryParams(request)
    unit_id = params.integer("unit", label=_("Đơn vị"))
    unit = readable_unit(request, unit_id) if unit_id is not None else None
    status = get.get("status", "")
    dates = MemberFilter(
        as_of=params.day("as_of", label=_("Đoàn viên vào ngày")),
        admitted_from=params.day("admitted_from", label=_("Kết nạp từ ngày")),
        admitted_to=params.day("admitted_to", label=_("Kết nạp đến ngày")),
        left_from=params.day("left_from", label=_("Rời tổ chức từ ngày")),
        left_to=params.day("left_to", label=_("Rời tổ chức đến ngày")),
    )
    dates = _ordered(request, dates)
    tree_day = dates.tree_day(today)
    wanted = replace(
        dates,
        text=params.text("q"),
        unit_path=display_version(unit, tree_day).path if unit else "",
        gender=get.get("gender", ""),
        age_from=params.integer("age_from", maximum=MAX_AGE, label=_("Tuổi từ")),
        age_to=params.integer("age_to", maximum=MAX_AGE, label=_("Tuổi đến")),
        party=get.get("party", "") if party_allowed else "",
        sector_id=params.integer("sector", label=_("Ngành")),
        status=status if status in STATUSES else ("all" if dates.dated else "current"),
    )
    return wanted, unit


def _ordered(request, dates: MemberFilter) -> MemberFilter:
    """A period whose last day comes before its first is refused with a message, left out."""
    for first, last, label in (
        ("admitted_from", "admitted_to", _("Kết nạp")),
        ("left_from", "left_to", _("Rời tổ chức")),
    ):
        start, end = getattr(dates, first), getattr(dates, last)
        if start is not None and end is not None and end < start:
            messages.error(
                request,
                _("%(what)s: ngày cuối phải từ ngày đầu trở đi; bộ lọc này không được dùng.")
                % {"what": label},
            )
            dates = replace(dates, **{first: None, last: None})
    return dates


@dataclass
class Listing:
    """The people the list page shows for the query string, read through the user's scope."""

    people: QuerySet
    wanted: MemberFilter
    unit: object
    party_allowed: bool
    today: date


def member_listing(request) -> Listing:
    scope = scope_for(request.user)
    today = timezone.localdate()
    party_allowed = may_see_party(scope)
    wanted, unit = member_filter_from(request, party_allowed=party_allowed, today=today)
    people = with_keeping(find_people(scope, wanted, today=today), scope)  # `kept` per person
    return Listing(people, wanted, unit, party_allowed, today)


@login_required
@require_GET
def member_list(request):
    listing = member_listing(request)
    unit, today = listing.unit, listing.today
    page = CappedPaginator(listing.people, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = attach_current_units(list(page.object_list), today)
    unit_name = display_version(unit, listing.wanted.tree_day(today)).name if unit else ""
    log_list(
        request.user,
        listing.wanted,
        page.object_list,
        total=page.paginator.counted,  # past the cap: the cap and one more
        unit_name=unit_name,
        party_column=listing.party_allowed,
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "members/list.html",
        {
            "page": page,
            "wanted": listing.wanted,
            "unit": unit,
            "unit_name": unit_name,
            "citizen_id_search": is_citizen_id_search(listing.wanted.text),
            "query": query.urlencode(),
            "genders": Gender.choices,
            "sectors": Sector.objects.filter(active=True),
            "may_see_party": listing.party_allowed,
            "tree_day": listing.wanted.tree_day(today),
            "dated_words": dated_words(listing.wanted),
        },
    )


@login_required
@require_GET
def member_detail(request, pk: int):
    person = readable_person(request, pk)
    history = person_history(person)
    can_keep = keeps(request, person)
    cards = list(person.cards.order_by("-requested_on"))
    posts = named_rows(person.posts.select_related("unit", "position").order_by("-starts_on"))
    return render(
        request,
        "members/detail.html",
        {
            "person": person,
            "current": next((m for m in history if m.ended_on is None), None),
            "history": history,
            "cards": _with_next_steps(request, person, cards, can_keep),
            "posts": posts,
            "transfers": person_transfers(person),
            "sensitive": read_person(request.user, person),
            "open_referral_statuses": list(NEXT_STATUSES),
            "can_keep": can_keep,
        },
    )


def _with_next_steps(request, person, cards: list, can_keep: bool) -> list:
    """Set `next_step` on each card: the step of the card workflow this user may take, or ""."""
    may_approve = None
    for card in cards:
        step = NEXT_STEP.get(card.status, "")
        if step == "approve":
            if may_approve is None:
                may_approve = may_approve_cards(request.user, person)
            allowed = may_approve
        else:
            allowed = can_keep
        card.next_step = step if allowed else ""
    return cards
