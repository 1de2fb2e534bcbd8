"""Emulation in the back office: scorecards with their criteria, clusters with their quotas and
members, ratings and reopenings to read. Day-to-day changes go through the pages' services."""

from django.contrib import admin

from congdoan.emulation.models import (
    Cluster,
    ClusterMember,
    Criterion,
    QualityRating,
    Reopening,
    Scorecard,
)


class CriterionInline(admin.TabularInline):
    model = Criterion
    fk_name = "scorecard"
    fields = ["code", "title", "max_points", "kind", "evidence", "order", "parent"]
    extra = 0


@admin.register(Scorecard)
class ScorecardAdmin(admin.ModelAdmin):
    list_display = ["name", "year", "purpose", "unit_kind", "excellent_min", "good_min"]
    list_filter = ["year", "purpose", "unit_kind"]
    inlines = [CriterionInline]


class MemberInline(admin.TabularInline):
    model = ClusterMember
    fields = ["unit", "joined_on", "left_on"]
    raw_id_fields = ["unit"]
    extra = 0


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["name", "year", "owner", "lead", "flag_quota", "merit_quota"]
    list_filter = ["year"]
    fields = ["name", "year", "owner", "lead", "deputy", "scorecard", "flag_quota", "merit_quota"]
    raw_id_fields = ["owner", "lead", "deputy", "scorecard"]
    inlines = [MemberInline]


@admin.register(QualityRating)
class QualityRatingAdmin(admin.ModelAdmin):
    list_display = ["unit", "year", "self_total", "total", "klass", "status"]
    list_filter = ["year", "klass", "status"]
    list_select_related = ["unit"]
    readonly_fields = [f.name for f in QualityRating._meta.fields]


@admin.register(Reopening)
class ReopeningAdmin(admin.ModelAdmin):
    list_display = ["at", "target", "reason", "actor"]
    readonly_fields = ["target", "reason", "actor", "at", "cluster", "rating"]
