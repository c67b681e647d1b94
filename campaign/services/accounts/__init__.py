"""People and their accounts: signing in, passwords, roles, their own data."""
