"""Templates installed with the package (the default Word reference document)."""
