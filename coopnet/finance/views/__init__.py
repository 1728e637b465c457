"""Finance pages: staff (runs, invoices, payments, debtors) and members (their own invoices)."""
