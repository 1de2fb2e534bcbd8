from django.urls import path

from congdoan.notifications import views

app_name = "notifications"

urlpatterns = [
    path("notifications/", views.inbox, name="inbox"),
    path("notifications/read/", views.mark_read, name="read"),
    path("notifications/settings/", views.email_settings, name="settings"),
]
