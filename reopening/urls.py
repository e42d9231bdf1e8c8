"""Reopening URLs outside the language prefixes: the alert banners of each language."""

from django.urls import path

from .views import alert_banners

urlpatterns = [
    path("<str:language>.json", alert_banners, name="alert_banners"),
]
