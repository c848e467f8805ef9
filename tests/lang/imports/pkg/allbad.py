__all__ = ["double", 5]
