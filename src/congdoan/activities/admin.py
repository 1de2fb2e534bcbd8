"""Back office: activity types and their fields are a list the federation extends; records
and targets are read here and changed through the pages (whose services audit them)."""

from django.contrib import admin

from congdoan.activities.models import Activity, ActivityField, ActivityType, Target


class ActivityFieldInline(admin.TabularInline):
    model = ActivityField
    extra = 1


@admin.register(ActivityType)
class ActivityTypeAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "code",
        "people_label",
        "money_label",
        "quantity_label",
        "order",
        "active",
    ]
    list_editable = ["order", "active"]
    list_filter = ["active"]
    inlines = [ActivityFieldInline]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Activity)
class ActivityAdmin(ReadOnlyAdmin):
    list_display = ["started_on", "unit", "activity_type", "title", "people", "money", "quantity"]
    list_filter = ["activity_type"]
    list_select_related = ["unit", "activity_type"]
    date_hierarchy = "started_on"


@admin.register(Target)
class TargetAdmin(ReadOnlyAdmin):
    list_display = ["unit", "metric", "starts_on", "ends_on", "value", "basis"]
    list_select_related = ["unit"]
