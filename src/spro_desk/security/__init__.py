"""The desk's secrets: the data key and its vault, the sealing primitives, the access log.

Below the agents (whose accounts wrap the data key) and privacy (which seals personal data).
"""
