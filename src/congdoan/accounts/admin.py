"""Back office for users and their roles."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from congdoan.accounts.models import Role, User


class RoleInline(admin.TabularInline):
    model = Role
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(User)
class CongdoanUserAdmin(UserAdmin):
    inlines = [RoleInline]


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "unit"]
    list_filter = ["kind"]
    list_select_related = ["user", "unit"]
    autocomplete_fields = ["user", "unit"]
