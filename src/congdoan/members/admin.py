"""People in the back office; opening a record there is a sensitive reading like anywhere else."""

from django.contrib import admin

from congdoan.members.models import Person, ReadKind
from congdoan.members.privacy import SENSITIVE_FIELDS, log_read, person_subject


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["__str__", "birth_date", "gender"]
    search_fields = ["search_text"]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        person = getattr(response, "context_data", {}).get("original")
        if request.method == "GET" and isinstance(person, Person):
            log_read(
                request.user,
                kind=ReadKind.RECORD,
                people=[person],
                subject=person_subject(person),
                fields=SENSITIVE_FIELDS,
                purpose="Danh mục (quản trị hệ thống)",
            )
        return response
