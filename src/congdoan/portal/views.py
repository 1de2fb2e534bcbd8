"""The member's own pages under /me/: their record, who read it, their correction requests,
the downloads of all their data, and their certificates."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.awards.papers import certificate_pdf
from congdoan.awards.selectors import person_awards
from congdoan.core.form_service import put_refusal
from congdoan.core.http import file_response
from congdoan.members.privacy import field_labels
from congdoan.portal.access import own_person
from congdoan.portal.corrections import correction_request
from congdoan.portal.forms import CorrectionForm
from congdoan.portal.papers import record_pdf
from congdoan.portal.record import as_data, own_record, who_read


def _site(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@login_required
def me(request):
    person = own_person(request)
    record = own_record(person)
    return render(request, "portal/me.html", {"record": record, "person": person})


@login_required
def reads(request):
    person = own_person(request)
    rows = who_read(person)
    for row in rows:
        row.field_names = field_labels(row.fields)
    return render(request, "portal/reads.html", {"person": person, "reads": rows})


@login_required
def corrections(request):
    person = own_person(request)
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            correction_request(actor=request.user, person=person, **form.cleaned_data)
            messages.success(request, _("Đã gửi đề nghị; công đoàn của bạn sẽ xem xét."))
            return redirect("portal:corrections")
        except (ValidationError, PermissionDenied) as error:
            put_refusal(form, error, by_field=str)
    record = own_record(person)
    return render(
        request, "portal/corrections.html", {"person": person, "form": form, "record": record}
    )


@login_required
def export_json(request):
    person = own_person(request)
    body = json.dumps(as_data(own_record(person), _site(request)), ensure_ascii=False, indent=2)
    return file_response(body, "application/json; charset=utf-8", f"du-lieu-{person.code}.json")


@login_required
def export_pdf(request):
    person = own_person(request)
    data = as_data(own_record(person), _site(request))
    body = record_pdf(data, today=timezone.localdate())
    return file_response(body, "application/pdf", f"du-lieu-{person.code}.pdf")


@login_required
def certificate(request, pk: int):
    """The member's own certificate (another's answers 404, as a missing one does)."""
    person = own_person(request)
    award = person_awards(person).filter(pk=pk).first()
    if award is None or award.revoked:
        raise Http404
    url = request.build_absolute_uri(reverse("awards:verify", args=[award.token]))
    body = certificate_pdf(award, url)
    return file_response(body, "application/pdf", f"chung-nhan-{award.pk}.pdf", inline=True)
