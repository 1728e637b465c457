from django.urls import URLPattern, URLResolver, path

from .views import members, staff

app_name = "finance"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", staff.invoices, name="invoices"),
    path("run/", staff.run, name="run"),
    path("run/<int:pk>/", staff.run_detail, name="run_detail"),
    path("ledger.csv", staff.ledger, name="ledger"),
    path("debtors/", staff.debtors, name="debtors"),
    path("lapsed/<int:pk>/end/", staff.lapsed_end, name="lapsed_end"),
    path("my-invoices/", members.my_invoices, name="my_invoices"),
    path(
        "organisations/<slug:slug>/purchase-orders/",
        members.purchase_order,
        name="purchase_order",
    ),
    path("invoices/<str:reference>/", members.invoice_detail, name="invoice_detail"),
    path("invoices/<str:reference>/invoice.pdf", members.invoice_pdf, name="invoice_pdf"),
    path(
        "invoices/<str:reference>/credit-notes/<str:number>.pdf",
        members.credit_note_pdf,
        name="credit_note_pdf",
    ),
    path("invoices/<str:reference>/payments/add/", staff.payment_add, name="payment_add"),
    path(
        "invoices/<str:reference>/payments/<int:pk>/reverse/",
        staff.payment_reverse,
        name="payment_reverse",
    ),
    path(
        "invoices/<str:reference>/credit-notes/add/", staff.credit_note_add, name="credit_note_add"
    ),
]
