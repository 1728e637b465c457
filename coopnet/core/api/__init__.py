"""What every app's part of the API shares: fields and filters, pagination, permissions."""
