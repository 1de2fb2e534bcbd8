"""Who read a person's sensitive data, and the retention rule's de-identification."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from congdoan.accounts.scope import scope_for
from congdoan.core.paging import CappedPaginator
from congdoan.members import privacy
from congdoan.members.access import readable_person
from congdoan.members.models import ReadKind

PAGE_SIZE = 50
SHOWN_DUE = 500


@login_required
@require_GET
def reads(request, pk: int):
    """For the person's registry keepers: every reading of the person's sensitive fields."""
    person = readable_person(request, pk)
    if not privacy.may_read_sensitive(request.user, person):
        raise PermissionDenied(_("Chỉ cán bộ quản lý đoàn viên của người này được xem."))
    page = Paginator(privacy.reads_of(person), PAGE_SIZE).get_page(request.GET.get("page"))
    for read in page.object_list:
        read.field_names = privacy.field_labels(read.fields)
        read.past_cap = read.kind == ReadKind.LIST and read.rows > CappedPaginator.cap
    context = {"person": person, "page": page, "cap": CappedPaginator.cap}
    return render(request, "members/reads.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def retention(request):
    """The retention rule over the people the user keeps: GET lists who would be de-identified
    (the dry run), POST de-identifies them."""
    if not privacy.may_see_party(scope_for(request.user)):
        raise PermissionDenied(_("Chỉ cán bộ quản lý đoàn viên được áp dụng thời hạn lưu giữ."))
    data = request.POST if request.method == "POST" else request.GET
    today, refusal, due, count = timezone.localdate(), "", [], 0
    try:
        years = privacy.check_years(data.get("years") or privacy.retention_years())
    except ValidationError as error:
        years, refusal = data.get("years", ""), " ".join(error.messages)
    if not refusal:
        if request.method == "POST":
            done = privacy.deidentify_due(
                actor=request.user, years=years, today=today, dry_run=False
            )
            messages.success(request, _("Đã ẩn danh %(n)s hồ sơ.") % {"n": len(done)})
            return redirect(f"{request.path}?years={years}")
        listed = privacy.retention_due(scope_for(request.user), years=years, today=today)
        due, count = list(listed[:SHOWN_DUE]), listed.count()
    return render(
        request,
        "members/deidentify.html",
        {
            "retention": True,
            "years": years,
            "due": due,
            "due_count": count,
            "refusal": refusal,
        },
    )
