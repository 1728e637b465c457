"""A person's rights over their data (UK GDPR): the subject-access export, erasure by
anonymisation, and the registry's retention rules. The registries it reads are in
`coopnet.core.personal_data`; docs/privacy.md is the record of processing."""
