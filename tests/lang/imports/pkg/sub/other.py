print("imports.pkg.sub.other: body runs")
name = "other"
