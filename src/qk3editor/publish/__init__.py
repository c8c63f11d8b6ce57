"""Publishing (issue 6): targets, WordPress REST, ninjs push, the outbox, the reference portal.

No Qt here. The GUI and CLI are clients of this package.
"""
