"""Back office: the catalogue of titles and the exclusion records."""

from django.contrib import admin

from congdoan.awards.models import Exclusion, Title


@admin.register(Title)
class TitleAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "recipient", "awarded_by", "active"]
    list_filter = ["kind", "recipient", "awarded_by", "active"]


@admin.register(Exclusion)
class ExclusionAdmin(admin.ModelAdmin):
    list_display = ["person", "kind", "starts_on", "ends_on"]
    list_filter = ["kind"]
    raw_id_fields = ["person"]
