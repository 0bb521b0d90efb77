"""The bundled statement, installed with the package (see jtreport.api.bundled_statement)."""
