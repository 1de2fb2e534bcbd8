"""People in the back office."""

from django.contrib import admin

from congdoan.members.models import Person


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["__str__", "birth_date", "gender"]
    search_fields = ["search_text"]
