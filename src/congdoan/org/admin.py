"""Back office for the reference lists and the tree's records."""

from django.contrib import admin

from congdoan.members.models import Official
from congdoan.org.models import (
    Decision,
    Position,
    Reorganisation,
    Sector,
    Term,
    Unit,
    UnitType,
    UnitVersion,
)


@admin.register(UnitType)
class UnitTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "level", "order", "active"]
    list_filter = ["level", "active"]
    list_editable = ["order", "active"]


@admin.register(Sector, Position)
class ReferenceAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "order", "active"]
    list_editable = ["order", "active"]
    list_filter = ["active"]


class VersionInline(admin.TabularInline):
    model = UnitVersion
    fk_name = "unit"
    extra = 0
    fields = ["name", "short_name", "parent", "valid_from", "valid_to"]
    readonly_fields = fields
    can_delete = False


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["code", "unit_type", "sector", "established_on", "ended_on"]
    list_filter = ["unit_type", "sector"]
    search_fields = ["code", "search_text"]
    list_select_related = ["unit_type", "sector"]
    readonly_fields = ["established_on", "ended_on"]
    inlines = [VersionInline]

    def has_add_permission(self, request):
        return False  # units are established through the reorganisation pages, with a decision

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["number", "signed_on", "signer"]
    search_fields = ["number", "signer"]
    date_hierarchy = "signed_on"


@admin.register(Reorganisation)
class ReorganisationAdmin(admin.ModelAdmin):
    list_display = ["kind", "effective_on", "decision", "actor"]
    list_filter = ["kind"]
    list_select_related = ["decision", "actor"]
    readonly_fields = ["kind", "effective_on", "decision", "actor", "summary"]


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["unit", "name", "starts_on", "ends_on", "congress_on"]
    autocomplete_fields = ["unit"]


@admin.register(Official)
class OfficialAdmin(admin.ModelAdmin):
    list_display = ["person", "position", "unit", "starts_on", "ends_on"]
    list_select_related = ["person", "position", "unit"]
    autocomplete_fields = ["unit", "person"]
