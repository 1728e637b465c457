"""One demo sign-in per access role, and the made-up people behind them.

The made-up people are called "Demo ..." and are never public, so they stay out of public
pages and out of the figures: none of them holds a membership. The board-member account is
linked to a real member of the Executive Oversight Committee named in the seeds, so that a
board member's pages show real data, but its own name says it is a demo account.
"""

from __future__ import annotations

from coopnet.accounts.roles import UserRole
from coopnet.members.models import RoleKind as R

from .types import DemoAccount, SeedPerson, SeedRole

DEMO_EMAIL_DOMAIN = "demo.coopnet.test"
LOGIN_URL = "http://127.0.0.1:8000/accounts/login/"
PASSWORD_ENV = "DEMO_PASSWORD"
PASSWORD_FILE = ".demo-password"


def _email(local: str) -> str:
    return f"{local}@{DEMO_EMAIL_DOMAIN}"


DEMO_PEOPLE: tuple[SeedPerson, ...] = (
    SeedPerson(
        slug="demo-finance-officer",
        full_name="Demo Finance Officer",
        roles=(SeedRole("oldham-council", R.OFFICER, "Finance officer, Accountable Body"),),
    ),
    SeedPerson(
        slug="demo-council-officer",
        full_name="Demo Council Officer",
        roles=(
            SeedRole(
                "stevenage-borough-council", R.OFFICER, "Policy officer", manages_profile=True
            ),
        ),
    ),
    SeedPerson(
        slug="demo-affiliate-contact",
        full_name="Demo Affiliate Contact",
        roles=(SeedRole("ideas-alliance", R.CONTACT, "", manages_profile=True),),
    ),
    SeedPerson(
        slug="demo-supporter",
        full_name="Demo Supporter",
        roles=(SeedRole("community-catalysts", R.CONTACT),),
    ),
)

DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount(UserRole.NETWORK_ADMIN, _email("admin"), "Demo Network Admin", is_staff=True),
    DemoAccount(
        UserRole.FINANCE_OFFICER,
        _email("finance"),
        "Demo Finance Officer",
        is_staff=True,
        person="demo-finance-officer",
    ),
    DemoAccount(UserRole.BOARD_MEMBER, _email("board"), "Demo Board Member", person="paul-stewart"),
    DemoAccount(
        UserRole.MEMBER_OFFICER,
        _email("officer"),
        "Demo Council Officer",
        person="demo-council-officer",
    ),
    DemoAccount(
        UserRole.AFFILIATE_CONTACT,
        _email("affiliate"),
        "Demo Affiliate Contact",
        person="demo-affiliate-contact",
    ),
    DemoAccount(UserRole.SUPPORTER, _email("supporter"), "Demo Supporter", person="demo-supporter"),
)
