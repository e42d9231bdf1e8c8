"""The translators' workflow: who may translate what, the Translations report, and the
guards placed in front of wagtail-localize's views."""
