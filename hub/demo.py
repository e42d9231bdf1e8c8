"""KeepONLearning demo content (filled by the hub issue)."""


def build(home, scale=0):
    return {}
