"""Widgets, models and dialogs of the Orientation and Suivi screens, and the slip renderer.

Nothing here decides who is suggested, what a referral records or when it is overdue: the
domain services of `spro_desk.orientation` and `spro_desk.contacts` do.
"""
