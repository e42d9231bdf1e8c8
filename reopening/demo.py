"""Nice to MIP You demo content (filled by the reopening issue)."""


def build(home):
    return {}
