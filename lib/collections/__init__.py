"""Container datatypes (a placeholder: the full module is separate)."""
