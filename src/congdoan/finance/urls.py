"""The union's money: statements, roll-ups and the forms that record them."""

from django.urls import path

from congdoan.finance import views

app_name = "finance"
urlpatterns = [
    path("units/<int:pk>/money/", views.money, name="money"),
    path("units/<int:pk>/money.xlsx", views.money_xlsx, name="money_xlsx"),
    path("units/<int:pk>/money.pdf", views.money_pdf, name="money_pdf"),
    path("units/<int:pk>/money/employer/", views.employer, name="employer"),
    path("units/<int:pk>/money/dues/", views.dues_record, name="dues_record"),
    path("units/<int:pk>/money/levy/", views.levy_record, name="levy_record"),
    path("units/<int:pk>/money/remit/", views.remit, name="remit"),
    path("units/<int:pk>/money/close/", views.close, name="close"),
]
