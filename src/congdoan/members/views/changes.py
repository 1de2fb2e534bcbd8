"""Admission (one person or many), transfer, exit, re-admission and corrections."""

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.core.form_service import done, run_form_service
from congdoan.members import services
from congdoan.members.access import kept_person
from congdoan.members.forms import (
    PERSON_FIELDS,
    AdmitForm,
    AdmitManyForm,
    ExitForm,
    PersonForm,
    ReadmitForm,
    TransferForm,
)
from congdoan.members.models import ReadKind
from congdoan.members.privacy import read_person
from congdoan.members.selectors import keepable_grassroots
from congdoan.members.services import open_membership
from congdoan.members.views.common import form_page
from congdoan.org.access import members_keeper_unit
from congdoan.org.selectors import last_version


def _grassroots_for(request, person=None):
    """Unions the user may move the person to: kept by the user, other than the current one."""
    current = open_membership(person) if person is not None else None
    return keepable_grassroots(scope_for(request.user), besides=current.unit if current else None)


@login_required
def admit(request, pk: int):
    unit = members_keeper_unit(request, pk)
    form = AdmitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, membership = run_form_service(
            form,
            lambda: services.member_admit(
                actor=request.user,
                unit=unit,
                person=form.person_data(),
                joined_on=form.cleaned_data["joined_on"],
                decision=form.decision(),
            ),
            by_field=str,
        )
        if ok:
            return done(
                request,
                _("Đã kết nạp %(name)s.") % {"name": membership.person},
                "members:detail",
                pk=membership.person_id,
            )
    return form_page(
        request,
        title=_("Kết nạp đoàn viên"),
        form=form,
        subject=last_version(unit).name,
        back_url=reverse("org:detail", args=[unit.pk]),
    )


@login_required
def admit_many(request, pk: int):
    unit = members_keeper_unit(request, pk)
    form = AdmitManyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, created = run_form_service(
            form,
            lambda: services.members_admit(
                actor=request.user,
                unit=unit,
                people=form.cleaned_data["rows"],
                joined_on=form.cleaned_data["joined_on"],
                decision=form.decision(),
            ),
            by_field=str,
        )
        if ok:
            return done(
                request,
                _("Đã kết nạp %(n)s đoàn viên.") % {"n": len(created)},
                reverse("members:list") + f"?unit={unit.pk}",
            )
    return form_page(
        request,
        title=_("Kết nạp tập thể"),
        form=form,
        subject=last_version(unit).name,
        back_url=reverse("org:detail", args=[unit.pk]),
    )


def _person_change(request, pk: int, *, form_class, title: str, act, form_kwargs=None):
    """The common shape of a change to one person: a form, a service call, back to the record.
    `form_kwargs(person)` gives the form's extra arguments."""
    person = kept_person(request, pk)
    form = form_class(request.POST or None, **(form_kwargs(person) if form_kwargs else {}))
    if request.method == "POST" and form.is_valid():
        ok, _result = run_form_service(form, lambda: act(person, form), by_field=str)
        if ok:
            return done(request, _("Đã cập nhật hồ sơ."), "members:detail", pk=person.pk)
    return form_page(
        request,
        title=title,
        form=form,
        subject=person.full_name,
        back_url=reverse("members:detail", args=[person.pk]),
    )


@login_required
def transfer(request, pk: int):
    def act(person, form):
        data = form.cleaned_data
        services.member_transfer(
            actor=request.user,
            person=person,
            to_unit=data["to_unit"],
            on=data["on"],
            note=data["note"],
        )

    return _person_change(
        request,
        pk,
        form_class=TransferForm,
        title=_("Chuyển sinh hoạt"),
        act=act,
        form_kwargs=lambda person: {"units": _grassroots_for(request, person)},
    )


@login_required
def leave(request, pk: int):
    def act(person, form):
        data = form.cleaned_data
        services.member_exit(
            actor=request.user, person=person, on=data["on"], kind=data["kind"], note=data["note"]
        )

    return _person_change(
        request, pk, form_class=ExitForm, title=_("Rời tổ chức công đoàn"), act=act
    )


@login_required
def readmit(request, pk: int):
    def act(person, form):
        services.member_readmit(
            actor=request.user,
            person=person,
            unit=form.cleaned_data["unit"],
            on=form.cleaned_data["on"],
            decision=form.decision(),
        )

    return _person_change(
        request,
        pk,
        form_class=ReadmitForm,
        title=_("Kết nạp lại"),
        act=act,
        form_kwargs=lambda person: {"units": _grassroots_for(request)},
    )


@login_required
def edit(request, pk: int):
    def initial(person) -> dict:
        read_person(request.user, person, kind=ReadKind.EDIT)  # the form shows them: log it
        values = {name: getattr(person, name, None) for name in PERSON_FIELDS}
        return {"initial": {**values, "full_name": person.full_name}}

    def act(person, form):
        services.member_update(actor=request.user, person=person, data=form.person_data())

    return _person_change(
        request, pk, form_class=PersonForm, title=_("Sửa hồ sơ"), act=act, form_kwargs=initial
    )
