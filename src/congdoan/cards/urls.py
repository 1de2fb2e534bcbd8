"""Card URLs; `verify/card/` is public (a card's QR opens it)."""

from django.urls import path

from congdoan.cards import member_views, views

app_name = "cards"
urlpatterns = [
    path("verify/card/<str:token>/", views.verify, name="verify"),
    path("units/<int:pk>/cards/", views.union_cards, name="union"),
    path("units/<int:pk>/cards/print/", views.print_approved, name="print"),
    path("units/<int:pk>/cards/print.pdf", views.printed_pdf, name="pdf"),
    path("units/<int:pk>/cards/hand-over/", views.hand_over, name="hand_over"),
    path("me/card/", member_views.my_card, name="my_card"),
    path("me/card/sw.js", member_views.service_worker, name="my_card_worker"),
]
