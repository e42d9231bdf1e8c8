"""Pages whose public version only a reviewer may change.

A section marks its page types with `RequiresReview` (the reopening section does: what a
person arriving on campus reads must have been checked). For those pages, whatever makes
what visitors see change — publishing, unpublishing, scheduling, moving, aliasing, deleting
a live page, restricting who may see it, or saving a live page's content directly — needs a
reviewer (a member of *Reviewers* with publish rights there) or an administrator. Editors and
translators save drafts and submit them to the review workflow.

The rule is enforced once, where every path crosses: the database writes that change the
public version (`guard.py`, on the page row, the revision's approved go-live and view
restrictions), whoever asks — the admin's buttons, bulk actions, the admin API,
wagtail-localize's views, commands and scheduled jobs. `permissions.py` keeps the admin
honest about it (no Publish button where it would be refused), and `middleware.py` turns a
refusal into a message and rolls the whole admin request back.
"""
