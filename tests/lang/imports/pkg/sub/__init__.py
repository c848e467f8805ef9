print("imports.pkg.sub: body runs")
__all__ = ["deep", "other"]
