"""Serving pages to visitors: what stands between a request and a rendered page."""
