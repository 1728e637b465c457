"""Invitations: staff invite a person (at an organisation); accepting makes the user, the person
and their role. They live in the registry because they create registry records; `accounts` keeps
the user, groups, access roles and the allauth glue and imports nothing from here."""
