"""jtreport's built-in plugins: readers (input formats) and exporters (output
formats).  Each registers through the same hooks and entry points a third-party
plugin uses; none imports a heavy library until it is used."""
