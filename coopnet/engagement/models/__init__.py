from .discussions import Post, PostReport, Thread
from .groups import Group, GroupMembership
from .newsletter import Delivery, Newsletter, Subscriber

__all__ = [
    "Delivery",
    "Group",
    "GroupMembership",
    "Newsletter",
    "Post",
    "PostReport",
    "Subscriber",
    "Thread",
]
