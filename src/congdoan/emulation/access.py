"""Access helpers for the emulation pages: fetch only what the user's scope reaches (else 404),
and check the right to change before any logic (else 403)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from congdoan.accounts.scope import Scope, scope_for
from congdoan.emulation.models import Cluster, Criterion, Scorecard
from congdoan.emulation.permissions import may_finalise, may_manage, require_card_editor
from congdoan.emulation.selectors import in_reach, member_units
from congdoan.org.models import Unit, UnitVersion


def readable_scorecard(request, pk: int) -> Scorecard:
    scorecard = get_object_or_404(Scorecard.objects.select_related("owner"), pk=pk)
    if not in_reach(scope_for(request.user), scorecard.owner):
        raise Http404
    return scorecard


def editable_scorecard(request, pk: int) -> Scorecard:
    scorecard = readable_scorecard(request, pk)
    require_card_editor(request.user, scorecard)
    return scorecard


def editable_criterion(request, pk: int) -> Criterion:
    criterion = get_object_or_404(Criterion, pk=pk)
    editable_scorecard(request, criterion.scorecard_id)
    return criterion


def readable_clusters(scope: Scope) -> QuerySet[Cluster]:
    clusters = Cluster.objects.select_related("owner", "lead")
    if scope.everything:
        return clusters
    units = scope.units().values("pk")
    return clusters.filter(Q(owner__in=units) | Q(members__unit__in=units)).distinct()


def readable_cluster(request, pk: int) -> Cluster:
    cluster = get_object_or_404(
        Cluster.objects.select_related("owner", "lead", "deputy", "scorecard"), pk=pk
    )
    if not readable_clusters(scope_for(request.user)).filter(pk=pk).exists():
        raise Http404
    return cluster


def managed_cluster(request, pk: int) -> Cluster:
    cluster = readable_cluster(request, pk)
    if not may_manage(request.user, cluster):
        raise PermissionDenied(_("Chỉ đơn vị tổ chức cụm thi đua được thay đổi cụm."))
    return cluster


def acting_units(request, cluster: Cluster) -> list[Unit]:
    """The member units the user acts for (keeps)."""
    scope = scope_for(request.user)
    units = member_units(cluster)
    if scope.everything:
        return units
    latest = dict(
        UnitVersion.objects.filter(unit__in=units)
        .order_by("valid_from")
        .values_list("unit_id", "path")
    )
    paths = scope.member_edit_paths
    return [u for u in units if paths and latest.get(u.pk, "").startswith(paths)]


def member_cluster(request, pk: int) -> Cluster:
    """A cluster in which the user acts for at least one member unit."""
    cluster = readable_cluster(request, pk)
    if not acting_units(request, cluster):
        raise PermissionDenied(_("Bạn không thuộc đơn vị thành viên nào của cụm."))
    return cluster


def finalising_cluster(request, pk: int) -> Cluster:
    cluster = readable_cluster(request, pk)
    if not may_finalise(request.user, cluster):
        raise PermissionDenied(_("Chỉ cụm trưởng hoặc đơn vị tổ chức cụm được chốt kết quả."))
    return cluster
