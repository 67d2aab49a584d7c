"""Privacy of the desk: encryption of personal data, its keys, retention, erasure, the audit log.

No Qt here: the window, the command line and the tests use the same functions.
"""
